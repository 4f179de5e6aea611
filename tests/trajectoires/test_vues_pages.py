"""The views of a trajectory show each viewer what they may see, and nothing more: pages,
drawings, JSON twins and metrics alike."""

import json

import pytest

from .vues_samples import PRIVE_TITLE, PUBLIC_TITLE, RESEAU_TITLE, make_trajectory

pytestmark = pytest.mark.django_db

PAGES = ["", "frise/", "frise.json", "graphe/", "graphe.json", "couverture/", "couverture.json"]


def url(espace, suffix=""):
    return f"/espaces/{espace.slug}/trajectoire/{suffix}"


@pytest.fixture
def trajectory(espace_a):
    return make_trajectory(espace_a)


@pytest.mark.parametrize("suffix", PAGES)
def test_members_see_every_action_on_every_view(as_user, espace_a, bob, trajectory, suffix):
    content = as_user(bob).get(url(espace_a, suffix)).content.decode()
    if suffix.startswith("couverture"):
        return  # coverage lists only actions linked to balises, see test_vues_couverture
    for title in (PUBLIC_TITLE, RESEAU_TITLE, PRIVE_TITLE):
        assert title in content


@pytest.mark.parametrize("suffix", PAGES)
def test_an_outsider_sees_public_and_reseau_actions_only(
    as_user, espace_a, dana, trajectory, suffix
):
    response = as_user(dana).get(url(espace_a, suffix))
    assert response.status_code == 200
    content = response.content.decode()
    assert PRIVE_TITLE not in content and "Crise secrète-5521" not in content
    if not suffix.startswith("couverture"):
        assert RESEAU_TITLE in content and PUBLIC_TITLE in content


@pytest.mark.parametrize("suffix", PAGES)
def test_anonymous_visitors_see_public_actions_only(client, espace_a, trajectory, suffix):
    response = client.get(url(espace_a, suffix))
    assert response.status_code == 200
    content = response.content.decode()
    assert PRIVE_TITLE not in content and RESEAU_TITLE not in content
    if not suffix.startswith("couverture"):
        assert PUBLIC_TITLE in content


def test_private_actions_leave_no_trace_in_the_graph_json_for_outsiders(
    as_user, espace_a, dana, trajectory
):
    data = as_user(dana).get(url(espace_a, "graphe.json")).json()
    ids = {a["id"] for a in data["actions"]}
    assert trajectory["prive"].pk not in ids
    everything = json.dumps(data)
    assert data["link_fields"] == ["source", "target", "kind"]
    for source, target, _kind in data["links"]:
        assert {source, target} <= ids
    assert PRIVE_TITLE not in everything
    # Through the private action, public → réseau still reaches nothing further for dana.
    reach = {a["id"]: a["reach"] for a in data["actions"]}
    assert reach[trajectory["public"].pk] == 2  # réseau and public2, not the private one


def test_members_metrics_count_private_actions(as_user, espace_a, alice, trajectory):
    data = as_user(alice).get(url(espace_a, "graphe.json")).json()
    reach = {a["id"]: a["reach"] for a in data["actions"]}
    assert reach[trajectory["public"].pk] == 3
    assert data["fil_conducteur"]["steps"][0] == [trajectory["public"].pk]


def test_the_graph_page_explains_its_metrics_in_french(client, espace_a, trajectory):
    content = client.get(url(espace_a, "graphe/")).content.decode()
    for heading in ("Le fil conducteur", "Les plus longues chaînes", "Les grappes"):
        assert heading in content
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="graphe"' in content
    assert "style=" not in content.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_the_overview_counts_what_the_viewer_may_see(as_user, client, espace_a, alice, trajectory):
    anonymous = client.get(url(espace_a)).content.decode()
    member = as_user(alice).get(url(espace_a)).content.decode()
    assert "<strong>2</strong> actions" in anonymous
    assert "<strong>4</strong> actions" in member
    assert "Les années pionnières" in anonymous


def test_views_of_an_unknown_space_answer_404(client):
    assert client.get("/espaces/nulle-part/trajectoire/graphe/").status_code == 404


def test_an_empty_trajectory_shows_empty_drawings(client, espace_a):
    for suffix in ("", "frise/", "graphe/"):
        response = client.get(url(espace_a, suffix))
        assert response.status_code == 200
        assert "Aucune action" in response.content.decode()
