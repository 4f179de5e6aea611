"""Views of a trajectory: overview (the space's public trajectory page), timeline, graph of
effects, coverage of a référentiel's balises, with the coverage's twins (JSON and CSV); the
twins of the timeline and graph are in vues_json.

Every page loads the space through ``get_espace_for_user`` and the records through
``visible_to(user)``: anonymous visitors see what is public, signed-in outsiders public and
réseau records, members everything.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from balises.core.csv_export import csv_response
from balises.core.json_export import json_response
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires import metrics_cache
from balises.trajectoires.forms_trajectory import FriseFilterForm
from balises.trajectoires.models import Status
from balises.trajectoires.presenters import trajectory as presenters
from balises.trajectoires.queries import trajectory as queries
from balises.trajectoires.queries.coverage import coverage


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    counts = queries.status_counts(request.user, espace)
    total = sum(counts.values())
    limit = queries.MAX_COMPACT_BARS
    actions = queries.load_actions(request.user, espace, limit=limit, dated_only=True)
    events, leaps, phases = queries.load_marks(request.user, espace)
    svg, _more = presenters.timeline_svg(
        actions, events, leaps, phases, today=timezone.localdate(), compact=True, limit=limit,
    )  # fmt: skip
    context = space_context(
        request, espace, "trajectoire", vue="overview", svg=svg, more=max(total - len(actions), 0),
        actions_count=total, links_count=queries.count_links(request.user, espace),
        status_counts=[(code, label, counts.get(code, 0)) for code, label in Status.choices],
        events=events, leaps=leaps, phases=phases,
    )  # fmt: skip
    return render(request, "trajectoires/vues/overview.html", context)


def _frise(request: HttpRequest, slug: str, limit: int):
    espace = get_espace_for_user(request, slug)
    form = FriseFilterForm(request.GET or None)
    period = form.period()
    actions = queries.load_actions(request.user, espace, period, limit=limit)
    events, leaps, phases = queries.load_marks(request.user, espace, period)
    return espace, form, period, actions, events, leaps, phases


def frise(request: HttpRequest, slug: str) -> HttpResponse:
    limit = queries.MAX_BARS
    espace, form, period, actions, events, leaps, phases = _frise(request, slug, limit)
    total = queries.count_actions(request.user, espace, period)
    url_pattern = queries.action_url_pattern(espace.slug)
    svg, _more = presenters.timeline_svg(
        actions, events, leaps, phases, today=timezone.localdate(), compact=False, limit=limit,
    )  # fmt: skip
    rows = presenters.action_rows(actions, url_pattern)
    context = space_context(
        request, espace, "trajectoire", vue="frise", form=form, svg=svg,
        more=total - len(actions), rows=rows, total=total, events=events, leaps=leaps,
        phases=phases, query=request.GET.urlencode(),
    )  # fmt: skip
    return render(request, "trajectoires/vues/frise.html", context)


def _graphe(request: HttpRequest, slug: str):
    espace = get_espace_for_user(request, slug)
    context = space_context(request, espace, "trajectoire", vue="graphe")
    scope = metrics_cache.scope_for(request.user, espace, role=context["role"] or None)
    return espace, context, metrics_cache.get_metrics(espace, scope)


def graphe(request: HttpRequest, slug: str) -> HttpResponse:
    espace, context, cached = _graphe(request, slug)
    # Only the actions the page names are loaded: a fixed amount, whatever the space's size.
    needed = presenters.page_ids(cached.metrics)
    actions = queries.load_actions(request.user, espace, ids=needed)
    links = queries.load_links_among(request.user, espace, needed)
    url_pattern = queries.action_url_pattern(espace.slug)
    view = presenters.graph_view(actions, links, cached.metrics, url_pattern)
    view["total"] = queries.count_actions(request.user, espace)
    link_rows = presenters.link_rows(queries.link_table(request.user, espace, queries.MAX_BARS))
    for cluster in view["clusters"][: presenters.MAX_CLUSTERS_SHOWN]:
        ids = [a["id"] for a in cluster["actions"]]
        cluster["themes"] = presenters.dominant_themes(actions, ids)
    context.update(
        view=view, cached=cached, link_rows=link_rows,
        links_total=queries.count_links(request.user, espace),
        link_kinds=presenters.LINK_LABELS.items(),
    )  # fmt: skip
    return render(request, "trajectoires/vues/graphe.html", context)


def couverture(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    data = coverage(request, espace)
    context = space_context(request, espace, "trajectoire", vue="couverture", **data)
    return render(request, "trajectoires/vues/couverture.html", context)


def couverture_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    data = coverage(request, espace)
    referentiel = data["referentiel"]
    payload = {
        "espace": espace.slug,
        "referentiel": referentiel and {"slug": referentiel.slug, "version": referentiel.version},
        "balises": data["rows"],
        "sans_action": [row["code"] for row in data["rows"] if not row["actions"]],
    }
    return json_response(payload)


def couverture_csv(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    data = coverage(request, espace)
    name = data["referentiel"].slug if data["referentiel"] else "referentiel"
    header = [_("code"), _("balise"), _("nombre d'actions"), _("actions")]
    body = (
        [
            row["code"],
            row["label"],
            len(row["actions"]),
            " ; ".join(a["title"] for a in row["actions"]),
        ]
        for row in data["rows"]
    )
    return csv_response(f"couverture-{espace.slug}-{name}.csv", header, body)
