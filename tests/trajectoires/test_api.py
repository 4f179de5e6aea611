"""The trajectories API: CRUD of actions and records under the access rules."""

import pytest

from balises.core.tokens import create_token

from .actions_samples import PRIVE, PUBLIC, RESEAU, make_actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(espace_a, alice):
    return make_actions(espace_a, alice)


def _auth(user):
    _token, raw = create_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _base(espace):
    return f"/api/v1/trajectoires/{espace.slug}"


def test_anonymous_lists_public_actions_only(client, espace_a, actions):
    data = client.get(f"{_base(espace_a)}/actions").json()
    assert [row["title"] for row in data["results"]] == [PUBLIC]


def test_member_lists_every_action_with_filters(client, espace_a, actions, bob):
    titles = {
        r["title"] for r in client.get(f"{_base(espace_a)}/actions", **_auth(bob)).json()["results"]
    }
    assert titles == {PRIVE, RESEAU, PUBLIC}
    found = client.get(f"{_base(espace_a)}/actions", {"q": "covoiturage"}, **_auth(bob)).json()
    assert [r["title"] for r in found["results"]] == [RESEAU]


def test_contributor_creates_reads_updates_and_deletes_an_action(client, espace_a, charlie):
    headers = _auth(charlie)
    created = client.post(
        f"{_base(espace_a)}/actions",
        {"title": "Ressourcerie", "start": "2015-03", "themes": ["dechets"]},
        content_type="application/json",
        **headers,
    )
    assert created.status_code == 201, created.content
    action = created.json()
    assert action["start_precision"] == "month" and action["start_label"] == "mars 2015"
    url = f"{_base(espace_a)}/actions/{action['id']}"
    patched = client.patch(
        url, {"summary": "Réemploi", "version": action["version"]},
        content_type="application/json", **headers,
    )  # fmt: skip
    assert patched.status_code == 200 and patched.json()["summary"] == "Réemploi"
    stale = client.patch(
        url, {"summary": "Autre", "version": action["version"]},
        content_type="application/json", **headers,
    )  # fmt: skip
    assert stale.status_code == 409
    assert "Quelqu'un d'autre a modifié cette action" in stale.json()["detail"]
    assert client.delete(url, **headers).status_code == 200
    assert client.get(url, **headers).status_code == 404


def test_reader_gets_403_and_outsider_404_when_writing(client, espace_a, actions, bob, dana):
    payload = {"title": "Nouvelle"}
    url = f"{_base(espace_a)}/actions"
    assert (
        client.post(url, payload, content_type="application/json", **_auth(bob)).status_code == 403
    )
    assert (
        client.post(url, payload, content_type="application/json", **_auth(dana)).status_code == 404
    )


def test_anonymous_write_is_refused_with_401(client, espace_a):
    response = client.post(
        f"{_base(espace_a)}/actions", {"title": "x"}, content_type="application/json"
    )
    assert response.status_code == 401


def test_outsider_gets_404_on_a_private_action(client, espace_a, actions, dana):
    url = f"{_base(espace_a)}/actions/{actions['prive'].pk}"
    assert client.get(url, **_auth(dana)).status_code == 404
    assert client.get(url.replace(str(actions["prive"].pk), "abc"), **_auth(dana)).status_code in (
        404,
        422,
    )


def test_end_before_start_and_bad_values_give_422_in_french(client, espace_a, alice):
    response = client.post(
        f"{_base(espace_a)}/actions",
        {"title": "x", "start": "2015", "end": "2012"},
        content_type="application/json",
        **_auth(alice),
    )
    assert response.status_code == 422
    assert "ne peut pas précéder le début" in response.json()["detail"]
    response = client.post(
        f"{_base(espace_a)}/actions",
        {"title": "x", "status": "fini"},
        content_type="application/json",
        **_auth(alice),
    )
    assert response.status_code == 422
    assert "status : valeur inconnue ; valeurs permises : 'idee'" in response.json()["detail"]


def test_links_refuse_self_duplicates_and_unseen_actions(
    client, espace_a, espace_b, actions, alice, dana
):
    from balises.trajectoires import services

    other = services.create_action(espace_b, dana, {"title": "Action de B"})
    headers = _auth(alice)
    url = f"{_base(espace_a)}/actions/{actions['public'].pk}/liens"

    def post(target):
        return client.post(
            url, {"target": target, "kind": "entraine"}, content_type="application/json", **headers
        )

    assert post(actions["public"].pk).status_code == 422
    assert post(other.pk).status_code == 422
    created = post(actions["prive"].pk)
    assert created.status_code == 201
    assert "existe déjà" in post(actions["prive"].pk).json()["detail"]
    back = client.post(
        f"{_base(espace_a)}/actions/{actions['prive'].pk}/liens",
        {"target": actions["public"].pk, "kind": "entraine"},
        content_type="application/json",
        **headers,
    )
    assert back.status_code == 201  # cycles are allowed
    assert (
        client.delete(f"{_base(espace_a)}/liens/{created.json()['id']}", **headers).status_code
        == 200
    )


def test_events_crud_with_their_actions(client, espace_a, actions, alice, dana):
    headers = _auth(alice)
    created = client.post(
        f"{_base(espace_a)}/evenements",
        {"title": "Appel ADEME", "kind": "appel_a_projets", "date": "2013",
         "actions": [actions["prive"].pk], "visibility": "public"},
        content_type="application/json", **headers,
    )  # fmt: skip
    assert created.status_code == 201, created.content
    event = created.json()
    assert event["date_label"] == "2013" and event["actions"][0]["title"] == PRIVE
    # Dana sees the public event but not the private action it links.
    seen = client.get(f"{_base(espace_a)}/evenements/{event['id']}", **_auth(dana)).json()
    assert seen["actions"] == []
    bad = client.patch(
        f"{_base(espace_a)}/evenements/{event['id']}", {"kind": "fête"},
        content_type="application/json", **headers,
    )  # fmt: skip
    assert bad.status_code == 422
    assert (
        client.delete(f"{_base(espace_a)}/evenements/{event['id']}", **headers).status_code == 200
    )


def test_phase_with_end_before_start_is_refused(client, espace_a, alice):
    response = client.post(
        f"{_base(espace_a)}/phases",
        {"name": "Pionniers", "start": "2015", "end": "2010"},
        content_type="application/json",
        **_auth(alice),
    )
    assert response.status_code == 422


def test_element_links_and_sources_through_the_api(client, espace_a, actions, alice, bob):
    from pathlib import Path

    from balises.referentiels import services as referentiels

    mini = Path(__file__).parent.parent / "referentiels" / "data" / "mini.yaml"
    element = referentiels.import_referentiel(mini).referentiel.elements.first()
    url = f"{_base(espace_a)}/actions/{actions['public'].pk}"
    data = {"element": element.pk, "justification": "Lecture", "is_interpretation": True}
    created = client.post(f"{url}/elements", data, content_type="application/json", **_auth(alice))
    assert created.status_code == 201 and created.json()["is_interpretation"]
    again = client.post(f"{url}/elements", data, content_type="application/json", **_auth(alice))
    assert again.status_code == 422
    unknown = client.post(
        f"{url}/elements", {"element": 999999}, content_type="application/json", **_auth(alice)
    )
    assert unknown.status_code == 422
    source = client.post(
        f"{url}/sources",
        {"url": "https://example.org/a", "title": "Article", "published": "2014-03"},
        content_type="application/json",
        **_auth(alice),
    )
    assert source.status_code == 201 and source.json()["published"] == "2014-03-01"
    link_id = created.json()["id"]
    assert client.delete(f"{_base(espace_a)}/elements/{link_id}", **_auth(bob)).status_code == 403
    assert client.get(url).json()["elements"][0]["code"] == element.code
