"""Computations on the graph of effects between actions, over plain data (no ORM).

Nodes are action ids; edges are (source, target, kind) triples, as written: « source entraîne
/ s'appuie sur / élargit / prolonge target ». The sentence does not always read in the
direction of influence (« A s'appuie sur B »: B acts on A), so ``build_graph`` first turns every
link into an arrow from its cause to its effect (``influence``, the one table of directions);
every metric below follows these arrows. Cycles are allowed (systems loop), so paths are
computed on the condensation: each strongly connected component (a loop of actions that lead
to one another) becomes one step, and the condensation has no cycle.

Definitions (written out in plain French in docs/trajectoires-graphe.md and on the graph page):

- **effets en aval** (reach) of an action: the number of OTHER actions reachable from it by
  following the arrows of influence;
- **influence** of an action: 1 + its reach;
- **chaîne**: a path of the condensation; its length is the number of actions it holds (a loop
  counts all its actions). The longest chains are the longest ones ending at each final step;
- **fil conducteur**: the chain whose actions have the greatest total influence. Ties go to the
  chain whose steps have the smallest action ids, so the answer never depends on chance;
- **grappes** (clusters): communities found by greedy modularity on the undirected graph;
- **à rebours du temps** (backward): a link whose cause certainly starts after its effect
  (partial dates compared conservatively, undated ends never flagged).

Every result is deterministic: same input, same output, whatever the order of the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import networkx as nx

from balises.trajectoires.dates import certainly_after

Edge = tuple[int, int, str]
Step = list[int]  # the sorted action ids of one step of a chain (one action, or a loop)
Start = tuple[date | None, str]  # an action's start and its precision (see dates.py)
T = TypeVar("T")

# Bump when the computation changes: cached metrics computed by an older one are recomputed
# before being shown. 2: links oriented by the direction of influence of their kind.
ALGORITHM_VERSION = 2
MAX_CHAINS = 3

# -- direction of influence --------------------------------------------------------------

# For each kind of link « source <kind> target »: does the source act on the target (True), or
# the target on the source (False)? Reasons in docs/trajectoires-graphe.md; a test checks that
# every kind of LinkKind is here.
SOURCE_ACTS_ON_TARGET: dict[str, bool] = {
    # « A entraîne B »: A sets B off.
    "entraine": True,
    # « A s'appuie sur B »: B is the ground A stands on; B makes A possible.
    "s_appuie_sur": False,
    # « A prolonge B »: A carries on what B began.
    "prolonge": False,
    # « A élargit B »: A widens (actors, scale, issues) what B began.
    "elargit": False,
}


def influence(source: T, target: T, kind: str) -> tuple[T, T]:
    """(cause, effect) of the link « source <kind> target ». A code missing from the table
    (a kind since removed) reads as written rather than breaking the page."""
    if SOURCE_ACTS_ON_TARGET.get(kind, True):
        return source, target
    return target, source


def goes_back_in_time(cause: Start | None, effect: Start | None) -> bool:
    """Whether a cause certainly starts after its effect (never when a start is unknown)."""
    if cause is None or effect is None:
        return False
    return certainly_after(cause[0], cause[1], effect[0], effect[1])


def backward_in_time(edges: Iterable[Edge], starts: Mapping[int, Start]) -> list[Edge]:
    """The links, as written, whose cause certainly starts after its effect; sorted."""
    found = set()
    for source, target, kind in edges:
        cause, effect = influence(source, target, kind)
        if goes_back_in_time(starts.get(cause), starts.get(effect)):
            found.add((source, target, kind))
    return sorted(found)


@dataclass(frozen=True)
class GraphMetricsData:
    reach: dict[int, int]
    chains: list[list[Step]]
    fil: list[Step]
    fil_score: int
    clusters: list[list[int]]
    backward: list[Edge] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "version": ALGORITHM_VERSION,
            "reach": {str(k): v for k, v in sorted(self.reach.items())},
            "chains": self.chains,
            "fil": self.fil,
            "fil_score": self.fil_score,
            "clusters": self.clusters,
            "backward": [list(edge) for edge in self.backward],
        }

    @classmethod
    def from_json(cls, data: dict) -> GraphMetricsData:
        return cls(
            reach={int(k): int(v) for k, v in data.get("reach", {}).items()},
            chains=[[list(step) for step in chain] for chain in data.get("chains", [])],
            fil=[list(step) for step in data.get("fil", [])],
            fil_score=int(data.get("fil_score", 0)),
            clusters=[list(c) for c in data.get("clusters", [])],
            backward=[(int(s), int(t), str(k)) for s, t, k in data.get("backward", [])],
        )


def build_graph(nodes: Iterable[int], edges: Iterable[Edge]) -> nx.DiGraph:
    """The graph of influence of the given actions: one arrow per link, from its cause to its
    effect. Edges to unknown actions and self-links are dropped (the caller passes only what
    the viewer may see)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(set(nodes)))
    known = set(graph.nodes)
    for source, target, kind in sorted(edges):
        if source != target and source in known and target in known:
            graph.add_edge(*influence(source, target, kind))
    return graph


def _condensation(graph: nx.DiGraph) -> tuple[nx.DiGraph, list[int]]:
    """The condensation and a deterministic topological order of its steps."""
    dag = nx.condensation(graph)
    first = {c: min(dag.nodes[c]["members"]) for c in dag.nodes}
    order = list(nx.lexicographical_topological_sort(dag, key=lambda c: first[c]))
    return dag, order


def _members(dag: nx.DiGraph, step: int) -> Step:
    return sorted(dag.nodes[step]["members"])


def reach_counts(graph: nx.DiGraph) -> dict[int, int]:
    """Number of other actions reachable from each action (bitsets over the condensation)."""
    dag, order = _condensation(graph)
    index = {node: i for i, node in enumerate(graph.nodes)}
    own = {c: sum(1 << index[n] for n in dag.nodes[c]["members"]) for c in dag.nodes}
    below: dict[int, int] = {}
    for step in reversed(order):
        bits = 0
        for successor in dag.successors(step):
            bits |= below[successor] | own[successor]
        below[step] = bits
    reach = {}
    for step in dag.nodes:
        members = dag.nodes[step]["members"]
        # The other actions of the same loop are reachable too.
        count = below[step].bit_count() + len(members) - 1
        for node in members:
            reach[node] = count
    return reach


def _best_paths(
    dag: nx.DiGraph, order: list[int], weight: dict[int, int]
) -> tuple[dict[int, int], dict[int, int | None]]:
    """Heaviest path ending at each step; ties go to the predecessor with the smallest ids."""
    best: dict[int, int] = {}
    previous: dict[int, int | None] = {}
    first = {c: min(dag.nodes[c]["members"]) for c in dag.nodes}
    for step in order:
        candidates = sorted(dag.predecessors(step), key=lambda p: (-best[p], first[p]))
        chosen = candidates[0] if candidates else None
        best[step] = weight[step] + (best[chosen] if chosen is not None else 0)
        previous[step] = chosen
    return best, previous


def _path_to(dag: nx.DiGraph, previous: dict[int, int | None], end: int) -> list[Step]:
    path: list[Step] = []
    step: int | None = end
    while step is not None:
        path.append(_members(dag, step))
        step = previous[step]
    return list(reversed(path))


def longest_chains(graph: nx.DiGraph, limit: int = MAX_CHAINS) -> list[list[Step]]:
    """The longest chains (in actions), at most one per final step, of 2 actions or more."""
    dag, order = _condensation(graph)
    size = {c: len(dag.nodes[c]["members"]) for c in dag.nodes}
    best, previous = _best_paths(dag, order, size)
    ends = [c for c in dag.nodes if dag.out_degree(c) == 0 and best[c] >= 2]
    ends.sort(key=lambda c: (-best[c], min(dag.nodes[c]["members"])))
    return [_path_to(dag, previous, end) for end in ends[:limit]]


def fil_conducteur(graph: nx.DiGraph, reach: dict[int, int]) -> tuple[list[Step], int]:
    """The chain of greatest total influence (1 + reach of each action), and that total.

    Empty when no link joins two actions: a single action is not a thread.
    """
    if graph.number_of_edges() == 0:
        return [], 0
    dag, order = _condensation(graph)
    weight = {c: sum(1 + reach[n] for n in dag.nodes[c]["members"]) for c in dag.nodes}
    best, previous = _best_paths(dag, order, weight)
    end = min(dag.nodes, key=lambda c: (-best[c], min(dag.nodes[c]["members"])))
    return _path_to(dag, previous, end), best[end]


def clusters(graph: nx.DiGraph) -> list[list[int]]:
    """Communities of the undirected graph, largest first; isolated actions are left out."""
    undirected = nx.Graph()
    undirected.add_nodes_from(n for n in graph.nodes if graph.degree(n) > 0)
    undirected.add_edges_from(sorted(graph.edges))
    if undirected.number_of_edges() == 0:
        return []
    found = nx.community.greedy_modularity_communities(undirected)
    groups = [sorted(c) for c in found]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def compute_metrics(
    nodes: Iterable[int], edges: Iterable[Edge], starts: Mapping[int, Start] | None = None
) -> GraphMetricsData:
    """Every metric of the graph of influence; with ``starts`` (action id → start and its
    precision), also the links that go back in time."""
    edges = list(edges)
    graph = build_graph(nodes, edges)
    reach = reach_counts(graph)
    fil, score = fil_conducteur(graph, reach)
    shown = [(s, t, k) for s, t, k in edges if s != t and s in graph and t in graph]
    return GraphMetricsData(
        reach=reach,
        chains=longest_chains(graph),
        fil=fil,
        fil_score=score,
        clusters=clusters(graph),
        backward=backward_in_time(shown, starts or {}),
    )


def top_effects(reach: dict[int, int], limit: int = 10) -> list[tuple[int, int]]:
    """(action id, reach) of the actions with the most downstream effects, at least one."""
    ranked = sorted(
        ((n, r) for n, r in reach.items() if r > 0), key=lambda item: (-item[1], item[0])
    )
    return ranked[:limit]


# -- layout ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    id: int
    x: float
    y: float
    r: float


def _year_fraction(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def layout(
    nodes: Sequence[tuple[int, date | None]],
    clusters_: Sequence[Sequence[int]],
    reach: dict[int, int],
    *,
    width: float = 960,
    row: float = 50,
    margin: float = 40,
    extents: dict[int, float] | None = None,
) -> tuple[list[Placed], float]:
    """Positions in pixels: x by start date (undated actions in a last column), y by cluster
    (one band per cluster, isolated actions last), node radius by influence. ``extents``
    gives the half-width of a node's label drawn under it, so that labels of one lane do not
    overlap. Returns the placed nodes and the height needed."""
    extents = extents or {}
    if not nodes:
        return [], 2 * margin
    cluster_of = {n: i for i, group in enumerate(clusters_) for n in group}
    lone = len(clusters_)
    start = dict(nodes)
    dated = [_year_fraction(d) for d in start.values() if d is not None]
    low, high = (min(dated), max(dated)) if dated else (0.0, 1.0)
    span = max(high - low, 1.0)
    has_undated = any(d is None for d in start.values())
    usable = width - 2 * margin - (60 if has_undated else 0)
    biggest = max(reach.values(), default=0)

    def radius(node: int) -> float:
        return 5 + 11 * ((reach.get(node, 0) / biggest) ** 0.5 if biggest else 0)

    def x_of(node: int) -> float:
        day = start[node]
        if day is None:
            return width - margin - 20
        return margin + usable * (_year_fraction(day) - low) / span

    ordered = sorted(
        start, key=lambda n: (cluster_of.get(n, lone), start[n] is None, start[n] or date.min, n)
    )
    placed: list[Placed] = []
    y = margin
    lanes_end: list[float] = []  # right edge of the last node of each lane of the current band
    band = None
    for node in ordered:
        group = cluster_of.get(node, lone)
        if group != band:
            if band is not None:
                y += len(lanes_end) * row + row / 2
            band, lanes_end = group, []
        x, r = x_of(node), radius(node)
        half = max(r, extents.get(node, 0.0))
        # First lane of this band where the node and its label clear their left neighbour.
        lane = next((i for i, end in enumerate(lanes_end) if x - half > end + 6), None)
        if lane is None:
            lane = len(lanes_end)
            lanes_end.append(-1e9)
        lanes_end[lane] = x + half
        placed.append(Placed(node, round(x, 1), round(y + lane * row, 1), round(r, 1)))
    height = y + len(lanes_end) * row + margin
    return placed, round(height, 1)
