"""Pages of campaigns: list, creation, a campaign's page and what référents do on it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balises.core.history import history_entries
from balises.core.json_export import json_page
from balises.core.models import User
from balises.diagnostics import services
from balises.diagnostics.forms import CampagneForm, ElementsForm, MemberForm, OutsideForm
from balises.diagnostics.models import CampagneStatus
from balises.diagnostics.policies import CAMPAGNE, get_repondant_for_manager
from balises.espaces.context import space_context
from balises.espaces.permissions import get_espace_for_user


def campagne_list(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    campagnes = CAMPAGNE.visible(request.user, espace).select_related("referentiel")
    context = space_context(request, espace, "diagnostics", campagnes=campagnes)
    return render(request, "diagnostics/list.html", context)


def campagne_list_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    campagnes = CAMPAGNE.visible(request.user, espace).select_related("referentiel")
    return json_page(
        request, campagnes, lambda page: [_campagne_row(request, espace.slug, c) for c in page]
    )


def _campagne_row(request: HttpRequest, slug: str, campagne) -> dict:
    url = reverse("diagnostics:campagne_detail", args=[slug, campagne.pk])
    return {
        "id": campagne.pk,
        "title": campagne.title,
        "referentiel": {
            "slug": campagne.referentiel.slug,
            "version": campagne.referentiel.version,
        },
        "starts_on": campagne.starts_on.isoformat(),
        "ends_on": campagne.ends_on.isoformat(),
        "status": campagne.status,
        "results_published": campagne.results_published,
        "url": request.build_absolute_uri(url),
    }


@login_required
def campagne_create(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    referentiel = services.pick_referentiel(
        request.POST.get("referentiel") or request.GET.get("referentiel")
    )
    choices = referentiel.elements.order_by("position") if referentiel else None
    initial = {"elements": services.default_elements(referentiel)} if referentiel else {}
    data = request.POST if request.method == "POST" else None
    form = CampagneForm(data)
    elements = ElementsForm(data, elements=choices, initial=initial)
    if data is not None and form.is_valid() and elements.is_valid() and referentiel:
        try:
            campagne = services.create_campagne(
                espace,
                request.user,  # type: ignore[arg-type]
                referentiel=referentiel,
                elements=elements.cleaned_data["elements"],
                **form.cleaned_data,
            )
        except services.DiagnosticError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Campagne créée : ajoutez ses répondants, puis ouvrez-la."))
            return redirect("diagnostics:campagne_detail", espace.slug, campagne.pk)
    context = space_context(
        request, espace, "diagnostics", form=form, elements_form=elements, referentiel=referentiel,
        referentiels=services.assessable_referentiels(),
    )  # fmt: skip
    return render(request, "diagnostics/create.html", context, status=400 if data else 200)


def campagne_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    campagne = CAMPAGNE.get(request, espace, pk)
    context = space_context(request, espace, "diagnostics", campagne=campagne)
    if context["is_member"]:
        repondants = list(campagne.repondants.select_related("user"))
        submitted = set(
            campagne.repondants.filter(appreciations__status="submitted").values_list(
                "pk", flat=True
            )
        )
        context |= {
            "repondants": repondants,
            "submitted": submitted,
            "own": next((r for r in repondants if r.user_id == request.user.pk), None),
        }
    if context["can_manage"]:
        members = User.objects.filter(adhesions__espace=espace).exclude(
            repondances__campagne=campagne
        )
        context |= {
            "member_form": MemberForm(members=members),
            "outside_form": OutsideForm(),
            "history": history_entries(campagne, limit=20),
        }
    return render(request, "diagnostics/detail.html", context)


def _detail(campagne) -> HttpResponse:
    return redirect("diagnostics:campagne_detail", campagne.espace.slug, campagne.pk)


def _run(request: HttpRequest, action, success: str) -> None:
    try:
        action()
    except services.DiagnosticError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)


@login_required
@require_POST
def campagne_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    campagne = CAMPAGNE.get(request, espace, pk, manage=True)
    status = request.POST.get("status", "")
    done = _("Campagne ouverte.") if status == CampagneStatus.OPEN else _("Campagne close.")
    _run(request, lambda: services.set_status(campagne, request.user, status), done)  # type: ignore[arg-type]
    return _detail(campagne)


@login_required
@require_POST
def campagne_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    campagne = CAMPAGNE.get(request, espace, pk, manage=True)
    published = request.POST.get("published") == "1"
    done = _("Résultats publiés.") if published else _("Résultats retirés de la vue publique.")
    _run(request, lambda: services.set_published(campagne, request.user, published), done)  # type: ignore[arg-type]
    return _detail(campagne)


@login_required
@require_POST
def repondant_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    campagne = CAMPAGNE.get(request, espace, pk, manage=True)
    form = MemberForm(request.POST, members=User.objects.filter(adhesions__espace=espace))
    if not form.is_valid():
        messages.error(request, _("Choisissez un membre de l'espace et un point de vue."))
        return _detail(campagne)
    member, viewpoint = form.cleaned_data["member"], form.cleaned_data["viewpoint"]
    _run(
        request,
        lambda: services.add_member(campagne, request.user, member, viewpoint),  # type: ignore[arg-type]
        _("%(name)s est répondant.") % {"name": member.display_name},
    )
    return _detail(campagne)


@login_required
@require_POST
def repondant_invite(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    campagne = CAMPAGNE.get(request, espace, pk, manage=True)
    form = OutsideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indiquez un nom, une adresse e-mail valide et un point de vue."))
        return _detail(campagne)
    data = form.cleaned_data
    _run(
        request,
        lambda: services.invite_outside(
            campagne,
            request.user,  # type: ignore[arg-type]
            data["name"],
            data["email"],
            data["viewpoint"],
        ),
        _("Invitation envoyée à %(email)s.") % {"email": data["email"]},
    )
    return _detail(campagne)


@login_required
@require_POST
def repondant_manage(request: HttpRequest, slug: str, pk: int, rpk: int, op: str) -> HttpResponse:
    """Reopen a respondent's answers, send them a new link, or remove them."""
    espace = get_espace_for_user(request, slug, manage=True)
    campagne = CAMPAGNE.get(request, espace, pk, manage=True)
    repondant = get_repondant_for_manager(campagne, rpk)
    user = request.user
    operations = {
        "rouvrir": (services.reopen_answers, _("Réponses de %(name)s rouvertes.")),
        "lien": (services.renew_link, _("Nouveau lien envoyé à %(name)s.")),
        "retirer": (services.remove_repondant, _("%(name)s ne répond plus à cette campagne.")),
    }
    operation, done = operations[op]
    _run(request, lambda: operation(repondant, user), done % {"name": repondant.name})  # type: ignore[arg-type]
    return _detail(campagne)
