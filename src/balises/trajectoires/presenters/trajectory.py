"""Shaping loaded records into what the view pages draw and list (no queries here)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple, Protocol

from django.utils.translation import gettext as _

from balises.graphiques import network, timeline
from balises.trajectoires import graph
from balises.trajectoires.dates import format_partial_date
from balises.trajectoires.models import EventKind, LinkKind, Status, Theme, Widening
from balises.trajectoires.queries.trajectory import ActionRow, LinkRow

LINK_LABELS = dict(LinkKind.choices)
STATUS_LABELS = dict(Status.choices)
THEME_LABELS = dict(Theme.choices)
WIDENING_LABELS = dict(Widening.choices)
EVENT_LABELS = dict(EventKind.choices)
# Past this many actions the graph draws the most influential ones (the JSON twin has all).
MAX_NODES_DRAWN = 120


class Texts:
    """Labels and phrases translated once per request rather than once per action (2,000
    rows of a JSON twin spent two thirds of their time in gettext)."""

    def __init__(self) -> None:
        self.status = {k: str(v) for k, v in STATUS_LABELS.items()}
        self.theme = {k: str(v) for k, v in THEME_LABELS.items()}
        self.from_to = _("de %(start)s à %(end)s")
        self.since = _("depuis %(start)s")
        self.unknown = _("date inconnue")


def period_text(action: ActionRow, texts: Texts | None = None) -> str:
    texts = texts or Texts()
    start = format_partial_date(action.start, action.start_precision)
    end = format_partial_date(action.end, action.end_precision)
    if start and end:
        return texts.from_to % {"start": start, "end": end}
    if start and action.status == Status.EN_COURS:
        return texts.since % {"start": start}
    return start or texts.unknown


def action_rows(actions: Iterable[ActionRow], url_pattern: str) -> list[dict]:
    return list(action_dicts(actions, url_pattern))


def action_dicts(actions: Iterable[ActionRow], url_pattern: str) -> Iterator[dict]:
    """What the tables and JSON twins show of each action, one at a time."""
    texts = Texts()
    return (
        {
            "id": action.pk,
            "title": action.title,
            "status": action.status,
            "status_label": texts.status.get(action.status, action.status),
            "start": action.start.isoformat() if action.start else None,
            "start_precision": action.start_precision,
            "end": action.end.isoformat() if action.end else None,
            "end_precision": action.end_precision,
            "period": period_text(action, texts),
            "themes": action.themes,
            "theme_labels": [texts.theme.get(t, t) for t in action.themes],
            "visibility": action.visibility,
            "url": url_pattern.format(pk=action.pk) if url_pattern else "",
        }
        for action in actions
    )


def timeline_svg(
    actions, events, leaps, phases, *, today: date, compact: bool, limit: int
) -> tuple[str, int]:
    """The SVG of a timeline and the number of dated actions left out past ``limit``."""
    dated = [a for a in actions if a.start is not None]
    texts = Texts()
    bars = [
        timeline.Bar(
            label=a.title,
            start=a.start,
            end=a.end,
            ongoing=a.status == Status.EN_COURS,
            css=f"statut-{a.status}",
            detail=f"{texts.status.get(a.status, a.status)}, {period_text(a, texts)}",
        )
        for a in dated[:limit]
    ]
    bands = [timeline.Band(p.name, p.start, p.end) for p in phases]
    marks = [
        timeline.Mark(
            e.title,
            e.date,
            "evenement",
            f"{EVENT_LABELS.get(e.kind, e.kind)}, {format_partial_date(e.date, e.date_precision)}",
        )
        for e in events
    ] + [
        timeline.Mark(
            s.title,
            s.date,
            "saut",
            _("saut systémique, %(date)s")
            % {"date": format_partial_date(s.date, s.date_precision)},
        )
        for s in leaps
    ]
    desc = _(
        "%(actions)s actions en barres de leur début à leur fin (un point quand la fin est "
        "inconnue), %(phases)s phases en bandes, %(events)s événements (ronds) et %(leaps)s "
        "sauts systémiques (losanges). Le tableau qui suit donne les mêmes informations."
    ) % {"actions": len(bars), "phases": len(bands), "events": len(events), "leaps": len(leaps)}
    svg = timeline.render_timeline(
        bars,
        bands,
        marks,
        today=today,
        title=_("Frise de la trajectoire"),
        desc=desc,
        svg_id="frise-compacte" if compact else "frise",
        compact=compact,
        empty_text=_("Aucune action datée à afficher."),
    )
    return svg, max(len(dated) - limit, 0)


class Dated(Protocol):
    """An end of a link as the warnings need it: an action, an ActionRow or a LinkEnd."""

    @property
    def title(self) -> str: ...
    @property
    def start(self) -> date | None: ...
    @property
    def start_precision(self) -> str: ...


class LinkEnd(NamedTuple):
    title: str
    start: date | None
    start_precision: str


def time_warning(source: Dated, target: Dated, kind: str) -> str:
    """Why the link « source <kind> target » goes back in time, in French; "" when it does not
    (its cause does not certainly start after its effect, or a start is unknown)."""
    cause, effect = graph.influence(source, target, kind)
    if not graph.goes_back_in_time(
        (cause.start, cause.start_precision), (effect.start, effect.start_precision)
    ):
        return ""
    return _(
        "La cause, « %(cause)s » (%(cause_start)s), commence après son effet, "
        "« %(effect)s » (%(effect_start)s)."
    ) % {
        "cause": cause.title,
        "cause_start": format_partial_date(cause.start, cause.start_precision),
        "effect": effect.title,
        "effect_start": format_partial_date(effect.start, effect.start_precision),
    }


def influence_text(kind: str) -> str:
    """The direction of influence of a kind, as the list of links says it."""
    if graph.influence("source", "target", kind)[0] == "source":
        return _("de l'action vers l'action liée")
    return _("de l'action liée vers l'action")


def link_rows(rows: Iterable[LinkRow]) -> list[dict]:
    """The list of links under the graph: each link as written, its direction of influence
    and, when it goes back in time, why."""
    shown = []
    for row in rows:
        source = LinkEnd(row.source_title, row.source_start, row.source_precision)
        target = LinkEnd(row.target_title, row.target_start, row.target_precision)
        shown.append(
            {
                "source": row.source_title,
                "kind": LINK_LABELS.get(row.kind, row.kind),
                "target": row.target_title,
                "influence": influence_text(row.kind),
                "warning": time_warning(source, target, row.kind),
            }
        )
    return shown


def influence_table() -> dict[str, str]:
    """For the JSON twin: which way each kind of link acts."""
    return {
        kind: "source_to_target"
        if graph.influence("source", "target", kind)[0] == "source"
        else "target_to_source"
        for kind in LinkKind.values
    }


KEEP_STEPS = 6  # a long chain shows its first and last steps
KEEP_IN_LOOP = 8  # a loop shows its first actions


def abridge_steps(steps: list[list[int]]) -> list:
    """A long chain as the page shows it: first and last steps around ``{"skipped": n}``."""
    if len(steps) <= 2 * KEEP_STEPS + 1:
        return list(steps)
    skipped = {"skipped": len(steps) - 2 * KEEP_STEPS}
    return [*steps[:KEEP_STEPS], skipped, *steps[-KEEP_STEPS:]]


def shown_steps(steps: list[list[int]], titles: dict[int, str]) -> list[dict]:
    """Abridged steps with titles; actions the viewer cannot see are dropped."""
    shown: list[dict] = []
    for step in abridge_steps(steps):
        if isinstance(step, dict):
            shown.append(step)
            continue
        visible = [n for n in step if n in titles]
        if visible:
            members = [{"id": n, "title": titles[n]} for n in visible[:KEEP_IN_LOOP]]
            more = len(step) - len(members) if len(step) > KEEP_IN_LOOP else 0
            shown.append({"actions": members, "loop": len(step) > 1, "more": more})
    return shown


def page_ids(metrics: graph.GraphMetricsData) -> set[int]:
    """The actions the graph page names: drawn, top effects, abridged chains, clusters."""
    ranked = sorted(metrics.reach, key=lambda n: (-metrics.reach[n], n))
    needed = set(ranked[:MAX_NODES_DRAWN])
    needed.update(n for n, _r in graph.top_effects(metrics.reach, limit=10))
    for steps in [metrics.fil, *metrics.chains]:
        for step in abridge_steps(steps):
            if not isinstance(step, dict):
                needed.update(step[:KEEP_IN_LOOP])
    for group in metrics.clusters[:MAX_CLUSTERS_SHOWN]:
        needed.update(group[:KEEP_IN_CLUSTER])
    for source, target, _kind in metrics.backward[:MAX_BACKWARD_SHOWN]:
        needed.update((source, target))
    return needed


MAX_CLUSTERS_SHOWN = 8
KEEP_IN_CLUSTER = 6
# The summary of links that go back in time names the first ones; the list of links flags all.
MAX_BACKWARD_SHOWN = 5


def _graph_svg(actions, links, titles, reach, clusters, cluster_of, metrics):
    ranked = sorted(titles, key=lambda n: (-reach[n], n))
    drawn = set(ranked[:MAX_NODES_DRAWN])
    starts = [(a.pk, a.start) for a in actions if a.pk in drawn]
    drawn_clusters = [[n for n in g if n in drawn] for g in clusters]
    labelled = set(ranked[:25]) if len(drawn) > 30 else drawn
    extents = {n: network.label_half_width(titles[n]) for n in labelled}
    placed, height = graph.layout(starts, drawn_clusters, reach, extents=extents)
    on_fil = {n for step in metrics.fil for n in step}
    nodes = [
        network.Node(
            id=str(p.id),
            label=titles[p.id],
            x=p.x,
            y=p.y,
            r=p.r,
            css=(f"grappe-{cluster_of[p.id] % 8}" if p.id in cluster_of else "grappe-aucune")
            + (" reseau-fil" if p.id in on_fil else ""),
            detail=_("%(n)s actions en aval") % {"n": reach[p.id]},
            show_label=p.id in labelled,
        )
        for p in placed
    ]
    backward = set(metrics.backward)
    against_time = _("à rebours du temps")
    edges = []
    for s, t, k in links:
        if s in drawn and t in drawn:
            # Drawn from cause to effect; the tooltip gives the link as it was written.
            cause, effect = graph.influence(s, t, k)
            tip = f"{titles[s]} {LINK_LABELS.get(k, k)} {titles[t]}"
            if (s, t, k) in backward:
                tip += f" ({against_time})"
            edges.append(network.Edge(str(cause), str(effect), k, tip))
    svg = network.render_network(
        nodes,
        edges,
        width=960,
        height=height,
        title=_("Graphe des effets entre actions"),
        desc=_(
            "%(nodes)s actions placées de gauche à droite selon leur date de début et "
            "regroupées par grappe ; la taille d'un cercle croît avec le nombre d'actions en "
            "aval ; une flèche va de la cause vers l'effet : de A vers B quand A entraîne B, "
            "de B vers A quand A s'appuie sur B, prolonge B ou élargit B. La liste des liens "
            "suit le graphe."
        )
        % {"nodes": len(nodes)},
        svg_id="graphe",
        empty_text=_("Aucune action à afficher."),
    )
    return svg, len(nodes)


def graph_view(
    actions: list[ActionRow],
    links,
    metrics: graph.GraphMetricsData,
    url_pattern: str,
) -> dict:
    """Everything the graph page shows: SVG, top effects, chains, fil conducteur, clusters.

    The page passes only the actions it names (``page_ids``): cluster sizes then come from
    the metrics, which count the same actions as the viewer sees."""
    titles = {a.pk: a.title for a in actions}
    reach = {n: metrics.reach.get(n, 0) for n in titles}
    pairs = [(g, [n for n in g if n in titles]) for g in metrics.clusters]
    pairs = [(g, shown) for g, shown in pairs if len(shown) > 1]
    clusters = [shown for _g, shown in pairs]
    cluster_of = {n: i for i, group in enumerate(clusters) for n in group}
    svg, drawn_count = _graph_svg(actions, links, titles, reach, clusters, cluster_of, metrics)
    by_id = {a.pk: a for a in actions}
    backward = [
        {
            "source": by_id[s].title,
            "kind": LINK_LABELS.get(k, k),
            "target": by_id[t].title,
            "warning": time_warning(by_id[s], by_id[t], k),
        }
        for s, t, k in metrics.backward[:MAX_BACKWARD_SHOWN]
        if s in by_id and t in by_id
    ]
    return {
        "svg": svg,
        "drawn": drawn_count,
        "total": len(titles),
        "chains_shown": [(sum(map(len, c)), shown_steps(c, titles)) for c in metrics.chains],
        "fil_shown": shown_steps(metrics.fil, titles),
        "top": [
            {
                "id": n,
                "title": titles[n],
                "reach": r,
                "url": url_pattern.format(pk=n) if url_pattern else "",
            }
            for n, r in graph.top_effects(reach, limit=10)
        ],
        "fil_score": metrics.fil_score,
        "backward": backward,
        "backward_total": len(metrics.backward),
        "clusters": [
            {
                "index": i,
                "size": len(full),
                "actions": [{"id": n, "title": titles[n]} for n in group],
            }
            for i, (full, group) in enumerate(pairs)
        ],
    }


def dominant_themes(actions: list[ActionRow], ids: list[int], limit: int = 3) -> list[str]:
    wanted = set(ids)
    counts = Counter(t for a in actions if a.pk in wanted for t in a.themes)
    return [str(THEME_LABELS.get(t, t)) for t, _n in counts.most_common(limit)]


def graph_json_parts(
    visible: set[int], titles_of, metrics: graph.GraphMetricsData
) -> tuple[dict, dict[int, int], dict[int, int]]:
    """The graph twin's metrics for the visible actions, as lists of action ids (titles are
    in "actions"; a loop may hold hundreds of actions), with each action's reach and cluster.
    ``titles_of(ids)`` loads the titles of the few actions named with their title."""

    def only_visible(steps: list[list[int]]) -> list[list[int]]:
        kept = ([n for n in step if n in visible] for step in steps)
        return [step for step in kept if step]

    clusters = [group for group in only_visible(metrics.clusters) if len(group) > 1]
    cluster_of = {n: i for i, group in enumerate(clusters) for n in group}
    reach = {n: metrics.reach.get(n, 0) for n in visible}
    top = graph.top_effects(reach, 10)
    titles = titles_of([n for n, _r in top])
    metrics_json = {
        "top_effects": [{"id": n, "title": titles.get(n, ""), "reach": r} for n, r in top],
        "longest_chains": [only_visible(chain) for chain in metrics.chains],
        "fil_conducteur": {"steps": only_visible(metrics.fil), "score": metrics.fil_score},
        "clusters": clusters,
        # Links as written, [source, target, kind], whose cause starts after its effect.
        "backward_in_time": [
            [s, t, k] for s, t, k in metrics.backward if s in visible and t in visible
        ],
    }
    return metrics_json, reach, cluster_of


def graph_action_dicts(
    actions: Iterable[ActionRow], reach: dict[int, int], cluster_of: dict[int, int], url: str
) -> Iterator[dict]:
    return (
        {
            "id": a.pk,
            "title": a.title,
            "status": a.status,
            "start": a.start.isoformat() if a.start else None,
            "end": a.end.isoformat() if a.end else None,
            "themes": a.themes,
            "reach": reach.get(a.pk, 0),
            "cluster": cluster_of.get(a.pk),
            "url": url.format(pk=a.pk) if url else "",
        }
        for a in actions
    )
