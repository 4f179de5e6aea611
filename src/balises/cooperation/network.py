"""The cooperation network from plain data (no ORM): actors linked when they take part in, or
contribute to, the same actions; metrics with networkx; deterministic positions.

- degree: how many other actors one works with; strength: the same counted by shared actions;
- betweenness: how often an actor lies on the shortest path between two others (estimated
  from ``SAMPLES`` sources with a fixed seed beyond ``EXACT_LIMIT`` actors, so that big
  networks stay fast and give the same answer every time);
- communities: groups that work more among themselves (Louvain, fixed seed);
- bridges: actors linked to other communities than their own, who carry ideas between groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
from networkx.algorithms.community import louvain_communities

EXACT_LIMIT = 100  # actors; above, betweenness is estimated from SAMPLES sources
SAMPLES = 48
SEED = 7
VERSION = 1  # of the computation: part of cache keys, bump it when results change


@dataclass
class NodeMetrics:
    acteur_id: int
    degree: int
    strength: int
    betweenness: float
    community: int  # index in Network.communities, biggest first
    bridges_to: int  # other communities among its partners


@dataclass
class Network:
    edges: dict[tuple[int, int], int]  # (a, b) with a < b → number of shared actions
    metrics: dict[int, NodeMetrics]
    communities: list[list[int]]
    isolated: list[int]  # actors of no shared action


def build(memberships: Iterable[tuple[int, int]], acteur_ids: Iterable[int] = ()) -> Network:
    """``memberships``: (acteur_id, action_id) pairs, duplicates allowed."""
    by_action: dict[int, set[int]] = defaultdict(set)
    everyone = set(acteur_ids)
    for acteur_id, action_id in memberships:
        by_action[action_id].add(acteur_id)
        everyone.add(acteur_id)
    edges: Counter[tuple[int, int]] = Counter()
    for members in by_action.values():
        for a, b in combinations(sorted(members), 2):
            edges[(a, b)] += 1
    graph = nx.Graph()
    graph.add_nodes_from(sorted(everyone))
    for (a, b), weight in sorted(edges.items()):
        graph.add_edge(a, b, weight=weight)
    connected = [n for n in graph.nodes if graph.degree(n) > 0]
    communities = _communities(graph.subgraph(connected))
    community_of = {n: i for i, group in enumerate(communities) for n in group}
    between = _betweenness(graph)
    metrics = {}
    for node in graph.nodes:
        own = community_of.get(node, -1)
        others = {community_of[p] for p in graph.neighbors(node)} - {own}
        metrics[node] = NodeMetrics(
            acteur_id=node,
            degree=graph.degree(node),
            strength=int(graph.degree(node, weight="weight")),
            betweenness=round(between.get(node, 0.0), 4),
            community=own,
            bridges_to=len(others),
        )
    isolated = sorted(n for n in graph.nodes if graph.degree(n) == 0)
    return Network(dict(edges), metrics, communities, isolated)


def _communities(graph: nx.Graph) -> list[list[int]]:
    if graph.number_of_edges() == 0:
        return []
    found = louvain_communities(graph, weight="weight", seed=SEED)
    groups = [sorted(group) for group in found]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def _betweenness(graph: nx.Graph) -> dict[int, float]:
    if graph.number_of_edges() == 0:
        return {}
    n = graph.number_of_nodes()
    k = None if n <= EXACT_LIMIT else SAMPLES
    return nx.betweenness_centrality(graph, k=k, normalized=True, seed=SEED)


def ranked(network: Network, key: str, limit: int = 10) -> list[NodeMetrics]:
    """The actors with the highest ``key`` metric (ties by id), at least one."""
    rows = [m for m in network.metrics.values() if getattr(m, key) > 0]
    return sorted(rows, key=lambda m: (-getattr(m, key), m.acteur_id))[:limit]


def layout(
    network: Network, limit: int = 40, width: float = 880, height: float = 560, margin=50
) -> dict[int, tuple[float, float]]:
    """Positions of the ``limit`` most connected actors: same data, same drawing. Each group
    of actors linked together gets its own column, wider for bigger groups, so that a small
    separate group does not squeeze the others into a corner."""
    keep = sorted(network.metrics.values(), key=lambda m: (-m.strength, m.acteur_id))[:limit]
    nodes = sorted(m.acteur_id for m in keep if m.degree > 0)
    if not nodes:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    kept = set(nodes)
    for (a, b), weight in sorted(network.edges.items()):
        if a in kept and b in kept:
            graph.add_edge(a, b, weight=weight)
    parts = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    shares = [len(part) ** 0.5 for part in parts]
    x0, placed = float(margin), {}
    for part, share in zip(parts, shares, strict=True):
        column = (width - 2 * margin) * share / sum(shares)
        placed.update(_place(graph.subgraph(part), x0, column, height, margin))
        x0 += column
    return dict(sorted(placed.items()))


def _place(graph: nx.Graph, x0: float, column: float, height: float, margin: float):
    """Spring positions of one connected group inside its column (a fixed seed)."""
    nodes = sorted(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (round(x0 + column / 2, 1), round(height / 2, 1))}
    start = nx.circular_layout(graph)
    spread = 1.6 / len(nodes) ** 0.5
    positions = nx.spring_layout(
        graph, pos=start, seed=SEED, weight="weight", iterations=80, k=spread
    )
    xs = [float(p[0]) for p in positions.values()]
    ys = [float(p[1]) for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    inner = max(column - 60, 1.0)
    return {
        n: (
            round(x0 + 30 + inner * (float(p[0]) - min(xs)) / span_x, 1),
            round(margin + (height - 2 * margin) * (float(p[1]) - min(ys)) / span_y, 1),
        )
        for n, p in positions.items()
    }


def absent_kinds(
    action_themes: Mapping[int, Iterable[str]],
    memberships: Iterable[tuple[int, int]],
    kind_of: Mapping[int, str],
    kinds: Iterable[str],
) -> dict[str, list[str]]:
    """For each theme of the actions, the kinds of actors that take part in none of them."""
    present: dict[str, set[str]] = defaultdict(set)
    themes = sorted({t for codes in action_themes.values() for t in codes})
    for acteur_id, action_id in memberships:
        for theme in action_themes.get(action_id, ()):
            present[theme].add(kind_of.get(acteur_id, ""))
    all_kinds = list(kinds)
    return {t: [k for k in all_kinds if k not in present[t]] for t in themes}


def level_distribution(
    participations: Iterable[tuple[int, str, int | None]], levels: Iterable[str]
) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    """(per action, per year) counts of participations at each level of the ladder.
    ``participations``: (action_id, level, year or None); undated ones count per action only."""
    order = list(levels)
    per_action: dict[int, Counter[str]] = defaultdict(Counter)
    per_year: dict[int, Counter[str]] = defaultdict(Counter)
    for action_id, level, year in participations:
        per_action[action_id][level] += 1
        if year is not None:
            per_year[year][level] += 1

    def full(counter: Counter[str]) -> dict[str, int]:
        return {level: counter.get(level, 0) for level in order}

    return (
        {a: full(c) for a, c in sorted(per_action.items())},
        {y: full(c) for y, c in sorted(per_year.items())},
    )
