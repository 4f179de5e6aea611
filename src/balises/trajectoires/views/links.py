"""Forms of the action page: links between actions, elements illustrated, sources.

Each answers with a redirect to the action page and a message (success or why it was refused),
so they work without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balises.core.http import AuthenticatedHttpRequest
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires import services
from balises.trajectoires.forms import ElementLinkForm, LienForm, SourceForm
from balises.trajectoires.policies import ACTION, ACTION_ELEMENT, LIEN, get_element

UNSEEN_ACTION = _("Cette action n'existe pas ou vous ne pouvez pas la voir : lien refusé.")


def _back(slug: str, pk: int, anchor: str) -> HttpResponse:
    return redirect(reverse("trajectoires:action_detail", args=[slug, pk]) + anchor)


def _refuse(request, error: ValidationError | str) -> None:
    texts = error.messages if isinstance(error, ValidationError) else [error]
    for text in texts:
        messages.error(request, text)


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label} : {error}" if label else error)


@login_required
@require_POST
def lien_add(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    form = LienForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(slug, pk, "#liens")
    try:
        target = ACTION.get(request, espace, form.cleaned_data["target"])
    except Http404:
        _refuse(request, str(UNSEEN_ACTION))
        return _back(slug, pk, "#liens")
    try:
        services.link_actions(
            request.user, action, target, form.cleaned_data["kind"], form.cleaned_data["note"]
        )
    except ValidationError as error:
        _refuse(request, error)
    else:
        messages.success(request, _("Lien ajouté."))
    return _back(slug, pk, "#liens")


@login_required
@require_POST
def lien_remove(
    request: AuthenticatedHttpRequest, slug: str, pk: int, lien_pk: int
) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    lien = LIEN.get(request, espace, lien_pk, write=True)
    if action.pk not in (lien.source_id, lien.target_id):
        raise Http404(_("Ce lien ne concerne pas cette action."))
    services.unlink_actions(request.user, lien)
    messages.success(request, _("Lien retiré."))
    return _back(slug, pk, "#liens")


@login_required
@require_POST
def element_add(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    form = ElementLinkForm(request.POST)
    element = None
    if form.is_valid():
        element = get_element(request.user, form.cleaned_data["element"])
    if element is None:
        if form.errors:
            _form_errors(request, form)
        else:
            _refuse(request, _("Choisissez un élément d'un référentiel."))
        return _back(slug, pk, "#elements")
    try:
        services.link_element(
            request.user,
            action,
            element,
            form.cleaned_data["justification"],
            form.cleaned_data["is_interpretation"],
        )
    except ValidationError as error:
        _refuse(request, error)
    else:
        messages.success(request, _("Élément ajouté."))
    return _back(slug, pk, "#elements")


@login_required
@require_POST
def element_remove(
    request: AuthenticatedHttpRequest, slug: str, pk: int, link_pk: int
) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    link = ACTION_ELEMENT.get(request, espace, link_pk, write=True)
    if link.action_id != action.pk:
        raise Http404(_("Ce lien ne concerne pas cette action."))
    services.unlink_element(request.user, link)
    messages.success(request, _("Élément retiré."))
    return _back(slug, pk, "#elements")


@login_required
@require_POST
def source_add(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    form = SourceForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(slug, pk, "#sources")
    try:
        services.attach_source(request.user, action, **form.to_data())
    except ValidationError as error:
        _refuse(request, error)
    else:
        messages.success(request, _("Source ajoutée."))
    return _back(slug, pk, "#sources")


@login_required
@require_POST
def source_remove(
    request: AuthenticatedHttpRequest, slug: str, pk: int, source_pk: int
) -> HttpResponse:
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    source = action.sources.filter(pk=source_pk).first()
    if source is None:
        raise Http404(_("Cette source n'est pas attachée à cette action."))
    services.detach_source(request.user, action, source)
    messages.success(request, _("Source retirée de l'action."))
    return _back(slug, pk, "#sources")
