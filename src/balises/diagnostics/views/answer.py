"""Answering a campaign: a member signed in, or an outside person with their secret link.

One form per element, saved as a draft on each POST (htmx saves it as the person goes; without
JavaScript the « Enregistrer » button does the same). Refusals keep what was typed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balises.diagnostics import services
from balises.diagnostics.models import Repondant
from balises.diagnostics.policies import CAMPAGNE, find_repondant_by_token, get_own_repondant
from balises.diagnostics.presenters.answering import load_sheet, make_form
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user


def _member_repondant(request: HttpRequest, slug: str, pk: int) -> Repondant:
    espace = get_espace_for_user(request, slug, private=True)
    campagne = CAMPAGNE.get(request, espace, pk)
    return get_own_repondant(request, campagne)


def _link_repondant(slug: str, token: str) -> Repondant:
    repondant = find_repondant_by_token(token)
    if repondant is None or repondant.campagne.espace.slug != slug:
        raise Http404(_("Ce lien de réponse n'existe pas ou a été remplacé."))
    return repondant


def _urls(repondant: Repondant, token: str | None) -> dict:
    slug, pk = repondant.campagne.espace.slug, repondant.campagne_id
    if token:
        return {
            "save_url": reverse("diagnostics:answer_by_link", args=[slug, token]),
            "submit_url": reverse("diagnostics:submit_by_link", args=[slug, token]),
        }
    return {
        "save_url": reverse("diagnostics:answer", args=[slug, pk]),
        "submit_url": reverse("diagnostics:submit", args=[slug, pk]),
    }


def _page(request: HttpRequest, repondant: Repondant, token: str | None, bound=None, status=200):
    sheet = load_sheet(repondant, bound)
    blocked = ""
    try:
        services.check_can_answer(repondant)
    except services.DiagnosticError as error:
        blocked = str(error)
    context = space_context(
        request, repondant.campagne.espace, "diagnostics", campagne=repondant.campagne, sheet=sheet,
        blocked=blocked, by_link=bool(token), **_urls(repondant, token),
    )  # fmt: skip
    return render(request, "diagnostics/answer.html", context, status=status)


def _save(request: HttpRequest, repondant: Repondant, token: str | None) -> HttpResponse:
    sheet = load_sheet(repondant)
    element = next(
        (i.element for i in sheet.items if str(i.element.pk) == request.POST.get("element")), None
    )
    if element is None:
        messages.error(request, _("Cet élément n'est pas évalué par cette campagne."))
        return _page(request, repondant, token, status=400)
    form = make_form(sheet.scale, sheet.actions, element, data=request.POST)
    if form.is_valid():
        try:
            services.save_answer(repondant, element, author=_author(request), **form.answer())
        except services.DiagnosticError as error:
            form.add_error(None, str(error))
    if request.htmx:  # type: ignore[attr-defined]
        item = next(
            i for i in load_sheet(repondant, (element.pk, form)).items if i.element == element
        )
        context = {
            "item": item,
            "sheet": sheet,
            "espace": repondant.campagne.espace,
            "saved": not form.errors,
            **_urls(repondant, token),
        }
        return render(request, "diagnostics/answer.html#element_form", context)
    if form.errors:
        return _page(request, repondant, token, bound=(element.pk, form), status=400)
    messages.success(request, _("Brouillon enregistré : %(code)s.") % {"code": element.code})
    return redirect(_urls(repondant, token)["save_url"] + f"#element-{element.pk}")


def _author(request: HttpRequest):
    return request.user if request.user.is_authenticated else None


def _submit(request: HttpRequest, repondant: Repondant, token: str | None) -> HttpResponse:
    try:
        count = services.submit_answers(repondant, author=_author(request))
    except services.DiagnosticError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(count)s réponse(s) soumise(s). Merci !") % {"count": count})
    return redirect(_urls(repondant, token)["save_url"])


@login_required
def answer(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    repondant = _member_repondant(request, slug, pk)
    if request.method == "POST":
        return _save(request, repondant, None)
    return _page(request, repondant, None)


@login_required
@require_POST
def submit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _submit(request, _member_repondant(request, slug, pk), None)


def answer_by_link(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    repondant = _link_repondant(slug, token)
    if request.method == "POST":
        return _save(request, repondant, token)
    return _page(request, repondant, token)


@require_POST
def submit_by_link(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    return _submit(request, _link_repondant(slug, token), token)
