"""The graph pages, the JSON twin and the action pages follow the direction of influence and
flag the links whose cause starts after its effect."""

import re

import pytest
from django.urls import reverse

from balises.trajectoires.models import LienAction

from .vues_samples import PUBLIC_TITLE, make_trajectory

pytestmark = pytest.mark.django_db


def graph_url(espace, suffix="graphe/"):
    return f"/espaces/{espace.slug}/trajectoire/{suffix}"


BACKWARD_REASON = (
    "La cause, « Maison du projet » (mai 2017), commence après son effet, "
    f"« {PUBLIC_TITLE} » (mars 2010)."
)


@pytest.fixture
def backward_link(espace_a):
    """The sample trajectory, plus « Maison du projet » (2017) entraîne « Chaufferie » (2010)."""
    actions = make_trajectory(espace_a)
    LienAction.objects.create(source=actions["public2"], target=actions["public"], kind="entraine")
    return actions


def test_a_trajectory_that_respects_time_has_no_warning(client, espace_a):
    make_trajectory(espace_a)
    assert "rebours" not in client.get(graph_url(espace_a)).content.decode()


def test_a_link_that_goes_back_in_time_is_flagged_on_the_graph_page(
    client, espace_a, backward_link
):
    content = client.get(graph_url(espace_a)).content.decode()
    assert "1 lien va à rebours du temps" in content
    # Once in the summary, once in the list of links.
    assert content.count(BACKWARD_REASON) == 2
    assert "Sens de l'influence" in content
    assert "de l&#x27;action liée vers l&#x27;action" in content  # « s'appuie sur »


def test_arrows_are_drawn_from_cause_to_effect(client, espace_a):
    """« Maison du projet (2017) s'appuie sur Chaufferie (2010) »: the arrow leaves the
    Chaufferie, on the left, for the Maison du projet, on the right."""
    make_trajectory(espace_a)
    content = client.get(graph_url(espace_a)).content.decode()
    path = re.search(r'<path class="reseau-lien reseau-lien-s-appuie-sur" d="([^"]+)"', content)
    assert path is not None
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.group(1))]
    assert numbers[0] < numbers[-2]


def test_the_json_twin_gives_the_direction_of_each_kind_and_the_links_back_in_time(
    client, espace_a, backward_link
):
    data = client.get(graph_url(espace_a, "graphe.json")).json()
    assert data["influence"] == {
        "entraine": "source_to_target",
        "s_appuie_sur": "target_to_source",
        "prolonge": "target_to_source",
        "elargit": "target_to_source",
    }
    public, public2 = backward_link["public"].pk, backward_link["public2"].pk
    assert data["backward_in_time"] == [[public2, public, "entraine"]]


def test_the_action_page_flags_its_links_that_go_back_in_time(client, espace_a, backward_link):
    for action in ("public", "public2"):
        address = reverse(
            "trajectoires:action_detail", args=[espace_a.slug, backward_link[action].pk]
        )
        content = client.get(address).content.decode()
        assert content.count("à rebours du temps") == 1
        assert BACKWARD_REASON in content
