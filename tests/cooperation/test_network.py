"""The cooperation network: metrics, communities, absences by theme, level distribution,
and a deterministic drawing."""

import pytest

from balises.cooperation import network
from balises.cooperation.presenters.drawings import Point, render_bars, render_cooperation

from .samples import ACTEUR_PRIVE, ACTEUR_PUBLIC, make_cooperation

# Two triangles joined by actor 3 — 4: 3 and 4 are the bridges.
PAIRS = [(1, 100), (2, 100), (3, 100), (3, 101), (4, 101), (4, 102), (5, 102), (6, 102)]


def test_actors_sharing_actions_are_linked_and_weighted():
    built = network.build([*PAIRS, (1, 103), (2, 103)], acteur_ids=[9])
    assert built.edges[(1, 2)] == 2
    assert built.isolated == [9]
    assert built.metrics[3].degree == 3


def test_bridges_and_betweenness_point_at_the_actors_between_groups():
    built = network.build(PAIRS)
    top = network.ranked(built, "betweenness", 2)
    assert {m.acteur_id for m in top} == {3, 4}
    assert len(built.communities) >= 2
    assert {m.acteur_id for m in network.ranked(built, "bridges_to")} <= {3, 4}


def test_the_layout_and_the_drawing_are_the_same_for_the_same_data():
    first = network.layout(network.build(PAIRS))
    again = network.layout(network.build(list(reversed(PAIRS))))
    assert first == again
    points = [Point(n, f"Acteur {n}", x, y, 6) for n, (x, y) in first.items()]
    svg = render_cooperation(
        points, network.build(PAIRS).edges, width=880, height=560, title="t", desc="d"
    )
    assert svg == render_cooperation(
        list(reversed(points)),
        network.build(PAIRS).edges,
        width=880,
        height=560,
        title="t",
        desc="d",
    )
    assert "style=" not in svg and "<title" in svg


def test_bars_are_accessible_and_without_style_attributes():
    svg = render_bars(
        [("2020", 10.0), ("2021", 2.5)], title="Évolution", desc="par année", unit="h"
    )
    assert 'role="img"' in svg and "style=" not in svg and "2,5" in svg


def test_kinds_absent_from_a_theme_are_listed():
    absent = network.absent_kinds(
        {100: ["energie"], 101: ["mobilite"]},
        [(1, 100), (2, 101)],
        {1: "elu", 2: "service"},
        ["elu", "service", "habitant"],
    )
    assert absent == {"energie": ["service", "habitant"], "mobilite": ["elu", "habitant"]}


def test_levels_are_counted_per_action_and_per_year():
    per_action, per_year = network.level_distribution(
        [(1, "consultation", 2019), (1, "co_production", 2022), (2, "consultation", None)],
        ["consultation", "co_production"],
    )
    assert per_action[1] == {"consultation": 1, "co_production": 1}
    assert per_year == {
        2019: {"consultation": 1, "co_production": 0},
        2022: {"consultation": 0, "co_production": 1},
    }


@pytest.mark.django_db
def test_the_network_page_names_visible_actors_only(espace_a, alice, bob, as_user):
    make_cooperation(espace_a, alice)
    page = as_user(None).get(f"/espaces/{espace_a.slug}/cooperation/reseau/").content.decode()
    assert ACTEUR_PUBLIC in page and ACTEUR_PRIVE not in page and "style=" not in page
    member_page = as_user(bob).get(f"/espaces/{espace_a.slug}/cooperation/reseau/").content.decode()
    assert ACTEUR_PRIVE in member_page
