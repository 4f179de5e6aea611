"""Pages of events, phases and systemic leaps: list, detail, form, deletion.

The three kinds share their views; a RecordKind says what differs (model, form, service,
access helper, templates' words).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balises.core.history import history_entries
from balises.core.http import AuthenticatedHttpRequest
from balises.core.json_export import json_page
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires import services
from balises.trajectoires.forms import EvenementForm, PhaseForm, SautForm
from balises.trajectoires.models import Evenement, Phase, SautSystemique
from balises.trajectoires.policies import ACTION, EVENEMENT, PHASE, SAUT
from balises.trajectoires.presenters.records import record_data
from balises.trajectoires.views.common import add_errors


@dataclass(frozen=True)
class RecordKind:
    code: str  # "evenements", "phases", "sauts": also the URL segment and name prefix
    model: Any
    form: Any
    save: Callable
    get: Callable
    title: str | Promise
    new_title: str | Promise
    has_actions: bool


KINDS = {
    "evenements": RecordKind(
        "evenements", Evenement, EvenementForm, services.save_evenement, EVENEMENT.get,
        gettext_lazy("Événements et opportunités"), gettext_lazy("Nouvel événement"), True,
    ),
    "phases": RecordKind(
        "phases", Phase, PhaseForm, services.save_phase, PHASE.get,
        gettext_lazy("Phases de la trajectoire"), gettext_lazy("Nouvelle phase"), False,
    ),
    "sauts": RecordKind(
        "sauts", SautSystemique, SautForm, services.save_saut, SAUT.get,
        gettext_lazy("Sauts systémiques"), gettext_lazy("Nouveau saut systémique"), True,
    ),
}  # fmt: skip


def _records(kind: RecordKind, request: HttpRequest, espace):
    records = kind.model.objects.visible_to(request.user).filter(espace=espace)
    if kind.has_actions:
        actions = ACTION.visible(request.user, espace).only("pk", "title", "espace_id")
        records = records.prefetch_related(_prefetch(actions))
    return records


def _prefetch(actions):
    from django.db.models import Prefetch

    return Prefetch("actions", queryset=actions.order_by("title"), to_attr="visible_actions")


def record_list(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    record_kind = KINDS[kind]
    context = space_context(
        request,
        espace,
        "trajectoire",
        kind=record_kind,
        records=list(_records(record_kind, request, espace)),
    )
    return render(request, "trajectoires/record_list.html", context)


def record_list_json(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    records = _records(KINDS[kind], request, espace)
    return json_page(request, records, lambda page: [record_data(kind, r) for r in page])


def record_detail(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    record_kind = KINDS[kind]
    record = record_kind.get(request, espace, pk)
    if record_kind.has_actions:
        seen = ACTION.visible(request.user, espace)
        record.visible_actions = list(record.actions.filter(pk__in=seen.values("pk")))
    context = space_context(
        request,
        espace,
        "trajectoire",
        kind=record_kind,
        record=record,
        history=history_entries(record),
    )
    return render(request, "trajectoires/record_detail.html", context)


def _form(kind: RecordKind, request, espace, initial) -> Any:
    actions = ACTION.visible(request.user, espace).order_by("title")
    return kind.form(request.POST or None, initial=initial, actions=actions)


@login_required
def record_edit(
    request: AuthenticatedHttpRequest, slug: str, kind: str, pk: int | None = None
) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    record_kind = KINDS[kind]
    record = record_kind.get(request, espace, pk, write=True) if pk else None
    initial = (
        record_kind.form.initial_for(record)
        if record
        else {"visibility": espace.default_visibility}
    )
    form = _form(record_kind, request, espace, initial)
    if request.method == "POST" and form.is_valid():
        try:
            record = record_kind.save(espace, request.user, form.to_data(), record)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Enregistré."))
            return redirect(f"trajectoires:{kind}_detail", slug=espace.slug, pk=record.pk)
    context = space_context(
        request, espace, "trajectoire", kind=record_kind, form=form, record=record
    )
    status = 400 if form.errors else 200
    return render(request, "trajectoires/record_form.html", context, status=status)


@login_required
def record_delete(request: AuthenticatedHttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    record_kind = KINDS[kind]
    record = record_kind.get(request, espace, pk, write=True)
    if request.method == "POST":
        services.delete_record(request.user, record)
        messages.success(request, _("« %(title)s » supprimé.") % {"title": record})
        return redirect(f"trajectoires:{kind}_list", slug=espace.slug)
    context = space_context(request, espace, "trajectoire", kind=record_kind, record=record)
    return render(request, "trajectoires/record_delete.html", context)
