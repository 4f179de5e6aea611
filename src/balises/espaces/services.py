"""Business operations on territory spaces, called alike by pages, the API and commands.

Each operation checks its own rules, raises ``EspaceError`` with a French message when they
are not met (changing nothing), and records its author in the history.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balises.core.errors import ServiceError
from balises.territoires.models import Territoire

from .models.espace import Adhesion, Espace, Invitation, Role, hash_token
from .models.visibility import Visibility
from .permissions import can_manage, can_verify

if TYPE_CHECKING:
    from balises.core.models import User


class EspaceError(ServiceError):
    """A refused operation; the message is meant for the person who asked."""


def _require_signed_in(user: User | None) -> User:
    if user is None or not user.is_authenticated or not user.is_active:
        raise EspaceError(_("Connectez-vous pour faire cela."))
    return user


def _save(obj, author: User | None, **kwargs) -> None:
    obj._history_user = author
    obj.save(**kwargs)


def _delete(obj, author: User | None) -> None:
    obj._history_user = author
    obj.delete()


GIVE_WAY_REASON = "la démonstration laisse la place à l'espace réel"


def delete_espace(espace: Espace, author: User | None, reason: str) -> None:
    """Delete a space with everything it holds; the apps that keep data elsewhere about it
    (search documents, cached metrics) forget it on ``pre_delete``. The history keeps the
    deleted space, its author and the reason."""
    espace._change_reason = reason  # type: ignore[attr-defined]
    _delete(espace, author)


def _give_way(demo: Espace, user: User) -> None:
    """A demonstration never blocks the real town: its space is removed, with everything it
    holds, so that the team opens the real one at the same address. The demo's facts stay in
    its data files (``balises demo`` skips a town that has a real space)."""
    delete_espace(demo, user, GIVE_WAY_REASON)


@transaction.atomic
def open_espace(territoire: Territoire, user: User) -> Espace:
    """Open the space of a territory that has none, or whose space is only a demonstration
    (the demonstration gives way); its opener becomes référent."""
    _require_signed_in(user)
    if not territoire.is_current:
        raise EspaceError(
            _("%(name)s n'existe plus comme territoire : ouvrez l'espace du territoire actuel.")
            % {"name": territoire.name}
        )
    existing = Espace.objects.select_for_update().filter(territoire=territoire).first()
    if existing is not None and existing.is_demo:
        _give_way(existing, user)
    elif existing is not None:
        raise EspaceError(
            _("Le territoire %(name)s a déjà un espace : demandez à ses référents de vous inviter.")
            % {"name": territoire.name}
        )
    espace = Espace(territoire=territoire, slug=Espace.slug_for(territoire), created_by=user)
    try:
        with transaction.atomic():
            _save(espace, user)
    except IntegrityError as exc:  # two people opening the same space at the same moment
        raise EspaceError(
            _("Le territoire %(name)s a déjà un espace.") % {"name": territoire.name}
        ) from exc
    _save(Adhesion(espace=espace, user=user, role=Role.REFERENT), user)
    return espace


@transaction.atomic
def verify_espace(espace: Espace, staff_user: User) -> Espace:
    if not can_verify(staff_user):
        raise EspaceError(_("Seule l'équipe de Balises peut vérifier un espace."))
    if espace.is_demo:
        raise EspaceError(
            _("Un espace de démonstration n'est tenu par aucune équipe : il ne se vérifie pas.")
        )
    if espace.is_verified:
        raise EspaceError(_("Cet espace est déjà vérifié."))
    espace.is_verified = True
    espace.verified_by = staff_user
    espace.verified_at = timezone.now()
    _save(espace, staff_user)
    return espace


@transaction.atomic
def hand_over(espace: Espace, staff_user: User, new_referent: User) -> Adhesion:
    """Staff give a space to its rightful référent; the other référents become contributeurs."""
    if not can_verify(staff_user):
        raise EspaceError(_("Seule l'équipe de Balises peut confier un espace."))
    if not new_referent.is_active:
        raise EspaceError(_("Ce compte est désactivé."))
    for adhesion in espace.adhesions.filter(role=Role.REFERENT).exclude(user=new_referent):
        adhesion.role = Role.CONTRIBUTEUR
        _save(adhesion, staff_user)
    adhesion = espace.adhesions.filter(user=new_referent).first() or Adhesion(
        espace=espace, user=new_referent
    )
    adhesion.role = Role.REFERENT
    _save(adhesion, staff_user)
    return adhesion


def _require_manager(espace: Espace, user: User) -> None:
    if not can_manage(user, espace):
        raise EspaceError(_("Seuls les référents de l'espace peuvent gérer ses membres."))


def _check_role(role: str) -> None:
    if role not in Role.values:
        raise EspaceError(_("Rôle inconnu : %(role)s.") % {"role": role})


def invitation_url(token: str) -> str:
    path = reverse("espaces:invitation", args=[token])
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def invite(espace: Espace, by_user: User, email: str, role: str) -> tuple[Invitation, str]:
    """Invite someone by email; returns the invitation and its token (sent, never stored)."""
    _require_signed_in(by_user)
    _require_manager(espace, by_user)
    _check_role(role)
    email = email.strip().lower()
    if not email or "@" not in email:
        raise EspaceError(_("Adresse e-mail invalide."))
    if espace.adhesions.filter(user__email__iexact=email).exists():
        raise EspaceError(_("%(email)s est déjà membre de cet espace.") % {"email": email})
    pending = espace.invitations.filter(
        email__iexact=email,
        revoked=False,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if pending.exists():
        raise EspaceError(
            _("Une invitation est déjà en attente pour %(email)s.") % {"email": email}
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        espace=espace, email=email, role=role, token_digest=hash_token(token), invited_by=by_user
    )
    _save(invitation, by_user)
    context = {
        "espace": espace.name,
        "inviter": by_user.display_name,
        "role": invitation.get_role_display(),
        "url": invitation_url(token),
        "date": timezone.localtime(invitation.expires_at).strftime("%d/%m/%Y"),
    }
    send_mail(
        _("[Balises] Invitation à l'espace %(espace)s") % context,
        _(
            "Bonjour,\n\n%(inviter)s vous invite à rejoindre l'espace %(espace)s sur Balises "
            "en tant que %(role)s.\n\nPour accepter, ouvrez ce lien avant le %(date)s :\n"
            "%(url)s\n\nSi vous ne vous attendiez pas à cette invitation, ignorez ce message.\n"
        )
        % context,
        None,
        [email],
    )
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("espace__territoire", "invited_by")
        .filter(token_digest=hash_token(token))
        .first()
    )


def check_invitation(invitation: Invitation | None) -> Invitation:
    """The invitation if it can still be accepted, else a clear refusal."""
    if invitation is None:
        raise EspaceError(_("Ce lien d'invitation n'est pas valide."))
    if invitation.revoked:
        raise EspaceError(_("Cette invitation a été annulée."))
    if invitation.accepted_at is not None:
        raise EspaceError(_("Cette invitation a déjà été utilisée."))
    if invitation.is_expired:
        raise EspaceError(
            _("Cette invitation a expiré : demandez aux référents de l'espace de vous réinviter.")
        )
    return invitation


@transaction.atomic
def accept_invitation(token: str, user: User) -> Adhesion:
    """Accept with whichever account is signed in (people often have several addresses)."""
    _require_signed_in(user)
    invitation = check_invitation(
        Invitation.objects.select_for_update().filter(token_digest=hash_token(token)).first()
    )
    espace = invitation.espace
    adhesion = Adhesion.objects.filter(espace=espace, user=user).first()
    if adhesion is None:
        adhesion = Adhesion(espace=espace, user=user, role=invitation.role)
        _save(adhesion, user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    _save(invitation, user)
    return adhesion


@transaction.atomic
def revoke_invitation(invitation: Invitation, by_user: User) -> None:
    _require_manager(invitation.espace, by_user)
    if not invitation.is_pending:
        raise EspaceError(_("Cette invitation n'est plus en attente."))
    invitation.revoked = True
    _save(invitation, by_user)


def _other_referents(adhesion: Adhesion) -> bool:
    return (
        Adhesion.objects.filter(espace_id=adhesion.espace_id, role=Role.REFERENT)
        .exclude(pk=adhesion.pk)
        .exists()
    )


LAST_REFERENT = gettext_lazy(
    "L'espace doit garder au moins un référent : nommez d'abord un autre référent."
)


@transaction.atomic
def change_role(espace: Espace, by_user: User, adhesion: Adhesion, role: str) -> Adhesion:
    _require_manager(espace, by_user)
    _check_role(role)
    adhesion = Adhesion.objects.select_for_update().get(pk=adhesion.pk, espace=espace)
    if adhesion.role == role:
        return adhesion
    if adhesion.role == Role.REFERENT and not _other_referents(adhesion):
        raise EspaceError(str(LAST_REFERENT))
    adhesion.role = role
    _save(adhesion, by_user)
    return adhesion


@transaction.atomic
def remove_member(espace: Espace, by_user: User, adhesion: Adhesion) -> None:
    _require_manager(espace, by_user)
    adhesion = Adhesion.objects.select_for_update().get(pk=adhesion.pk, espace=espace)
    if adhesion.role == Role.REFERENT and not _other_referents(adhesion):
        raise EspaceError(str(LAST_REFERENT))
    _delete(adhesion, by_user)


@transaction.atomic
def leave(espace: Espace, user: User) -> None:
    adhesion = Adhesion.objects.select_for_update().filter(espace=espace, user=user).first()
    if adhesion is None:
        raise EspaceError(_("Vous n'êtes pas membre de cet espace."))
    if adhesion.role == Role.REFERENT and not _other_referents(adhesion):
        raise EspaceError(str(LAST_REFERENT))
    _delete(adhesion, user)


@transaction.atomic
def set_default_visibility(espace: Espace, by_user: User, visibility: str) -> Espace:
    if not can_manage(by_user, espace):
        raise EspaceError(_("Seuls les référents peuvent changer les paramètres de l'espace."))
    if visibility not in Visibility.values:
        raise EspaceError(_("Visibilité inconnue : %(v)s.") % {"v": visibility})
    espace.default_visibility = visibility
    _save(espace, by_user)
    return espace
