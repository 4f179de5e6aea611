"""Standing arrangements of cooperation: clubs and collectives, learning visits, reflexive
sessions. Each is an instance of a dispositif of the Villes pairs référentiel (``dispositif``,
empty when that référentiel is not loaded)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balises.cooperation.models.acteurs import Acteur
from balises.core.fields import CodesField
from balises.espaces.models.visibility import SpaceRecord

# Codes of the matching dispositifs in the built-in référentiel « villes-pairs ».
DISPOSITIF_CODES = {
    "collectif": "H2-D3",  # Créer des Clubs
    "voyage": "H1-D3",  # Organiser des voyages comme levier d'implication
    "temps": "H3-D1",  # Prévoir des lieux et du temps de partage, de retour d'expérience
    "tableau": "H3-D2",  # Tableaux de bord inter services de suivi des contributions
}


def _dispositif_field() -> models.ForeignKey:
    return models.ForeignKey(
        "referentiels.Element",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dispositif du référentiel"),
    )


class Collectif(SpaceRecord):
    """A club or collective: a thematic group of actors who meet regularly."""

    name = models.CharField(_("nom"), max_length=200)
    themes = CodesField(_("thèmes"))
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        Acteur, blank=True, related_name="collectifs", verbose_name=_("membres")
    )
    dispositif = _dispositif_field()
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("club ou collectif")
        verbose_name_plural = _("clubs et collectifs")

    def __str__(self) -> str:
        return self.name


class Reunion(models.Model):
    """A meeting of a collective (visible with its collective)."""

    collectif = models.ForeignKey(
        Collectif, on_delete=models.CASCADE, related_name="reunions", verbose_name=_("collectif")
    )
    date = models.DateField(_("date"))
    subject = models.CharField(_("objet"), max_length=200)
    notes = models.TextField(_("compte rendu"), blank=True)
    participants = models.ManyToManyField(
        Acteur, blank=True, related_name="reunions", verbose_name=_("participants")
    )
    history = HistoricalRecords(m2m_fields=[participants])

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")

    def __str__(self) -> str:
        return f"{self.subject} ({self.date:%d/%m/%Y})"


class Voyage(SpaceRecord):
    """A learning visit to another territory."""

    title = models.CharField(_("titre"), max_length=200)
    territoire = models.ForeignKey(
        "territoires.Territoire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("territoire visité"),
    )
    destination = models.CharField(
        _("lieu visité"), max_length=200, blank=True, help_text=_("Hors de France, par exemple.")
    )
    date = models.DateField(_("date"))
    participants = models.ManyToManyField(
        Acteur, blank=True, related_name="voyages", verbose_name=_("participants")
    )
    learnt = models.TextField(_("ce qui a été appris"), blank=True)
    actions = models.ManyToManyField(
        "trajectoires.Action",
        blank=True,
        related_name="voyages",
        verbose_name=_("actions inspirées"),
    )
    dispositif = _dispositif_field()
    history = HistoricalRecords(m2m_fields=[participants, actions])

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("voyage")
        verbose_name_plural = _("voyages")

    def __str__(self) -> str:
        return self.title


class TempsReflexif(SpaceRecord):
    """A reflexive session (retour d'expérience)."""

    title = models.CharField(_("titre"), max_length=200)
    date = models.DateField(_("date"))
    participants = models.ManyToManyField(
        Acteur, blank=True, related_name="temps_reflexifs", verbose_name=_("participants")
    )
    what_worked = models.TextField(_("ce qui a marché"), blank=True)
    what_did_not = models.TextField(_("ce qui n'a pas marché"), blank=True)
    decisions = models.TextField(_("décisions"), blank=True)
    actions = models.ManyToManyField(
        "trajectoires.Action",
        blank=True,
        related_name="temps_reflexifs",
        verbose_name=_("actions concernées"),
    )
    balises = models.ManyToManyField(
        "referentiels.Element",
        blank=True,
        related_name="temps_reflexifs",
        verbose_name=_("balises travaillées"),
    )
    dispositif = _dispositif_field()
    history = HistoricalRecords(m2m_fields=[participants, actions, balises])

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("temps réflexif")
        verbose_name_plural = _("temps réflexifs")

    def __str__(self) -> str:
        return self.title
