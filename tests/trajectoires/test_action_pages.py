"""The list and detail pages of actions, under the access rules."""

import pytest
from django.urls import reverse

from balises.espaces.models import Visibility
from balises.trajectoires import services

from .actions_samples import PRIVE, PUBLIC, RESEAU, make_actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(espace_a, alice):
    return make_actions(espace_a, alice)


def _list(client, espace, **query):
    return client.get(reverse("trajectoires:action_list", args=[espace.slug]), query)


def test_members_see_every_action_of_their_space(as_user, espace_a, actions, bob):
    content = _list(as_user(bob), espace_a).content.decode()
    assert PRIVE in content and RESEAU in content and PUBLIC in content


def test_outsider_sees_public_and_reseau_actions_only(as_user, espace_a, actions, dana):
    content = _list(as_user(dana), espace_a).content.decode()
    assert PRIVE not in content and RESEAU in content and PUBLIC in content


def test_anonymous_sees_public_actions_only(as_user, espace_a, actions):
    content = _list(as_user(None), espace_a).content.decode()
    assert PUBLIC in content and RESEAU not in content and PRIVE not in content


def test_reader_has_no_edit_buttons_and_writer_has(as_user, espace_a, actions, bob, charlie):
    url = reverse("trajectoires:action_detail", args=[espace_a.slug, actions["prive"].pk])
    assert "Modifier" not in as_user(bob).get(url).content.decode()
    assert "Modifier" in as_user(charlie).get(url).content.decode()


def test_detail_renders_the_recit_from_markdown_safely(as_user, espace_a, alice):
    action = services.create_action(
        espace_a,
        alice,
        {"title": "Récit", "recit_effets": "**Moins** de fioul <script>alert(1)</script>"},
    )
    url = reverse("trajectoires:action_detail", args=[espace_a.slug, action.pk])
    content = as_user(alice).get(url).content.decode()
    assert "<strong>Moins</strong>" in content
    assert "<script>alert(1)" not in content
    assert "Effets observés" in content


def test_outsider_gets_404_on_a_private_action(as_user, espace_a, actions, dana):
    url = reverse("trajectoires:action_detail", args=[espace_a.slug, actions["prive"].pk])
    assert as_user(dana).get(url).status_code == 404


def test_anonymous_gets_404_on_a_reseau_action_and_reads_a_public_one(as_user, espace_a, actions):
    client = as_user(None)
    reseau = reverse("trajectoires:action_detail", args=[espace_a.slug, actions["reseau"].pk])
    public = reverse("trajectoires:action_detail", args=[espace_a.slug, actions["public"].pk])
    assert client.get(reseau).status_code == 404
    assert client.get(public).status_code == 200


def test_filters_by_status_theme_period_and_text(as_user, espace_a, actions, alice):
    client = as_user(alice)
    assert PUBLIC in _list(client, espace_a, q="chaufferie").content.decode()
    assert PRIVE not in _list(client, espace_a, q="chaufferie").content.decode()
    assert PUBLIC not in _list(client, espace_a, theme="mobilite").content.decode()
    content = _list(client, espace_a, until=2012).content.decode()
    assert PUBLIC in content and PRIVE not in content
    assert "Aucune action ne correspond" in _list(client, espace_a, status="idee").content.decode()


def test_empty_space_invites_to_add_or_import(as_user, espace_a, alice):
    content = _list(as_user(alice), espace_a).content.decode()
    assert "Ajoutez la première action" in content and "importez un tableur" in content


def test_json_and_csv_twins_follow_the_rules_and_filters(as_user, espace_a, actions, dana):
    client = as_user(dana)
    data = client.get(reverse("trajectoires:action_list_json", args=[espace_a.slug])).json()
    assert {row["title"] for row in data["results"]} == {RESEAU, PUBLIC}
    csv_text = client.get(
        reverse("trajectoires:action_list_csv", args=[espace_a.slug]), {"q": "covoiturage"}
    ).content.decode("utf-8-sig")
    assert RESEAU in csv_text and PUBLIC not in csv_text and PRIVE not in csv_text
    assert csv_text.startswith("id;title;status;")


def test_detail_json_twin_hides_links_to_actions_the_reader_cannot_see(
    as_user, espace_a, actions, alice, dana
):
    services.link_actions(alice, actions["public"], actions["prive"], "entraine")
    url = reverse("trajectoires:action_detail_json", args=[espace_a.slug, actions["public"].pk])
    assert as_user(dana).get(url).json()["links_out"] == []
    assert len(as_user(alice).get(url).json()["links_out"]) == 1


def test_private_action_is_found_by_search_for_members_only(as_user, espace_a, actions, dana, bob):
    url = "/recherche/"
    assert PRIVE in as_user(bob).get(url, {"q": "Régie"}).content.decode()
    assert PRIVE not in as_user(dana).get(url, {"q": "Régie"}).content.decode()


def test_visibility_change_is_reflected_in_search(as_user, espace_a, actions, alice):
    action = actions["prive"]
    services.update_action(action, alice, {"visibility": Visibility.PUBLIC}, action.version)
    assert PRIVE in as_user(None).get("/recherche/", {"q": "Régie"}).content.decode()
