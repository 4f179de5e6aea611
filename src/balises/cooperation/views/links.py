"""Pages of participations and contributions: the list of contributions (JSON and CSV
twins), and forms to add, change and delete either."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balises.cooperation import services
from balises.cooperation.forms import ContributionForm, ParticipationForm
from balises.cooperation.policies import ACTEUR, CONTRIBUTION, PARTICIPATION
from balises.cooperation.presenters.records import contribution_data
from balises.cooperation.views.common import add_errors
from balises.core.csv_export import csv_response
from balises.core.http import AuthenticatedHttpRequest
from balises.core.json_export import json_page
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires.policies import ACTION

PER_PAGE = 100


@dataclass(frozen=True)
class LinkKind:
    code: str
    form: Any
    get: Any
    title: Any
    new_title: Any


KINDS = {
    "participation": LinkKind(
        "participation", ParticipationForm, PARTICIPATION.get,
        gettext_lazy("Participation"), gettext_lazy("Nouvelle participation"),
    ),
    "contribution": LinkKind(
        "contribution", ContributionForm, CONTRIBUTION.get,
        gettext_lazy("Contribution"), gettext_lazy("Nouvelle contribution"),
    ),
}  # fmt: skip


def _contributions(request: HttpRequest, espace):
    return (
        CONTRIBUTION.visible(request.user, espace)
        .select_related("acteur", "action")
        .order_by("-period_start", "pk")
    )


def contribution_list(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    context = space_context(request, espace, "cooperation", section="contributions")
    page = Paginator(_contributions(request, espace), PER_PAGE).get_page(request.GET.get("page"))
    context["page"] = page
    context["contributions"] = [contribution_data(c, context["is_member"]) for c in page]
    return render(request, "cooperation/contribution_list.html", context)


def contribution_list_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    is_member = space_context(request, espace, "cooperation")["is_member"]
    return json_page(
        request,
        _contributions(request, espace),
        lambda page: [contribution_data(c, is_member) for c in page],
        per_page=PER_PAGE,
    )


CSV_FIELDS = ["id", "action", "acteur", "nature", "in_kind", "amount", "unit", "period_start"]
CSV_FIELDS += ["period_kind", "measure", "value_in_measure", "comment"]
# Written as text in JSON (exact decimals); as numbers in CSV, for spreadsheet sums.
CSV_NUMBERS = {"amount", "value_in_measure"}


def _csv_cell(row: dict, field: str):
    return Decimal(row[field]) if field in CSV_NUMBERS else row[field]


def contribution_list_csv(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    is_member = space_context(request, espace, "cooperation")["is_member"]
    rows = [contribution_data(c, is_member) for c in _contributions(request, espace)]
    body = ([_csv_cell(row, f) for f in CSV_FIELDS] for row in rows)
    return csv_response(f"contributions-{espace.slug}.csv", CSV_FIELDS, body)


def _initial(request: HttpRequest, espace) -> dict:
    initial: dict = {}
    for field in ("acteur", "action"):
        value = request.GET.get(field, "")
        if value.isdigit():
            initial[field] = int(value)
    return initial


@login_required
def link_edit(request: AuthenticatedHttpRequest, slug: str, kind: str, pk: int | None = None):
    espace = get_espace_for_user(request, slug, write=True)
    link_kind = KINDS[kind]
    record = link_kind.get(request, espace, pk, write=True) if pk else None
    initial = link_kind.form.initial_for(record) if record else _initial(request, espace)
    form = link_kind.form(
        request.POST or None,
        initial=initial,
        actions=ACTION.visible(request.user, espace).order_by("title"),
        acteurs=ACTEUR.visible(request.user, espace),
    )
    if request.method == "POST" and form.is_valid():
        try:
            record, warnings = _save(kind, espace, request.user, form.to_data(), record)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Enregistré."))
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("cooperation:acteur_detail", slug=espace.slug, pk=record.acteur_id)
    context = space_context(
        request, espace, "cooperation", section="acteurs", kind=link_kind, form=form, record=record
    )
    return render(
        request, "cooperation/link_form.html", context, status=400 if form.errors else 200
    )


def _save(kind: str, espace, user, data: dict, record) -> tuple[Any, list[str]]:
    if kind == "participation":
        return services.save_participation(espace, user, data, record), []
    return services.save_contribution(espace, user, data, record)


@login_required
def link_delete(request: AuthenticatedHttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    record = KINDS[kind].get(request, espace, pk, write=True)
    if request.method == "POST":
        services.delete_link(record, request.user)
        messages.success(request, _("Supprimé."))
        return redirect("cooperation:acteur_detail", slug=espace.slug, pk=record.acteur_id)
    context = space_context(request, espace, "cooperation", section="acteurs", record=record)
    context["cancel_url"] = "cooperation:acteur_detail"
    context["cancel_pk"] = record.acteur_id
    return render(request, "cooperation/confirm_delete.html", context)
