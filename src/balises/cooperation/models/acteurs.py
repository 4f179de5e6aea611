"""Actors of a space, their participation in actions and their contributions to them."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balises.cooperation.models.choices import (
    ActeurKind,
    InKind,
    Level,
    Nature,
    ParticipationRole,
    PeriodKind,
    Unit,
)
from balises.espaces.models.visibility import SpaceRecord, SpaceRecordQuerySet

ANONYMOUS_HABITANT = _("Habitant·e")
# A group is not a person: masked, it stays a group.
ANONYMOUS_GROUP = _("Groupe d'habitants")


class Acteur(SpaceRecord):
    kind = models.CharField(_("nature"), max_length=20, choices=ActeurKind.choices)
    name = models.CharField(_("nom"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    # Élus: what they are in charge of (« adjointe à la transition énergétique »).
    delegation = models.CharField(_("délégation"), max_length=200, blank=True)
    # Services: directions and services form a hierarchy.
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("rattaché à"),
    )
    # Habitants: one person or a group (« 147 foyers », « collectif du quartier »).
    is_group = models.BooleanField(_("groupe"), default=False)
    # Personal data of an habitant is shown outside the space only with this consent.
    consent_public = models.BooleanField(_("accepte que son nom soit public"), default=False)
    description = models.TextField(_("description"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acteurs",
        verbose_name=_("compte lié"),
    )
    # Folded name (no accents, no case, no punctuation): duplicate detection compares it.
    folded_name = models.CharField(max_length=200, db_index=True, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["folded_name"])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("acteur")
        verbose_name_plural = _("acteurs")
        indexes = [models.Index(fields=["espace", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_protected(self) -> bool:
        """An habitant who did not consent: name and details stay inside the space."""
        return self.kind == ActeurKind.HABITANT and not self.consent_public

    def name_for(self, is_member: bool) -> str:
        if is_member or not self.is_protected:
            return self.name
        return masked_name(self.is_group)


def masked_name(is_group: bool) -> str:
    """What non-members read instead of an unconsenting habitant's name."""
    return str(ANONYMOUS_GROUP if is_group else ANONYMOUS_HABITANT)


class LinkQuerySet(SpaceRecordQuerySet):
    """Participations and contributions: visible when both their action and actor are (see
    the policies of the cooperation app)."""


class Participation(models.Model):
    action = models.ForeignKey(
        "trajectoires.Action",
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("action"),
    )
    acteur = models.ForeignKey(
        Acteur, on_delete=models.CASCADE, related_name="participations", verbose_name=_("acteur")
    )
    level = models.CharField(_("niveau"), max_length=16, choices=Level.choices)
    role = models.CharField(_("rôle"), max_length=14, choices=ParticipationRole.choices)
    # When this level was reached; the action's start when unknown.
    since = models.DateField(_("depuis"), null=True, blank=True)
    comment = models.TextField(_("commentaire"), blank=True)
    history = HistoricalRecords()

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["action_id", "acteur_id", "role"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "acteur", "role"], name="participation_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.acteur} · {self.get_role_display()} · {self.action}"


class Contribution(models.Model):
    action = models.ForeignKey(
        "trajectoires.Action",
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("action"),
    )
    acteur = models.ForeignKey(
        Acteur, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("acteur")
    )
    nature = models.CharField(_("nature"), max_length=12, choices=Nature.choices)
    in_kind = models.CharField(
        _("apport en nature"), max_length=10, choices=InKind.choices, blank=True
    )
    amount = models.DecimalField(
        _("montant"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("unité"), max_length=8, choices=Unit.choices)
    # First day of the month or of the year the contribution covers.
    period_start = models.DateField(_("période"))
    period_kind = models.CharField(
        _("durée de la période"), max_length=5, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("déclarée par"),
    )
    comment = models.TextField(_("commentaire"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["period_start", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [
            models.Index(fields=["action", "period_start"]),
            models.Index(fields=["acteur", "period_start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="contribution_amount_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.acteur} → {self.action} ({self.get_nature_display()})"


class Fusion(models.Model):
    """A merge: ``absorbed_id`` (deleted, its history kept) now lives on in ``acteur``."""

    acteur = models.ForeignKey(
        Acteur, on_delete=models.CASCADE, related_name="fusions", verbose_name=_("acteur gardé")
    )
    absorbed_id = models.PositiveIntegerField(_("n° de l'acteur fusionné"))
    absorbed_name = models.CharField(_("acteur fusionné"), max_length=200)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("fusionné par"),
    )
    merged_at = models.DateTimeField(_("fusionné le"), auto_now_add=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = _("fusion d'acteurs")
        verbose_name_plural = _("fusions d'acteurs")

    def __str__(self) -> str:
        return f"{self.absorbed_name} → {self.acteur}"
