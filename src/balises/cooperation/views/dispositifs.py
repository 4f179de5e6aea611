"""Pages of clubs and collectives (with their meetings), learning visits and reflexive
sessions: list (JSON twin), detail with history, form, deletion. The three kinds share their
views; a DispositifKind says what differs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balises.cooperation import services
from balises.cooperation.forms_dispositifs import (
    CollectifForm,
    ReunionForm,
    TempsReflexifForm,
    VoyageForm,
)
from balises.cooperation.models import Collectif, TempsReflexif, Voyage
from balises.cooperation.policies import ACTEUR, REUNION
from balises.cooperation.views.common import add_errors
from balises.core.history import history_entries
from balises.core.http import AuthenticatedHttpRequest
from balises.core.json_export import json_page
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user
from balises.espaces.policies import policy_for
from balises.referentiels.models import Element
from balises.trajectoires.policies import ACTION


@dataclass(frozen=True)
class DispositifKind:
    code: str  # URL segment and name prefix
    key: str  # key of DISPOSITIF_CODES
    model: Any
    form: Any
    title: Any
    new_title: Any


KINDS = {
    "collectifs": DispositifKind(
        "collectifs", "collectif", Collectif, CollectifForm,
        gettext_lazy("Clubs et collectifs"), gettext_lazy("Nouveau club ou collectif"),
    ),
    "voyages": DispositifKind(
        "voyages", "voyage", Voyage, VoyageForm,
        gettext_lazy("Voyages apprenants"), gettext_lazy("Nouveau voyage"),
    ),
    "temps": DispositifKind(
        "temps", "temps", TempsReflexif, TempsReflexifForm,
        gettext_lazy("Temps réflexifs"), gettext_lazy("Nouveau temps réflexif"),
    ),
}  # fmt: skip


def _names(request, espace, records, is_member: bool) -> None:
    """Attach the visible people of each record, anonymised where the rules say so."""
    seen = set(ACTEUR.visible(request.user, espace).values_list("pk", flat=True))
    for record in records:
        field = "members" if isinstance(record, Collectif) else "participants"
        record.people = [
            a.name_for(is_member) for a in getattr(record, field).all() if a.pk in seen
        ]


def _records(kind: DispositifKind, request, espace):
    field = "members" if kind.model is Collectif else "participants"
    records = policy_for(kind.model).visible(request.user, espace)
    return records.select_related("dispositif").prefetch_related(field)


def record_list(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    record_kind = KINDS[kind]
    context = space_context(request, espace, "cooperation", section=kind, kind=record_kind)
    records = list(_records(record_kind, request, espace))
    _names(request, espace, records, context["is_member"])
    context.update(records=records, dispositif=services.dispositif_element(record_kind.key))
    return render(request, "cooperation/record_list.html", context)


def record_list_json(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    record_kind = KINDS[kind]
    is_member = space_context(request, espace, "cooperation")["is_member"]

    def rows(records: list) -> list[dict]:
        _names(request, espace, records, is_member)
        return [_record_row(record) for record in records]

    return json_page(request, _records(record_kind, request, espace), rows)


def _record_row(record) -> dict:
    return {
        "id": record.pk,
        "title": str(record),
        "date": record.date.isoformat() if hasattr(record, "date") else None,
        "people": record.people,
        "visibility": record.visibility,
        "dispositif": record.dispositif.code if record.dispositif_id else None,
    }


def record_detail(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    record_kind = KINDS[kind]
    record = policy_for(record_kind.model).get(request, espace, pk)
    context = space_context(
        request, espace, "cooperation", section=kind, kind=record_kind, record=record
    )
    _names(request, espace, [record], context["is_member"])
    if hasattr(record, "actions"):
        seen = ACTION.visible(request.user, espace).values("pk")
        context["actions"] = record.actions.filter(pk__in=seen)
    if isinstance(record, Collectif):
        reunions = list(record.reunions.prefetch_related("participants"))
        _names(request, espace, reunions, context["is_member"])
        context["reunions"] = reunions
    context["history"] = history_entries(record) if context["is_member"] else []
    return render(request, "cooperation/record_detail.html", context)


def _choices(request, espace) -> dict:
    return {
        "acteurs": ACTEUR.visible(request.user, espace),
        "actions": ACTION.visible(request.user, espace).order_by("title"),
        "balises": Element.objects.filter(
            referentiel__slug=services.dispositifs.REFERENTIEL_SLUG, kind__code="balise"
        ).order_by("position"),
    }


def _prefill(form_class, query) -> dict:
    """Starting values passed in the address by another page (e.g. a self-assessment divergence
    opens a temps réflexif with its title, balise and actions). Only the form's own fields are
    read; ids outside the choices the viewer may see are ignored by the form's querysets."""
    values: dict = {}
    for name, field in form_class.base_fields.items():
        if name not in query or name == "visibility":
            continue
        if isinstance(field, forms.ModelMultipleChoiceField):
            values[name] = [value for value in query.getlist(name) if value.isdigit()]
        elif isinstance(field, forms.CharField):
            values[name] = query.get(name, "")[: field.max_length or 2000]
    return values


@login_required
def record_edit(request: AuthenticatedHttpRequest, slug: str, kind: str, pk: int | None = None):
    espace = get_espace_for_user(request, slug, write=True)
    record_kind = KINDS[kind]
    record = policy_for(record_kind.model).get(request, espace, pk, write=True) if pk else None
    initial = (
        record_kind.form.initial_for(record)
        if record
        else {"visibility": espace.default_visibility, **_prefill(record_kind.form, request.GET)}
    )
    form = record_kind.form(
        request.POST or None, initial=initial, choices=_choices(request, espace)
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = services.save_record(
                record_kind.model, espace, request.user, form.to_data(), record
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Enregistré."))
            return redirect(f"cooperation:{kind}_detail", slug=espace.slug, pk=record.pk)
    context = space_context(
        request, espace, "cooperation", section=kind, kind=record_kind, form=form, record=record
    )
    return render(
        request, "cooperation/record_form.html", context, status=400 if form.errors else 200
    )


@login_required
def record_delete(request: AuthenticatedHttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    record_kind = KINDS[kind]
    record = policy_for(record_kind.model).get(request, espace, pk, write=True)
    if request.method == "POST":
        services.delete_record(record, request.user)
        messages.success(request, _("« %(title)s » supprimé.") % {"title": record})
        return redirect(f"cooperation:{kind}_list", slug=espace.slug)
    context = space_context(request, espace, "cooperation", section=kind, record=record)
    context["cancel_url"] = f"cooperation:{kind}_detail"
    return render(request, "cooperation/confirm_delete.html", context)


@login_required
def reunion_edit(
    request: AuthenticatedHttpRequest, slug: str, pk: int, reunion_pk: int | None = None
):
    espace = get_espace_for_user(request, slug, write=True)
    collectif = policy_for(Collectif).get(request, espace, pk, write=True)
    reunion = None
    if reunion_pk:
        reunion = REUNION.get(request, espace, reunion_pk, write=True)
        if reunion.collectif_id != collectif.pk:
            raise Http404(REUNION.not_found)
    initial = ReunionForm.initial_for(reunion) if reunion else {}
    form = ReunionForm(request.POST or None, initial=initial, choices=_choices(request, espace))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_reunion(collectif, request.user, form.to_data(), reunion)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Réunion enregistrée."))
            return redirect("cooperation:collectifs_detail", slug=espace.slug, pk=collectif.pk)
    context = space_context(
        request,
        espace,
        "cooperation",
        section="collectifs",
        form=form,
        collectif=collectif,
        reunion=reunion,
    )
    return render(
        request, "cooperation/reunion_form.html", context, status=400 if form.errors else 200
    )
