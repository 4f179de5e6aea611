"""Pages of a territory space: home, members, settings, and their JSON twins."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from balises.core.http import AuthenticatedHttpRequest
from balises.core.json_export import json_page, json_response

from .. import services
from ..context import space_context
from ..forms import InviteForm, RoleForm, SettingsForm
from ..models.espace import Espace, Role
from ..permissions import (
    get_adhesion_or_404,
    get_espace_for_user,
    get_invitation_or_404,
)


def espace_summary(request: HttpRequest, espace: Espace) -> dict:
    """The public face of a space, shared by the JSON twin and the API."""
    return {
        "slug": espace.slug,
        "name": espace.name,
        "territoire": {
            "uid": espace.territoire.uid,
            "kind": espace.territoire.kind,
            "code": espace.territoire.code,
            "name": espace.territoire.name,
        },
        "is_verified": espace.is_verified,
        "is_demo": espace.is_demo,
        "created_at": espace.created_at.isoformat(),
        "default_visibility": espace.default_visibility,
        "members_count": espace.adhesions.count(),
        "url": request.build_absolute_uri(reverse("espaces:home", args=[espace.slug])),
    }


def espace_home(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    context = space_context(request, espace, "home", members_count=espace.adhesions.count())
    return render(request, "espaces/home.html", context)


def espace_json(request: HttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug)
    return json_response(espace_summary(request, espace))


def member_row(adhesion) -> dict:
    return {
        "id": adhesion.pk,
        "name": adhesion.user.display_name,
        "email": adhesion.user.email,
        "role": adhesion.role,
        "since": adhesion.created_at.date().isoformat(),
    }


def _render_members(
    request: HttpRequest, espace: Espace, invite_form: InviteForm, status: int = 200
) -> HttpResponse:
    context = space_context(
        request,
        espace,
        "members",
        adhesions=espace.adhesions.select_related("user").order_by("user__email"),
        invitations=espace.invitations.filter(accepted_at__isnull=True, revoked=False),
        invite_form=invite_form,
        role_choices=Role.choices,
    )
    return render(request, "espaces/members.html", context, status=status)


@login_required
def members(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, private=True)
    return _render_members(request, espace, InviteForm())


@login_required
def members_json(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, private=True)
    adhesions = espace.adhesions.select_related("user").order_by("user__email", "pk")
    return json_page(request, adhesions, lambda page: [member_row(a) for a in page])


def _members_redirect(espace: Espace) -> HttpResponse:
    return redirect("espaces:members", slug=espace.slug)


@login_required
@require_POST
def invite(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _render_members(request, espace, form, status=400)
    try:
        services.invite(espace, request.user, form.cleaned_data["email"], form.cleaned_data["role"])
    except services.EspaceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Invitation envoyée à %(email)s.") % {"email": form.cleaned_data["email"]}
        )
    return _members_redirect(espace)


@login_required
@require_POST
def revoke_invitation(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    invitation = get_invitation_or_404(espace, pk)
    try:
        services.revoke_invitation(invitation, request.user)
    except services.EspaceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Invitation annulée."))
    return _members_redirect(espace)


@login_required
@require_POST
def change_role(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    adhesion = get_adhesion_or_404(espace, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez un rôle dans la liste."))
        return _members_redirect(espace)
    try:
        services.change_role(espace, request.user, adhesion, form.cleaned_data["role"])
    except services.EspaceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Rôle de %(name)s modifié.") % {"name": adhesion.user})
    return _members_redirect(espace)


@login_required
@require_POST
def remove_member(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    adhesion = get_adhesion_or_404(espace, pk)
    try:
        services.remove_member(espace, request.user, adhesion)
    except services.EspaceError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("%(name)s ne fait plus partie de l'espace.") % {"name": adhesion.user}
        )
    return _members_redirect(espace)


@login_required
@require_POST
def leave(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, private=True)
    try:
        services.leave(espace, request.user)
    except services.EspaceError as exc:
        messages.error(request, str(exc))
        return _members_redirect(espace)
    messages.success(request, _("Vous avez quitté l'espace %(name)s.") % {"name": espace.name})
    return redirect("espaces:list")


@login_required
def espace_settings(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    espace = get_espace_for_user(request, slug, manage=True)
    form = SettingsForm(
        request.POST or None, initial={"default_visibility": espace.default_visibility}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_default_visibility(
                espace, request.user, form.cleaned_data["default_visibility"]
            )
        except services.EspaceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Paramètres enregistrés."))
            return redirect("espaces:settings", slug=espace.slug)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "espaces/settings.html",
        space_context(request, espace, "settings", form=form),
        status=status,
    )
