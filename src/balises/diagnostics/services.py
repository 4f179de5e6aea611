"""Business operations of self-assessment campaigns, called alike by pages, the API and tests.

Each operation checks its rules, raises ``DiagnosticError`` with a French message when they
are not met (changing nothing), and records its author in the history.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from balises.core.errors import ServiceError
from balises.diagnostics.models import (
    INVITATION_VALIDITY,
    AnswerStatus,
    Appreciation,
    Campagne,
    CampagneStatus,
    Repondant,
    Viewpoint,
    hash_token,
)
from balises.diagnostics.policies import evidence_actions
from balises.espaces.models import Espace
from balises.espaces.permissions import can_manage, role_of
from balises.referentiels.models import Element, MaturityLevel, Referentiel

if TYPE_CHECKING:
    from balises.core.models import User

DEFAULT_REFERENTIEL = "villes-pairs"
DEFAULT_KIND = "balise"


class DiagnosticError(ServiceError):
    """A refused operation; the message is meant for the person who asked."""


def _save(obj, author: User | None, **kwargs) -> None:
    obj._history_user = author
    obj.save(**kwargs)


def _require_manager(espace: Espace, user: User | None) -> None:
    if not can_manage(user, espace):
        raise DiagnosticError(_("Seuls les référents de l'espace peuvent faire cela."))


def default_referentiel() -> Referentiel | None:
    """The latest version of Villes pairs."""
    return (
        Referentiel.objects.filter(slug=DEFAULT_REFERENTIEL)
        .order_by("-date", "-created_at", "-pk")
        .first()
    )


def assessable_referentiels():
    """Référentiel versions with a maturity scale: those a campaign can use."""
    return (
        Referentiel.objects.filter(maturity_levels__isnull=False)
        .distinct()
        .order_by("slug", "-date", "-created_at", "-pk")
    )


def pick_referentiel(value: object) -> Referentiel | None:
    """The chosen version (by id) when it has a scale, else the latest Villes pairs."""
    try:
        chosen = assessable_referentiels().filter(pk=int(str(value))).first()
    except ValueError:
        chosen = None
    return chosen or default_referentiel()


def default_elements(referentiel: Referentiel) -> list[Element]:
    """Every balise of the référentiel (every element when it declares none)."""
    elements = list(referentiel.elements.filter(kind__code=DEFAULT_KIND))
    return elements or list(referentiel.elements.all())


def scale_of(referentiel: Referentiel) -> list[MaturityLevel]:
    return list(referentiel.maturity_levels.all())


@transaction.atomic
def create_campagne(
    espace: Espace,
    user: User,
    *,
    title: str,
    starts_on: date,
    ends_on: date,
    referentiel: Referentiel | None = None,
    elements: Iterable[Element] | None = None,
) -> Campagne:
    _require_manager(espace, user)
    referentiel = referentiel or default_referentiel()
    if referentiel is None:
        raise DiagnosticError(_("Aucun référentiel n'est chargé : lancez « balises setup »."))
    if not referentiel.maturity_levels.exists():
        raise DiagnosticError(_("Ce référentiel n'a pas d'échelle de maturité."))
    if ends_on < starts_on:
        raise DiagnosticError(_("La fin de la campagne précède son début."))
    chosen = list(elements) if elements is not None else default_elements(referentiel)
    if not chosen:
        raise DiagnosticError(_("Choisissez au moins un élément à évaluer."))
    if any(element.referentiel_id != referentiel.pk for element in chosen):
        raise DiagnosticError(_("Ces éléments n'appartiennent pas au référentiel choisi."))
    campagne = Campagne(
        espace=espace,
        referentiel=referentiel,
        title=title.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=user,
    )
    _save(campagne, user)
    campagne.elements.set(chosen)
    return campagne


def update_campagne(campagne: Campagne, user: User, **fields) -> Campagne:
    _require_manager(campagne.espace, user)
    if (
        fields.get("ends_on")
        and fields.get("starts_on")
        and fields["ends_on"] < fields["starts_on"]
    ):
        raise DiagnosticError(_("La fin de la campagne précède son début."))
    for name in ("title", "starts_on", "ends_on", "results_published"):
        if name in fields:
            setattr(campagne, name, fields[name])
    _save(campagne, user)
    return campagne


def set_status(campagne: Campagne, user: User, status: str) -> Campagne:
    """Open or close a campaign (a closed one can be reopened; none goes back to draft)."""
    _require_manager(campagne.espace, user)
    if status not in (CampagneStatus.OPEN, CampagneStatus.CLOSED):
        raise DiagnosticError(_("État de campagne inconnu."))
    campagne.status = status
    _save(campagne, user)
    return campagne


def set_published(campagne: Campagne, user: User, published: bool) -> Campagne:
    _require_manager(campagne.espace, user)
    if published and campagne.status == CampagneStatus.DRAFT:
        raise DiagnosticError(_("Ouvrez la campagne avant d'en publier les résultats."))
    campagne.results_published = published
    _save(campagne, user)
    return campagne


def _check_viewpoint(viewpoint: str) -> None:
    if viewpoint not in Viewpoint.values:
        raise DiagnosticError(_("Point de vue inconnu."))


@transaction.atomic
def add_member(campagne: Campagne, by_user: User, member: User, viewpoint: str) -> Repondant:
    """Add a member of the space as respondent."""
    _require_manager(campagne.espace, by_user)
    _check_viewpoint(viewpoint)
    if role_of(member, campagne.espace) is None:
        raise DiagnosticError(_("Cette personne n'est pas membre de l'espace."))
    if campagne.repondants.filter(user=member).exists():
        raise DiagnosticError(
            _("%(name)s répond déjà à cette campagne.") % {"name": member.display_name}
        )
    repondant = Repondant(
        campagne=campagne,
        user=member,
        name=member.display_name,
        email=member.email,
        viewpoint=viewpoint,
    )
    _save(repondant, by_user)
    return repondant


def answer_url(token: str, espace: Espace) -> str:
    path = reverse("diagnostics:answer_by_link", args=[espace.slug, token])
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def invite_outside(
    campagne: Campagne, by_user: User, name: str, email: str, viewpoint: str
) -> tuple[Repondant, str]:
    """Invite a named person without an account; returns the respondent and the link's token
    (sent by e-mail, never stored)."""
    _require_manager(campagne.espace, by_user)
    _check_viewpoint(viewpoint)
    name, email = name.strip(), email.strip().lower()
    if not name:
        raise DiagnosticError(_("Indiquez le nom de la personne invitée."))
    if not email or "@" not in email:
        raise DiagnosticError(_("Adresse e-mail invalide."))
    if campagne.repondants.filter(email__iexact=email).exists():
        raise DiagnosticError(
            _("%(email)s est déjà répondant de cette campagne.") % {"email": email}
        )
    repondant = Repondant(campagne=campagne, name=name, email=email, viewpoint=viewpoint)
    token = _new_link(repondant)
    _save(repondant, by_user)
    _send_link(repondant, by_user, token)
    return repondant, token


def renew_link(repondant: Repondant, by_user: User) -> str:
    """A new link for an outside respondent (the old one stops working)."""
    _require_manager(repondant.campagne.espace, by_user)
    if not repondant.is_outside:
        raise DiagnosticError(_("Ce répondant est membre de l'espace : il n'a pas de lien."))
    token = _new_link(repondant)
    _save(repondant, by_user)
    _send_link(repondant, by_user, token)
    return token


def _new_link(repondant: Repondant) -> str:
    token = secrets.token_urlsafe(32)
    repondant.token_digest = hash_token(token)
    repondant.expires_at = timezone.now() + INVITATION_VALIDITY
    return token


def _send_link(repondant: Repondant, by_user: User, token: str) -> None:
    campagne = repondant.campagne
    context = {
        "name": repondant.name,
        "inviter": by_user.display_name,
        "campagne": campagne.title,
        "espace": campagne.espace.name,
        "url": answer_url(token, campagne.espace),
        "date": timezone.localtime(repondant.expires_at).strftime("%d/%m/%Y"),
    }
    send_mail(
        _("[Balises] Auto-diagnostic « %(campagne)s » de %(espace)s") % context,
        _(
            "Bonjour %(name)s,\n\n%(inviter)s vous invite à donner votre regard sur la "
            "démarche de transition de %(espace)s (auto-diagnostic « %(campagne)s »). "
            "Aucun compte n'est nécessaire.\n\nOuvrez ce lien avant le %(date)s :\n%(url)s\n\n"
            "Vos réponses sont enregistrées au fur et à mesure ; vous pouvez revenir avec le "
            "même lien.\n"
        )
        % context,
        None,
        [repondant.email],
    )


def remove_repondant(repondant: Repondant, by_user: User) -> None:
    _require_manager(repondant.campagne.espace, by_user)
    repondant._history_user = by_user  # type: ignore[attr-defined]
    repondant.delete()


# -- answering ---------------------------------------------------------------------------


def check_can_answer(repondant: Repondant) -> None:
    campagne = repondant.campagne
    if campagne.status == CampagneStatus.DRAFT:
        raise DiagnosticError(_("Cette campagne n'est pas encore ouverte aux réponses."))
    if campagne.status == CampagneStatus.CLOSED:
        raise DiagnosticError(
            _("Cette campagne est close : les réponses ne sont plus modifiables.")
        )
    if repondant.is_outside and repondant.link_expired:
        raise DiagnosticError(
            _("Ce lien a expiré : demandez au référent de l'espace de vous en envoyer un autre.")
        )


@transaction.atomic
def save_answer(
    repondant: Repondant,
    element: Element,
    *,
    level: int | None,
    dont_know: bool = False,
    justification: str = "",
    evidence_ids: Iterable[int] = (),
    author: User | None = None,
) -> Appreciation:
    """Save a draft answer (created on first save). A submitted answer is locked."""
    check_can_answer(repondant)
    campagne = repondant.campagne
    if not campagne.elements.filter(pk=element.pk).exists():
        raise DiagnosticError(_("Cet élément n'est pas évalué par cette campagne."))
    levels = set(campagne.referentiel.maturity_levels.values_list("level", flat=True))
    if dont_know:
        level = None
    elif level is not None and level not in levels:
        raise DiagnosticError(
            _(
                "Le niveau %(level)s n'existe pas sur l'échelle de ce référentiel "
                "(%(low)s à %(high)s)."
            )
            % {"level": level, "low": min(levels), "high": max(levels)}
        )
    wanted = set(evidence_ids)
    allowed = set(evidence_actions(repondant).filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - allowed:
        raise DiagnosticError(_("Certaines actions citées en preuve ne vous sont pas accessibles."))
    appreciation = (
        Appreciation.objects.select_for_update()
        .filter(repondant=repondant, element=element)
        .first()
    ) or Appreciation(repondant=repondant, element=element)
    if appreciation.is_submitted:
        raise DiagnosticError(
            _(
                "Cette réponse est déjà soumise : demandez au référent de la rouvrir pour "
                "la modifier."
            )
        )
    appreciation.level = level
    appreciation.dont_know = dont_know
    appreciation.justification = justification.strip()
    _save(appreciation, author)
    appreciation.evidence.set(sorted(allowed))
    return appreciation


@transaction.atomic
def submit_answers(repondant: Repondant, author: User | None = None) -> int:
    """Submit every answered draft; returns how many were submitted."""
    check_can_answer(repondant)
    drafts = list(repondant.appreciations.select_for_update().filter(status=AnswerStatus.DRAFT))
    ready = [a for a in drafts if a.is_answered]
    if not ready:
        if repondant.appreciations.filter(status=AnswerStatus.SUBMITTED).exists():
            raise DiagnosticError(
                _("Vos réponses sont déjà soumises : rien de nouveau à soumettre.")
            )
        raise DiagnosticError(_("Choisissez un niveau (ou « je ne sais pas ») avant de soumettre."))
    now = timezone.now()
    for appreciation in ready:
        appreciation.status = AnswerStatus.SUBMITTED
        appreciation.submitted_at = now
        _save(appreciation, author)
    return len(ready)


@transaction.atomic
def reopen_answers(repondant: Repondant, by_user: User) -> int:
    """The référent gives a respondent's submitted answers back to them as drafts."""
    _require_manager(repondant.campagne.espace, by_user)
    submitted = list(repondant.appreciations.filter(status=AnswerStatus.SUBMITTED))
    for appreciation in submitted:
        appreciation.status = AnswerStatus.DRAFT
        appreciation.submitted_at = None
        _save(appreciation, by_user)
    return len(submitted)
