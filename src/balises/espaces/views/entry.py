"""Ways into spaces: my spaces, opening a space, accepting an invitation, the staff queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balises.core.http import AuthenticatedHttpRequest
from balises.core.json_export import json_page
from balises.territoires.permissions import get_territoire_or_404

from .. import services
from ..forms import HandOverForm, OpenForm
from ..models.espace import Adhesion, Espace
from ..permissions import can_verify, get_espace_for_user


def _my_adhesions(request: AuthenticatedHttpRequest):
    return (
        Adhesion.objects.filter(user=request.user)
        .select_related("espace__territoire")
        .order_by("espace__territoire__name", "pk")
    )


@login_required
def my_espaces(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "espaces/list.html", {"adhesions": _my_adhesions(request)})


@login_required
def my_espaces_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    def row(adhesion: Adhesion) -> dict:
        espace = adhesion.espace
        return {
            "slug": espace.slug,
            "name": espace.name,
            "territoire": espace.territoire.uid,
            "role": adhesion.role,
            "is_verified": espace.is_verified,
            "url": request.build_absolute_uri(reverse("espaces:home", args=[espace.slug])),
        }

    return json_page(request, _my_adhesions(request), lambda page: [row(a) for a in page])


@login_required
def open_espace(request: AuthenticatedHttpRequest) -> HttpResponse:
    """GET asks for confirmation (links and no-JS users land here); POST opens the space."""
    form = OpenForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        messages.error(request, _("Choisissez d'abord un territoire dans l'annuaire."))
        return redirect("home")
    territoire = get_territoire_or_404(form.cleaned_data["territoire"])
    if request.method != "POST":
        return render(request, "espaces/open.html", {"territoire": territoire})
    try:
        espace = services.open_espace(territoire, request.user)
    except services.EspaceError as exc:
        messages.error(request, str(exc))
        existing = Espace.objects.visible_to(request.user).filter(territoire=territoire).first()
        return redirect("espaces:home", slug=existing.slug) if existing else redirect("home")
    messages.success(
        request,
        _(
            "L'espace %(name)s est ouvert et vous en êtes le référent. "
            "L'équipe de Balises le vérifiera."
        )
        % {"name": espace.name},
    )
    return redirect("espaces:home", slug=espace.slug)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone holding the link sees what it invites to; accepting needs an account."""
    found = services.find_invitation(token)
    try:
        services.check_invitation(found)
    except services.EspaceError as exc:
        status = 404 if found is None else 410
        return render(request, "espaces/invitation.html", {"error": str(exc)}, status=status)
    assert found is not None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        try:
            services.accept_invitation(token, request.user)  # type: ignore[arg-type]
        except services.EspaceError as exc:
            messages.error(request, str(exc))
            return redirect("espaces:invitation", token=token)
        messages.success(
            request, _("Bienvenue dans l'espace %(name)s.") % {"name": found.espace.name}
        )
        return redirect("espaces:home", slug=found.espace.slug)
    return render(request, "espaces/invitation.html", {"invitation": found, "next": request.path})


def _require_staff(request: HttpRequest) -> None:
    if not can_verify(request.user):
        raise PermissionDenied(_("Cette page est réservée à l'équipe de Balises."))


@login_required
def to_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_staff(request)
    espaces = (
        Espace.objects.visible_to(request.user)
        .filter(is_verified=False, is_demo=False)
        .select_related("territoire", "created_by")
        .prefetch_related("adhesions__user")
        .order_by("created_at")
    )
    return render(request, "espaces/to_verify.html", {"espaces": espaces, "form": HandOverForm()})


@login_required
@require_POST
def verify(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    _require_staff(request)
    espace = get_espace_for_user(request, slug)
    try:
        services.verify_espace(espace, request.user)
    except services.EspaceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("L'espace %(name)s est vérifié.") % {"name": espace.name})
    return redirect("espaces:to_verify")


@login_required
@require_POST
def hand_over(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    _require_staff(request)
    espace = get_espace_for_user(request, slug)
    form = HandOverForm(request.POST)
    user = None
    if form.is_valid():
        user = get_user_model().objects.filter(email__iexact=form.cleaned_data["email"]).first()
    if user is None:
        messages.error(request, _("Aucun compte n'a cette adresse e-mail."))
        return redirect("espaces:to_verify")
    try:
        services.hand_over(espace, request.user, user)
    except services.EspaceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("%(user)s est désormais référent de l'espace %(name)s.")
            % {"user": user, "name": espace.name},
        )
    return redirect("espaces:to_verify")
