"""The cooperation API: reads under the visibility rules, writes for contributors only, bad
values refused with a French message, warnings on contributions outside their action."""

import pytest

from balises.cooperation.models import Acteur, Contribution

from .samples import ACTEUR_PRIVE, ACTEUR_PUBLIC, HABITANT, make_cooperation

pytestmark = pytest.mark.django_db
BASE = "/api/v1/cooperation/pontaval-sur-mer-99001"


def test_anonymous_reads_public_actors_only_and_habitants_anonymised(espace_a, alice, client):
    make_cooperation(espace_a, alice)
    body = client.get(f"{BASE}/acteurs").json()
    names = [row["name"] for row in body["results"]]
    assert ACTEUR_PUBLIC in names
    assert ACTEUR_PRIVE not in names
    assert HABITANT not in names
    assert "Habitant·e" in names


def test_a_member_sees_private_actors_and_habitants_names(espace_a, alice, bob, as_user):
    make_cooperation(espace_a, alice)
    names = [r["name"] for r in as_user(bob).get(f"{BASE}/acteurs").json()["results"]]
    assert ACTEUR_PRIVE in names and HABITANT in names


def test_outsider_gets_404_on_a_private_actor(espace_a, espace_b, alice, dana, as_user):
    made = make_cooperation(espace_a, alice)
    response = as_user(dana).get(f"{BASE}/acteurs/{made['prive'].pk}")
    assert response.status_code == 404


def test_reader_cannot_create_an_actor(espace_a, bob, as_user):
    client = as_user(bob)
    response = client.post(
        f"{BASE}/acteurs", {"kind": "elu", "name": "X"}, content_type="application/json"
    )
    assert response.status_code in (401, 403)
    assert not Acteur.objects.exists()


def _token_client(client, user):
    from balises.core.tokens import create_token

    _token, secret = create_token(user, "api coop")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client


def test_contributor_declares_a_contribution_and_is_warned_outside_the_action(
    espace_a, alice, charlie, client
):
    made = make_cooperation(espace_a, alice)
    api = _token_client(client, charlie)
    payload = {
        "action_id": made["action"].pk,
        "acteur_id": made["public"].pk,
        "nature": "argent",
        "amount": "1500,50",
        "unit": "euros",
        "period": "2030-02",
    }
    response = api.post(f"{BASE}/contributions", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["warnings"]
    assert response.json()["amount"] == "1500.50"


def test_negative_amounts_and_unknown_units_are_refused_and_nothing_is_saved(
    espace_a, alice, charlie, client
):
    made = make_cooperation(espace_a, alice)
    before = Contribution.objects.count()
    api = _token_client(client, charlie)
    base = {"action_id": made["action"].pk, "acteur_id": made["public"].pk, "period": "2020"}
    negative = base | {"nature": "argent", "amount": "-3", "unit": "euros"}
    response = api.post(f"{BASE}/contributions", negative, content_type="application/json")
    assert response.status_code == 422
    assert "négatif" in response.json()["detail"]
    unknown = base | {"nature": "temps", "amount": "3", "unit": "jours-homme"}
    response = api.post(f"{BASE}/contributions", unknown, content_type="application/json")
    assert response.status_code == 422
    # The schema lists the units: the refusal names the field and the allowed values.
    assert "unit : valeur inconnue ; valeurs permises" in response.json()["detail"]
    assert Contribution.objects.count() == before


def test_creating_an_actor_lists_similar_names(espace_a, alice, charlie, client):
    make_cooperation(espace_a, alice)
    api = _token_client(client, charlie)
    payload = {"kind": "service", "name": "direction PUBLIQUE coop 8103", "visibility": "prive"}
    response = api.post(f"{BASE}/acteurs", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert [a["name"] for a in response.json()["similar"]] == [ACTEUR_PUBLIC]


def test_dashboard_and_network_answer_in_json(espace_a, alice, client):
    make_cooperation(espace_a, alice)
    board = client.get(f"{BASE}/tableau-de-bord").json()
    assert board["by_nature"]["temps"]["heures"] == "1607.00"  # 2 public actors × 0,5 ETP
    network = client.get(f"{BASE}/reseau").json()
    assert len(network["edges"]) == 1
    assert client.get(f"{BASE}/tableau-de-bord?measure=litres").status_code == 422


def test_a_contributor_merges_two_actors_through_the_api(espace_a, alice, charlie, client):
    made = make_cooperation(espace_a, alice)
    api = _token_client(client, charlie)
    url = f"{BASE}/acteurs/{made['public'].pk}/fusion"
    response = api.post(url, {"absorb_id": made["reseau"].pk}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert not Acteur.objects.filter(pk=made["reseau"].pk).exists()


def test_reader_cannot_delete_a_contribution_and_outsider_gets_404(
    espace_a, alice, bob, dana, client
):
    made = make_cooperation(espace_a, alice)
    url = f"{BASE}/contributions/{made['contribution_prive'].pk}"
    assert _token_client(client, bob).delete(url).status_code == 403
    assert _token_client(client, dana).delete(url).status_code == 404
    assert Contribution.objects.filter(pk=made["contribution_prive"].pk).exists()
    assert _token_client(client, alice).delete(url).status_code == 200
    assert not Contribution.objects.filter(pk=made["contribution_prive"].pk).exists()
