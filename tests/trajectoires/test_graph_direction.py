"""The direction of influence of each kind of link, and links that go back in time."""

from datetime import date

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balises.trajectoires import graph
from balises.trajectoires.dates import certainly_after, last_day
from balises.trajectoires.models import LinkKind

KINDS = ["entraine", "s_appuie_sur", "prolonge", "elargit"]
# The table of docs/trajectoires-graphe.md, written again so the property below does not
# take the code's word for it.
CAUSE_IS_SOURCE = {"entraine": True, "s_appuie_sur": False, "prolonge": False, "elargit": False}


# -- direction of each kind ----------------------------------------------------------------


def test_every_kind_of_link_has_a_direction():
    assert set(graph.SOURCE_ACTS_ON_TARGET) == set(LinkKind.values)


@pytest.mark.parametrize(
    ("kind", "cause", "effect"),
    [("entraine", 1, 2), ("s_appuie_sur", 2, 1), ("prolonge", 2, 1), ("elargit", 2, 1)],
)
def test_each_kind_acts_in_its_own_direction(kind, cause, effect):
    """« 1 <kind> 2 »: only « entraîne » acts from the source; the others from the target."""
    assert graph.influence(1, 2, kind) == (cause, effect)
    metrics = graph.compute_metrics([1, 2], [(1, 2, kind)])
    assert metrics.reach == {cause: 1, effect: 0}
    assert metrics.chains == [[[cause], [effect]]]
    assert metrics.fil == [[cause], [effect]]
    assert graph.top_effects(metrics.reach) == [(cause, 1)]


def test_a_kind_no_longer_known_reads_as_written():
    assert graph.influence(1, 2, "ancienne-nature") == (1, 2)


def test_the_church_roof_no_longer_causes_the_renovation():
    """Malaunay: the roof (2017) entraîne the solar plan, which prolonge the renovation (2010)
    and s'appuie sur the loan (2018); the cost of inaction (2022) s'appuie sur the renovation."""
    renovation, eglise, plan, pret, cout = 1, 2, 3, 4, 5
    edges = [
        (eglise, plan, "entraine"),
        (plan, pret, "s_appuie_sur"),
        (cout, renovation, "s_appuie_sur"),
        (plan, renovation, "prolonge"),
    ]
    metrics = graph.compute_metrics(range(1, 6), edges)
    assert metrics.reach == {renovation: 2, eglise: 1, plan: 0, pret: 1, cout: 0}
    assert metrics.fil[0] == [renovation]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 10).flatmap(
        lambda n: st.lists(
            st.tuples(st.integers(1, n), st.integers(1, n), st.sampled_from(KINDS)),
            max_size=3 * n,
        ).map(lambda edges: (list(range(1, n + 1)), edges))
    )
)
def test_a_link_means_the_same_as_entraine_from_its_cause_to_its_effect(data):
    """The kind changes nothing but the direction: the metrics of a graph equal those of the
    same links rewritten « cause entraîne effet »."""
    nodes, edges = data
    rewritten = [(*graph.influence(s, t, k), "entraine") for s, t, k in edges]
    assert graph.compute_metrics(nodes, edges) == graph.compute_metrics(nodes, rewritten)


# -- partial dates -------------------------------------------------------------------------


def test_the_last_day_of_a_partial_date():
    assert last_day(date(2016, 1, 1), "year") == date(2016, 12, 31)
    assert last_day(date(2016, 2, 1), "month") == date(2016, 2, 29)
    assert last_day(date(2016, 2, 3), "day") == date(2016, 2, 3)


@pytest.mark.parametrize(
    ("later", "earlier", "expected"),
    [
        (("2018-04-01", "month"), ("2018-03-01", "month"), True),
        (("2019-01-01", "year"), ("2018-12-31", "day"), True),
        (("2018-01-01", "year"), ("2018-03-01", "month"), False),  # « 2018 » may be December
        (("2018-03-15", "day"), ("2018-03-01", "month"), False),  # « mars 2018 » may be the 20th
        (("2018-03-01", "month"), ("2018-03-15", "day"), False),
        (("2018-03-01", "day"), ("2018-03-01", "day"), False),  # the same day is not later
        ((None, "year"), ("2018-01-01", "year"), False),
        (("2018-01-01", "year"), (None, "year"), False),
    ],
)
def test_a_date_is_certainly_after_another_only_when_no_reading_disagrees(later, earlier, expected):
    def parse(value):
        return date.fromisoformat(value) if value else None

    assert certainly_after(parse(later[0]), later[1], parse(earlier[0]), earlier[1]) is expected


# -- links that go back in time ------------------------------------------------------------


def test_a_cause_that_starts_after_its_effect_is_flagged_as_written():
    starts = {
        1: (date(2017, 10, 1), "month"),  # the solar plan
        2: (date(2018, 4, 20), "day"),  # the loan it relies on
        3: (date(2010, 1, 1), "year"),  # the renovation it carries on
        4: (None, "year"),  # undated
    }
    edges = [(1, 2, "s_appuie_sur"), (1, 3, "prolonge"), (1, 4, "s_appuie_sur"), (2, 1, "entraine")]
    assert graph.backward_in_time(edges, starts) == [(1, 2, "s_appuie_sur"), (2, 1, "entraine")]
    metrics = graph.compute_metrics(starts, edges, starts)
    assert metrics.backward == [(1, 2, "s_appuie_sur"), (2, 1, "entraine")]
    assert graph.GraphMetricsData.from_json(metrics.to_json()) == metrics


def test_without_starts_nothing_is_flagged():
    assert graph.compute_metrics([1, 2], [(1, 2, "prolonge")]).backward == []


def truncated(day: date, precision: str) -> date:
    """How a date known to the year or the month is stored: the first day of its period."""
    if precision == "year":
        return date(day.year, 1, 1)
    if precision == "month":
        return date(day.year, day.month, 1)
    return day


@st.composite
def trajectories_that_respect_time(draw):
    """Dated actions, all known to the same precision, and random links of every kind, of
    which those that go back in time are dropped.

    One precision for all: with mixed ones, « not certainly later » is not transitive (the
    31st of October, then « octobre », then the 1st of October), so a chain may slip back by
    less than the coarsest precision even though each of its links is accepted."""
    n = draw(st.integers(1, 12))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    days = draw(st.lists(st.dates(date(1990, 1, 1), date(2030, 12, 31)), min_size=n, max_size=n))
    starts = {i: (truncated(day, precision), precision) for i, day in enumerate(days, 1)}
    edges = draw(
        st.lists(
            st.tuples(st.integers(1, n), st.integers(1, n), st.sampled_from(KINDS)),
            max_size=3 * n,
        )
    )

    def respects_time(edge) -> bool:
        source, target, kind = edge
        cause, effect = (source, target) if CAUSE_IS_SOURCE[kind] else (target, source)
        return starts[cause][0] <= starts[effect][0]

    return starts, [edge for edge in edges if respects_time(edge)]


@settings(max_examples=200, deadline=None)
@given(trajectories_that_respect_time())
def test_when_every_link_respects_time_every_chain_runs_forward(data):
    starts, edges = data
    when = {n: start for n, (start, _precision) in starts.items()}
    metrics = graph.compute_metrics(starts, edges, starts)
    assert metrics.backward == []
    for chain in [*metrics.chains, metrics.fil]:
        for step in chain:
            # A loop whose links all respect time starts on one date.
            assert len({when[n] for n in step}) == 1
        dates = [when[step[0]] for step in chain]
        assert dates == sorted(dates)
    # « Most effects » counts only effects that start no earlier than their cause.
    influence = graph.build_graph(starts, edges)
    for node, reach in metrics.reach.items():
        assert reach == sum(1 for d in nx.descendants(influence, node) if when[d] >= when[node])
