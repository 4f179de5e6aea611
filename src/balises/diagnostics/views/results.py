"""Results of a campaign (page, printable report, JSON and CSV twins) and maturity over time."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from balises.core.csv_export import csv_response
from balises.core.json_export import json_response
from balises.diagnostics.evolution import maturity_over_time
from balises.diagnostics.policies import CAMPAGNE, can_see_details
from balises.diagnostics.presenters import results as presenters
from balises.diagnostics.results import CampaignResults, campaign_results
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user

# The cooperation app's creation form of a temps réflexif, when it exists: it is offered from
# each divergence with its fields filled through GET parameters (title, balises, actions).
TEMPS_REFLEXIF_ROUTES = ("cooperation:temps_create",)


def _load(request: HttpRequest, slug: str, pk: int) -> CampaignResults:
    espace = get_espace_for_user(request, slug)
    campagne = CAMPAGNE.get(request, espace, pk)
    return campaign_results(request.user, campagne, can_see_details(request.user, campagne))


def temps_reflexif_url(slug: str) -> str | None:
    for name in TEMPS_REFLEXIF_ROUTES:
        try:
            return reverse(name, args=[slug])
        except NoReverseMatch:
            continue
    return None


def _reflexif_links(results: CampaignResults, can_write: bool) -> dict[int, str]:
    base = temps_reflexif_url(results.campagne.espace.slug) if can_write else None
    if base is None:
        return {}
    links = {}
    for row in results.divergences:
        query = [("title", _("Temps réflexif : %(code)s %(label)s") % {
            "code": row.element.code, "label": row.element.label})]  # fmt: skip
        query.append(("balises", str(row.element.pk)))
        query += [("actions", str(pk)) for a in row.answers for pk, _t in a.evidence]
        links[row.element.pk] = f"{base}?{urlencode(query)}"
    return links


def _context(request: HttpRequest, results: CampaignResults) -> dict:
    context = space_context(
        request, results.campagne.espace, "diagnostics", campagne=results.campagne
    )
    return context | {
        "results": results,
        "radar": presenters.radar_consensus(results),
        "radars": presenters.radars_by_viewpoint(results),
        "reflexif_links": _reflexif_links(results, context["role"] in ("contributeur", "referent")),
    }


def results_page(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    results = _load(request, slug, pk)
    return render(request, "diagnostics/results.html", _context(request, results))


def report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    results = _load(request, slug, pk)
    return render(request, "diagnostics/report.html", _context(request, results))


def results_json(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return json_response(presenters.results_data(_load(request, slug, pk)))


def results_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    results = _load(request, slug, pk)
    name = f"autodiagnostic-{results.campagne.espace.slug}-{results.campagne.pk}.csv"
    codes = [code for code, _label in results.viewpoints]
    header = presenters.CSV_COLUMNS + [f"vue_{code}" for code in codes]
    body = (
        [row[column] for column in presenters.CSV_COLUMNS]
        + [row["viewpoints"].get(code, "") for code in codes]
        for row in presenters.element_rows(results)
    )
    return csv_response(name, header, body)


def evolution_page(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    evolution = maturity_over_time(request.user, espace)
    steps = [c.title for c in evolution.campagnes]
    charts = [
        presenters.evolution_chart(
            steps,
            [(t.element.label if t.element else _("Autres éléments"), t.values)
             for t in evolution.themes],
            "evolution-themes", _("Maturité moyenne par thème"),
        )
    ]  # fmt: skip
    for index, theme in enumerate(evolution.themes):
        title = theme.element.label if theme.element else _("Autres éléments")
        named = [(line.element.code, line.values) for line in theme.balises]
        charts.append(presenters.evolution_chart(steps, named, f"evolution-{index}", title))
    context = space_context(request, espace, "diagnostics", evolution=evolution, charts=charts)
    return render(request, "diagnostics/evolution.html", context)


def evolution_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    evolution = maturity_over_time(request.user, espace)
    data = {
        "espace": espace.slug,
        "campagnes": [{"id": c.pk, "title": c.title, "starts_on": c.starts_on.isoformat()}
                      for c in evolution.campagnes],
        "themes": [
            {
                "theme": t.element.key if t.element else None,
                "values": t.values,
                "elements": [{"key": line.element.key, "code": line.element.code,
                              "values": line.values} for line in t.balises],
            }
            for t in evolution.themes
        ],
    }  # fmt: skip
    return json_response(data)
