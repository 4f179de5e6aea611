"""The cooperation network as a page: drawing, metrics in plain words, absences, levels."""

from __future__ import annotations

from django.utils.translation import gettext as _

from balises.cooperation import network as maths
from balises.cooperation.models import ActeurKind, Level
from balises.cooperation.presenters.drawings import Point, render_cooperation
from balises.cooperation.queries import NetworkData
from balises.trajectoires.models import Theme

WIDTH, HEIGHT = 880.0, 560.0
DRAWN = 40  # actors drawn; the tables list the others


def drawing(data: NetworkData) -> str:
    """The drawing is an image (role="img"): links inside it would be unreachable for
    assistive technologies, so the actors are linked from the lists under it instead."""
    positions = maths.layout(data.network, limit=DRAWN, width=WIDTH, height=HEIGHT)
    biggest = max((m.strength for m in data.network.metrics.values()), default=1) or 1
    points = []
    for acteur_id, (x, y) in positions.items():
        metrics = data.network.metrics[acteur_id]
        actor = data.actors[acteur_id]
        points.append(
            Point(
                acteur_id,
                actor.name,
                x,
                y,
                round(5 + 9 * (metrics.strength / biggest) ** 0.5, 1),
                css=f"coop-{actor.kind.replace('_', '-')}",
                detail=_("%(kind)s, %(degree)s partenaires")
                % {"kind": actor.kind_label, "degree": metrics.degree},
            )
        )
    return render_cooperation(
        points,
        data.network.edges,
        width=WIDTH,
        height=HEIGHT,
        title=_("Réseau de coopération"),
        desc=_(
            "Les %(n)s acteurs les plus reliés ; deux acteurs sont reliés quand ils prennent "
            "part aux mêmes actions, d'autant plus épais qu'ils en partagent."
        )
        % {"n": len(points)},
        empty_text=_("Aucun acteur ne partage d'action pour le moment."),
    )


def _named(data: NetworkData, rows):
    return [(data.actors[m.acteur_id], m) for m in rows]


def page(data: NetworkData) -> dict:
    themes = dict(Theme.choices)
    kinds = dict(ActeurKind.choices)
    levels = Level.choices
    return {
        "svg": drawing(data),
        "kind_legend": ActeurKind.choices,
        "n_actors": len(data.network.metrics),
        "n_links": len(data.network.edges),
        "isolated": [data.actors[a] for a in data.network.isolated],
        "by_degree": _named(data, maths.ranked(data.network, "degree")),
        "by_betweenness": _named(data, maths.ranked(data.network, "betweenness")),
        "bridges": _named(data, maths.ranked(data.network, "bridges_to")),
        "communities": [
            [data.actors[a] for a in group[:8]] + ([None] if len(group) > 8 else [])
            for group in data.network.communities[:8]
        ],
        "community_sizes": [len(g) for g in data.network.communities[:8]],
        "absent": [
            (str(themes.get(t, t)), [str(kinds[k]) for k in missing])
            for t, missing in data.absent.items()
            if missing
        ],
        "levels": levels,
        "levels_by_year": list(data.levels_by_year.items()),
        "levels_by_action": [
            (data.actions[a], counts) for a, counts in list(data.levels_by_action.items())[:40]
        ],
    }


def json_data(data: NetworkData) -> dict:
    return {
        "nodes": [
            {
                "id": m.acteur_id,
                "name": data.actors[m.acteur_id].name,
                "kind": data.actors[m.acteur_id].kind,
                "degree": m.degree,
                "strength": m.strength,
                "betweenness": m.betweenness,
                "community": m.community,
                "bridges_to": m.bridges_to,
            }
            for m in sorted(data.network.metrics.values(), key=lambda m: m.acteur_id)
        ],
        "edges": [
            {"source": a, "target": b, "weight": w}
            for (a, b), w in sorted(data.network.edges.items())
        ],
        "communities": data.network.communities,
        "absent_kinds_by_theme": data.absent,
        "levels_by_action": {str(a): c for a, c in data.levels_by_action.items()},
        "levels_by_year": {str(y): c for y, c in data.levels_by_year.items()},
    }
