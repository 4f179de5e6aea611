"""Pages of a space's actions: list (with JSON and CSV twins), detail, forms, deletion."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balises.core.csv_export import csv_response
from balises.core.history import RestoreError
from balises.core.http import AuthenticatedHttpRequest
from balises.core.json_export import json_page, json_response
from balises.espaces.context import space_context
from balises.espaces.models import Espace
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires import services
from balises.trajectoires.forms import RECIT_HELP, ActionFilterForm, ActionForm
from balises.trajectoires.models import Action
from balises.trajectoires.policies import ACTION, deleted_action_history
from balises.trajectoires.presenters.detail import action_detail_context
from balises.trajectoires.queries.actions import (
    THEME_LABELS,
    action_row,
    action_url_maker,
    filter_actions,
)
from balises.trajectoires.views.common import add_errors

PER_PAGE = 25
CSV_COLUMNS = [
    "id", "title", "status", "start", "start_precision", "end", "end_precision", "themes",
    "scale", "visibility", "summary", "url",
]  # fmt: skip


def _filtered(request: HttpRequest, espace: Espace):
    form = ActionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, filter_actions(request.user, espace, filters)


def action_list(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    form, actions = _filtered(request, espace)
    page = Paginator(actions, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = space_context(
        request,
        espace,
        "trajectoire",
        form=form,
        page=page,
        query=query.urlencode(),
        filtered=bool(query),
    )
    return render(request, "trajectoires/action_list.html", context)


def _action_url(espace: Espace, action: Action) -> str:
    return reverse("trajectoires:action_detail", args=[espace.slug, action.pk])


def action_list_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    _form, actions = _filtered(request, espace)
    url = action_url_maker(request, espace)
    return json_page(
        request, actions, lambda page: [action_row(a, url(a.pk)) for a in page], per_page=PER_PAGE
    )


def _csv_line(row: dict) -> list:
    # Themes as the import template writes them, so spreadsheet users meet one way.
    cells = {**row, "themes": " ; ".join(row["themes"])}
    return [cells[column] for column in CSV_COLUMNS]


def action_list_csv(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    _form, actions = _filtered(request, espace)
    url = action_url_maker(request, espace)
    body = (_csv_line(action_row(action, url(action.pk))) for action in actions)
    return csv_response(f"actions-{espace.slug}.csv", CSV_COLUMNS, body)


def action_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    action = ACTION.get(request, espace, pk)
    context = space_context(request, espace, "trajectoire")
    context.update(action_detail_context(request, espace, action, context["can_write"]))
    return render(request, "trajectoires/action_detail.html", context)


def action_detail_json(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    from balises.trajectoires.presenters.actions import action_data

    espace = get_espace_for_user(request, slug)
    action = ACTION.get(request, espace, pk)
    return json_response(action_data(request, action))


def _render_form(request, espace, form, action=None, conflict=None, status=200) -> HttpResponse:
    context = space_context(
        request,
        espace,
        "trajectoire",
        form=form,
        action=action,
        conflict=conflict,
        recit_help=RECIT_HELP,
    )
    return render(request, "trajectoires/action_form.html", context, status=status)


@login_required
def action_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    form = ActionForm(request.POST or None, initial={"visibility": espace.default_visibility})
    if request.method == "POST" and form.is_valid():
        try:
            action = services.create_action(espace, request.user, form.to_data())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Action « %(title)s » créée.") % {"title": action})
            return redirect(_action_url(espace, action))
    return _render_form(request, espace, form, status=400 if form.errors else 200)


@login_required
def action_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    form = ActionForm(request.POST or None, initial=ActionForm.initial_for(action))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_action(
                action, request.user, form.to_data(), form.cleaned_data.get("version")
            )
        except services.ConflictError as conflict:
            return _render_conflict(request, espace, form, conflict)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Action enregistrée."))
            return redirect(_action_url(espace, action))
    return _render_form(request, espace, form, action, status=400 if form.errors else 200)


def _render_conflict(request, espace, mine: ActionForm, conflict) -> HttpResponse:
    """The form shows the saved values; what the person changed is listed beside it, not lost."""
    current = ActionForm(initial=ActionForm.initial_for(conflict.current))
    # What they changed: compared with the version they started from, when history has it.
    started = conflict.current.history.filter(version=mine.cleaned_data.get("version")).first()
    reference = ActionForm(initial=ActionForm.initial_for(started.instance)) if started else current
    submitted: Any = mine.data
    lost = []
    for name, field in mine.fields.items():
        if name == "version":
            continue
        typed = submitted.getlist(name) if name == "themes" else submitted.get(name, "")
        if _as_text(typed) != _as_text(reference[name].value()):
            shown = ", ".join(THEME_LABELS.get(c, c) for c in typed) if name == "themes" else typed
            lost.append((field.label, shown))
    conflict_info = {"message": str(conflict), "lost": lost}
    return _render_form(request, espace, current, conflict.current, conflict_info, status=409)


def _as_text(value) -> str:
    if isinstance(value, list | tuple):
        return ",".join(sorted(str(v) for v in value))
    return str(value or "").replace("\r\n", "\n").strip()


@login_required
def action_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    if request.method == "POST":
        services.delete_action(action, request.user)
        messages.success(
            request,
            _("Action « %(title)s » supprimée. Elle reste dans la corbeille.") % {"title": action},
        )
        return redirect("trajectoires:action_list", slug=espace.slug)
    context = space_context(request, espace, "trajectoire", action=action)
    return render(request, "trajectoires/action_delete.html", context)


@login_required
def corbeille(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, private=True)
    deleted, seen = [], set()
    for record in deleted_action_history(espace)[:200]:
        if record.id not in seen:  # an action deleted, restored and deleted again: once
            seen.add(record.id)
            deleted.append(record)
    context = space_context(request, espace, "trajectoire", deleted=deleted)
    return render(request, "trajectoires/corbeille.html", context)


@login_required
@require_POST
def action_restore(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    try:
        action = services.restore_action(espace, request.user, pk)
    except RestoreError as error:
        messages.error(request, str(error))
        return redirect("trajectoires:corbeille", slug=espace.slug)
    messages.success(request, _("Action « %(title)s » rétablie.") % {"title": action})
    return redirect(_action_url(espace, action))


@login_required
@require_POST
def action_restore_version(
    request: AuthenticatedHttpRequest, slug: str, pk: int, history_id: int
) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    try:
        services.restore_action_version(action, request.user, history_id)
    except RestoreError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("L'action est revenue à cette version."))
    return redirect(_action_url(espace, action))
