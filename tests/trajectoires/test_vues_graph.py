"""Computations on the graph of effects: reach, chains, fil conducteur, clusters, layout."""

import itertools
from datetime import date

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from balises.trajectoires import graph

graphs = st.integers(min_value=0, max_value=14).flatmap(
    lambda n: st.tuples(
        st.just(list(range(1, n + 1))),
        st.lists(
            st.tuples(
                st.integers(1, max(n, 1)),
                st.integers(1, max(n, 1)),
                st.sampled_from(["entraine", "elargit", "prolonge", "s_appuie_sur"]),
            ),
            max_size=3 * n,
        ),
    )
)


def reference_reach(nodes, edges) -> dict[int, int]:
    g = graph.build_graph(nodes, edges)
    return {n: len(nx.descendants(g, n)) for n in g.nodes}


def test_reach_counts_every_action_downstream_once_loops_included():
    # « 4 prolonge 3 »: 3 acts on 4.
    edges = [(1, 2, "entraine"), (2, 3, "entraine"), (3, 2, "entraine"), (4, 3, "prolonge")]
    metrics = graph.compute_metrics([1, 2, 3, 4, 5], edges)
    assert metrics.reach == {1: 3, 2: 2, 3: 2, 4: 0, 5: 0}


def test_a_loop_is_one_step_of_the_chains_and_of_the_fil_conducteur():
    edges = [(1, 2, "entraine"), (2, 3, "entraine"), (3, 2, "entraine"), (4, 3, "prolonge")]
    metrics = graph.compute_metrics([1, 2, 3, 4], edges)
    assert metrics.chains[0] == [[1], [2, 3], [4]]
    assert metrics.fil == [[1], [2, 3], [4]]
    # Influence = 1 + reach: 4 + 3 + 3 + 1.
    assert metrics.fil_score == 11


def test_the_fil_conducteur_prefers_influence_to_length():
    # 1 → 2 → 3 → 4 (influence 4+3+2+1) is the longest chain; 5 → 6 → 7 weighs 9+2+1.
    edges = [(1, 2, "e"), (2, 3, "e"), (3, 4, "e")] + [(5, n, "e") for n in range(6, 14)]
    edges += [(6, 7, "e")]
    metrics = graph.compute_metrics(range(1, 14), edges)
    assert metrics.chains[0] == [[1], [2], [3], [4]]
    assert metrics.fil[0] == [5]


def test_without_links_there_is_no_chain_no_fil_and_no_cluster():
    metrics = graph.compute_metrics([1, 2, 3], [])
    assert (metrics.chains, metrics.fil, metrics.clusters) == ([], [], [])
    assert metrics.reach == {1: 0, 2: 0, 3: 0}


def test_self_links_and_links_to_unknown_actions_are_ignored():
    metrics = graph.compute_metrics([1, 2], [(1, 1, "e"), (1, 9, "e"), (2, 1, "e")])
    assert metrics.reach == {1: 0, 2: 1}


def test_metrics_survive_a_json_round_trip():
    metrics = graph.compute_metrics([1, 2, 3], [(1, 2, "e"), (2, 3, "e"), (3, 1, "e")])
    assert graph.GraphMetricsData.from_json(metrics.to_json()) == metrics


@settings(max_examples=150)
@given(graphs)
def test_reach_matches_the_descendants_of_each_action(data):
    nodes, edges = data
    reach = graph.compute_metrics(nodes, edges).reach
    assert reach == reference_reach(nodes, edges)
    assert all(0 <= r <= max(len(nodes) - 1, 0) for r in reach.values())


def is_chain(g: nx.DiGraph, steps: list[list[int]]) -> bool:
    for before, after in itertools.pairwise(steps):
        if not any(g.has_edge(a, b) for a in before for b in after):
            return False
    for step in steps:
        if len(step) > 1 and not nx.is_strongly_connected(g.subgraph(step)):
            return False
    flat = [n for step in steps for n in step]
    return len(flat) == len(set(flat))


@settings(max_examples=150)
@given(graphs)
def test_chains_and_the_fil_conducteur_are_valid_paths(data):
    nodes, edges = data
    g = graph.build_graph(nodes, edges)
    metrics = graph.compute_metrics(nodes, edges)
    longest = max((sum(len(s) for s in c) for c in metrics.chains), default=0)
    for chain in metrics.chains:
        assert is_chain(g, chain)
        assert sum(len(s) for s in chain) >= 2
    if metrics.chains:
        assert sum(len(s) for s in metrics.chains[0]) == longest
    assert is_chain(g, metrics.fil)
    assert metrics.fil_score == sum(1 + metrics.reach[n] for s in metrics.fil for n in s)
    if g.number_of_edges():
        assert len(metrics.fil) >= 1 and sum(len(s) for s in metrics.fil) >= 2


@settings(max_examples=100)
@given(graphs, st.randoms())
def test_same_graph_in_any_order_gives_the_same_metrics(data, rnd):
    nodes, edges = data
    shuffled_nodes, shuffled_edges = nodes[:], edges[:]
    rnd.shuffle(shuffled_nodes)
    rnd.shuffle(shuffled_edges)
    assert graph.compute_metrics(nodes, edges) == graph.compute_metrics(
        shuffled_nodes, shuffled_edges
    )


@settings(max_examples=100)
@given(graphs)
def test_clusters_partition_the_linked_actions(data):
    nodes, edges = data
    g = graph.build_graph(nodes, edges)
    clusters = graph.compute_metrics(nodes, edges).clusters
    members = [n for c in clusters for n in c]
    assert len(members) == len(set(members))
    assert set(members) == {n for n in g.nodes if g.degree(n) > 0}
    assert [len(c) for c in clusters] == sorted((len(c) for c in clusters), reverse=True)


@given(graphs, st.lists(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1)))))
def test_layout_places_every_action_inside_the_drawing(data, starts):
    nodes, edges = data
    metrics = graph.compute_metrics(nodes, edges)
    dated = [(n, starts[i] if i < len(starts) else None) for i, n in enumerate(nodes)]
    placed, height = graph.layout(dated, metrics.clusters, metrics.reach, width=960)
    assert sorted(p.id for p in placed) == sorted(nodes)
    for p in placed:
        assert p.x - p.r >= 0 and p.x + p.r <= 960
        assert p.y - p.r >= 0 and p.y + p.r <= height
    assert placed == graph.layout(dated, metrics.clusters, metrics.reach, width=960)[0]


def test_top_effects_rank_by_reach_then_id():
    assert graph.top_effects({1: 2, 2: 5, 3: 2, 4: 0}) == [(2, 5), (1, 2), (3, 2)]


def test_long_chains_and_big_loops_are_abridged_on_the_page():
    from balises.trajectoires.presenters.trajectory import shown_steps

    steps = [[n] for n in range(1, 21)]
    steps[3] = list(range(100, 120))  # a loop of 20 actions
    titles = {n: f"A{n}" for step in steps for n in step}
    shown = shown_steps(steps, titles)
    assert len(shown) == 13 and shown[6] == {"skipped": 8}
    assert shown[3]["loop"] and len(shown[3]["actions"]) == 8 and shown[3]["more"] == 12
    del titles[1]  # an action the viewer cannot see is left out
    assert shown_steps([[1], [2]], titles) == [
        {"actions": [{"id": 2, "title": "A2"}], "loop": False, "more": 0}
    ]
