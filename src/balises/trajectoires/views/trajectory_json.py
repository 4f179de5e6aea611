"""JSON twins of the timeline and of the graph of effects.

They hold every action and link the viewer may see, so they are written as they are read:
rows are fetched in chunks and each one becomes JSON text at once. Holding 2,000 actions and
5,000 links as Python objects made the garbage collector walk the whole heap on one request
in ten (over 100 ms).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse

from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires import metrics_cache
from balises.trajectoires.forms_trajectory import FriseFilterForm
from balises.trajectoires.presenters import trajectory as presenters
from balises.trajectoires.queries import trajectory as queries


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)


def json_with_arrays(head: dict, arrays: dict[str, Iterable]) -> HttpResponse:
    """A JSON object: the keys of ``head``, then each array of ``arrays`` item by item."""
    parts = [_dumps(head)[:-1]]
    for key, items in arrays.items():
        parts.append(f", {_dumps(key)}: [")
        parts.append(",".join(_dumps(item) for item in items))
        parts.append("]")
    parts.append("}")
    return HttpResponse("".join(parts), content_type="application/json")


def frise_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    form = FriseFilterForm(request.GET or None)
    period = form.period()
    events, leaps, phases = queries.load_marks(request.user, espace, period)
    head = {
        "espace": espace.slug,
        "errors": form.errors.get_json_data() if form.is_bound and not form.is_valid() else {},
        "phases": [
            {"name": p.name, "start": p.start.isoformat(), "end": p.end and p.end.isoformat()}
            for p in phases
        ],
        "evenements": [
            {"title": e.title, "kind": e.kind, "date": e.date.isoformat()} for e in events
        ],
        "sauts": [
            {"title": s.title, "date": s.date.isoformat(), "widened": s.widened} for s in leaps
        ],
    }
    actions = queries.iter_actions(request.user, espace, period)
    rows = presenters.action_dicts(actions, queries.action_url_pattern(espace.slug))
    return json_with_arrays(head, {"actions": rows})


def graphe_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    role = space_context(request, espace, "trajectoire")["role"]
    cached = metrics_cache.get_metrics(espace, metrics_cache.scope_for(request.user, espace, role))
    user = request.user
    metrics, reach, cluster_of = presenters.graph_json_parts(
        queries.visible_ids(user, espace),
        lambda ids: queries.titles_of(user, espace, ids),
        cached.metrics,
    )
    head = {
        "espace": espace.slug,
        "fresh": cached.fresh,
        **metrics,
        # Links are [source id, target id, kind] triples, as written; "influence" says which
        # way each kind acts (« A s'appuie sur B »: from B to A), as the metrics read them.
        "link_fields": ["source", "target", "kind"],
        "influence": presenters.influence_table(),
    }
    rows = presenters.graph_action_dicts(
        queries.iter_actions(user, espace), reach, cluster_of,
        queries.action_url_pattern(espace.slug),
    )  # fmt: skip
    return json_with_arrays(head, {"actions": rows, "links": queries.iter_links(user, espace)})
