"""Self-assessment campaigns (Campagne), their respondents (Repondant) and answers (Appreciation).

A campaign asks respondents, each speaking from one viewpoint, to place elements of a
référentiel (by default every balise of Villes pairs) on the référentiel's maturity scale.
Who may see and change them is decided in ``balises.diagnostics.policies`` only.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

INVITATION_VALIDITY = timedelta(days=30)


class Viewpoint(models.TextChoices):
    ELU = "elu", _("élu")
    DIRECTION = "direction", _("direction, cadre")
    AGENT = "agent", _("agent")
    OPERATEUR = "operateur", _("opérateur économique")
    HABITANT = "habitant", _("association, habitant")
    PARTENAIRE = "partenaire", _("partenaire public")


class CampagneStatus(models.TextChoices):
    DRAFT = "draft", _("en préparation")
    OPEN = "open", _("ouverte")
    CLOSED = "closed", _("close")


class AnswerStatus(models.TextChoices):
    DRAFT = "draft", _("brouillon")
    SUBMITTED = "submitted", _("soumise")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + INVITATION_VALIDITY


class Campagne(models.Model):
    espace = models.ForeignKey(
        "espaces.Espace",
        on_delete=models.CASCADE,
        related_name="campagnes",
        verbose_name=_("espace"),
    )
    referentiel = models.ForeignKey(
        "referentiels.Referentiel",
        on_delete=models.PROTECT,
        related_name="campagnes",
        verbose_name=_("référentiel"),
    )
    title = models.CharField(_("titre"), max_length=200)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))
    elements = models.ManyToManyField(
        "referentiels.Element", related_name="campagnes", verbose_name=_("éléments évalués")
    )
    status = models.CharField(
        _("état"), max_length=8, choices=CampagneStatus.choices, default=CampagneStatus.DRAFT
    )
    results_published = models.BooleanField(
        _("résultats publiés"),
        default=False,
        help_text=_("Les résultats deviennent visibles de tous, sans compte."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ouverte par"),
    )
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    history = HistoricalRecords(m2m_fields=[elements])

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("campagne d'auto-diagnostic")
        verbose_name_plural = _("campagnes d'auto-diagnostic")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="campagne_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == CampagneStatus.OPEN


class Repondant(models.Model):
    """A member of the space (``user``) or a named outside person invited by a secret link.

    Only the SHA-256 digest of the link's token is stored; the link expires.
    """

    campagne = models.ForeignKey(
        Campagne, on_delete=models.CASCADE, related_name="repondants", verbose_name=_("campagne")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repondances",
        verbose_name=_("membre"),
    )
    name = models.CharField(_("nom"), max_length=200)
    email = models.EmailField(_("adresse e-mail"), blank=True)
    viewpoint = models.CharField(_("point de vue"), max_length=12, choices=Viewpoint.choices)
    token_digest = models.CharField(max_length=64, null=True, blank=True, unique=True)
    expires_at = models.DateTimeField(_("lien valable jusqu'au"), null=True, blank=True)
    created_at = models.DateTimeField(_("ajouté le"), default=timezone.now)
    history = HistoricalRecords(excluded_fields=["token_digest"])

    class Meta:
        ordering = ["campagne_id", "viewpoint", "name", "pk"]
        verbose_name = _("répondant")
        verbose_name_plural = _("répondants")
        constraints = [
            models.UniqueConstraint(
                fields=["campagne", "user"],
                condition=models.Q(user__isnull=False),
                name="repondant_unique_member",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_viewpoint_display()})"

    @property
    def is_outside(self) -> bool:
        return self.user_id is None

    @property
    def link_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()


class Appreciation(models.Model):
    """One respondent's answer on one element: a level (None with ``dont_know``, or not yet
    chosen in a draft), a justification and the actions that show it."""

    repondant = models.ForeignKey(
        Repondant,
        on_delete=models.CASCADE,
        related_name="appreciations",
        verbose_name=_("répondant"),
    )
    element = models.ForeignKey(
        "referentiels.Element",
        on_delete=models.PROTECT,
        related_name="appreciations",
        verbose_name=_("élément"),
    )
    level = models.PositiveSmallIntegerField(_("niveau"), null=True, blank=True)
    dont_know = models.BooleanField(_("je ne sais pas"), default=False)
    justification = models.TextField(_("justification"), blank=True)
    evidence = models.ManyToManyField(
        "trajectoires.Action", blank=True, related_name="appreciations", verbose_name=_("preuves")
    )
    status = models.CharField(
        _("état"), max_length=10, choices=AnswerStatus.choices, default=AnswerStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("soumise le"), null=True, blank=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[evidence])

    class Meta:
        ordering = ["repondant_id", "element_id"]
        verbose_name = _("appréciation")
        verbose_name_plural = _("appréciations")
        constraints = [
            models.UniqueConstraint(
                fields=["repondant", "element"], name="appreciation_unique_element"
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(dont_know=False),
                name="appreciation_level_or_dont_know",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.repondant} — {self.element}"

    @property
    def is_submitted(self) -> bool:
        return self.status == AnswerStatus.SUBMITTED

    @property
    def is_answered(self) -> bool:
        return self.level is not None or self.dont_know
