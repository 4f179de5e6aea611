"""The inter-service dashboard (HTML, CSV, XLSX, JSON) and the cooperation network."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from balises.cooperation.forms import MEASURE_LABELS, DashboardFilterForm
from balises.cooperation.presenters import dashboard as dashboard_page
from balises.cooperation.presenters import network as network_page
from balises.cooperation.presenters.drawings import render_bars
from balises.cooperation.queries import Filters, dashboard_data, network_data
from balises.cooperation.services import dispositif_element
from balises.core.csv_export import csv_response
from balises.core.json_export import json_response
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user
from balises.espaces.policies import policy_for
from balises.trajectoires.models import Phase


def _load(request: HttpRequest, slug: str):
    espace = get_espace_for_user(request, slug)
    context = space_context(request, espace, "cooperation", section="tableau")
    phases = policy_for(Phase).visible(request.user, espace)
    form = DashboardFilterForm(request.GET or None, phases=phases)
    filters = Filters()
    if form.is_valid():
        cleaned = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        filters = Filters(**cleaned)
    data = dashboard_data(request.user, espace, filters, context["is_member"])
    return espace, context, form, data


def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    _espace, context, form, data = _load(request, slug)
    actions, lines, totals, left_out = dashboard_page.matrix(
        data, dashboard_page.PAGE_COLUMNS, dashboard_page.PAGE_ROWS
    )
    unit = str(MEASURE_LABELS[data.filters.measure])
    context.update(
        form=form,
        data=data,
        unit=unit,
        matrix_actions=actions,
        matrix_lines=lines,
        matrix_totals=totals,
        left_out=left_out,
        more_columns=max(len(data.dashboard.action_ids) - len(actions), 0),
        natures=dashboard_page.nature_rows(data),
        transversality=dashboard_page.transversality_rows(data)[:15],
        load=dashboard_page.load_rows(data),
        fte_total=dashboard_page.fte(data.dashboard.by_nature.get("temps", {}).get("heures", 0)),
        chart=render_bars(
            dashboard_page.evolution(data),
            title=_("Évolution des contributions par année"),
            desc=_("Total par année, en %(unit)s.") % {"unit": unit},
            unit=unit,
        ),
        dispositif=dispositif_element("tableau"),
        query=request.GET.urlencode(),
    )
    return render(request, "cooperation/tableau.html", context)


def dashboard_csv(request: HttpRequest, slug: str) -> HttpResponse:
    espace, _context, _form, data = _load(request, slug)
    header, body = dashboard_page.export_rows(data)
    return csv_response(f"tableau-de-bord-{espace.slug}.csv", header, body)


def dashboard_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    espace, _context, _form, data = _load(request, slug)
    response = HttpResponse(
        dashboard_page.xlsx(data),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="tableau-de-bord-{espace.slug}.xlsx"'
    return response


def dashboard_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace, _context, _form, data = _load(request, slug)
    return json_response({"espace": espace.slug, **dashboard_page.json_data(data)})


def network(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    context = space_context(request, espace, "cooperation", section="reseau")
    data = network_data(request.user, espace, context["is_member"])
    context.update(network_page.page(data))
    return render(request, "cooperation/reseau.html", context)


def network_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    is_member = space_context(request, espace, "cooperation")["is_member"]
    data = network_data(request.user, espace, is_member)
    return json_response({"espace": espace.slug, **network_page.json_data(data)})
