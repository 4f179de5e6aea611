"""What happens around and across actions: events seized, phases, systemic leaps."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balises.core.fields import CodesField
from balises.espaces.models.visibility import SpaceRecord
from balises.trajectoires.models.action import Action, Source
from balises.trajectoires.models.choices import EventKind, Precision


class Evenement(SpaceRecord):
    """An event or opportunity (a call for projects, a retirement, a crisis, an election…)."""

    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("nature"), max_length=20, choices=EventKind.choices)
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("précision"), max_length=5, choices=Precision.choices, default=Precision.MONTH
    )
    description = models.TextField(_("description"), blank=True)
    actions = models.ManyToManyField(
        Action, blank=True, related_name="evenements", verbose_name=_("actions qui l'ont saisi")
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="evenements")
    history = HistoricalRecords(m2m_fields=[actions, sources])

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def __str__(self) -> str:
        return self.title


class Phase(SpaceRecord):
    """A period of the trajectory (« les années pionnières », « le changement d'échelle »…)."""

    name = models.CharField(_("nom"), max_length=200)
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="phases")
    history = HistoricalRecords(m2m_fields=[sources])

    class Meta:
        ordering = ["start", "name"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="phase_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name


class SautSystemique(SpaceRecord):
    """A moment when the perimeter of actors, scale, issues or economic model widens at once."""

    title = models.CharField(_("titre"), max_length=200)
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("précision"), max_length=5, choices=Precision.choices, default=Precision.YEAR
    )
    widened = CodesField(_("ce qui s'est élargi"))
    description = models.TextField(_("description"), blank=True)
    actions = models.ManyToManyField(
        Action, blank=True, related_name="sauts", verbose_name=_("actions concernées")
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="sauts")
    history = HistoricalRecords(m2m_fields=[actions, sources])

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("saut systémique")
        verbose_name_plural = _("sauts systémiques")

    def __str__(self) -> str:
        return self.title
