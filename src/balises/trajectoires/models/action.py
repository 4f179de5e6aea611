"""Actions (projects) of a territory's trajectory, with their structured récit and sources."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balises.core.fields import CodesField
from balises.espaces.models.visibility import SpaceRecord, SpaceRecordQuerySet
from balises.trajectoires.models.choices import Precision, Scale, Status

# The sections of a récit, in reading order: (field name, French heading).
RECIT_SECTIONS = [
    ("recit_contexte", _("Contexte")),
    ("recit_declencheur", _("Déclencheur")),
    ("recit_realisation", _("Ce qui a été fait")),
    ("recit_obstacles", _("Obstacles")),
    ("recit_tournants", _("Tournants")),
    ("recit_effets", _("Effets observés")),
    ("recit_enseignements", _("Enseignements")),
]


class Source(models.Model):
    """A public document that supports facts recorded in a space (an address, a title, a date)."""

    espace = models.ForeignKey("espaces.Espace", on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(_("adresse"), max_length=500)
    title = models.CharField(_("titre"), max_length=300)
    publisher = models.CharField(_("éditeur"), max_length=200, blank=True)
    published = models.DateField(_("date de publication"), null=True, blank=True)
    consulted = models.DateField(_("consultée le"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["espace", "url"], name="source_unique_url_per_espace")
        ]

    def __str__(self) -> str:
        return self.title


class ActionQuerySet(SpaceRecordQuerySet):
    pass


class Action(SpaceRecord):
    title = models.CharField(_("titre"), max_length=200)
    summary = models.TextField(_("résumé"), blank=True)
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.EN_COURS
    )
    start = models.DateField(_("début"), null=True, blank=True)
    start_precision = models.CharField(
        _("précision du début"), max_length=5, choices=Precision.choices, default=Precision.MONTH
    )
    end = models.DateField(_("fin"), null=True, blank=True)
    end_precision = models.CharField(
        _("précision de la fin"), max_length=5, choices=Precision.choices, default=Precision.MONTH
    )
    themes = CodesField(_("thèmes"))
    scale = models.CharField(
        _("échelle"), max_length=20, choices=Scale.choices, default=Scale.COMMUNE
    )
    recit_contexte = models.TextField(_("contexte"), blank=True)
    recit_declencheur = models.TextField(_("déclencheur"), blank=True)
    recit_realisation = models.TextField(_("ce qui a été fait"), blank=True)
    recit_obstacles = models.TextField(_("obstacles"), blank=True)
    recit_tournants = models.TextField(_("tournants"), blank=True)
    recit_effets = models.TextField(_("effets observés"), blank=True)
    recit_enseignements = models.TextField(_("enseignements"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="actions")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Incremented on every save: a form carries the version it was read at, and a save based on
    # an older version is refused instead of silently overwriting someone else's change.
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[sources])

    objects = ActionQuerySet.as_manager()  # type: ignore[misc]

    class Meta:
        ordering = ["start", "title"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes = [models.Index(fields=["espace", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="action_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title
