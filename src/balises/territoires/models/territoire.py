"""The national reference of French territories (communes, EPCI, départements, régions).

Loaded from Etalab's découpage administratif (INSEE data); not edited by users, so no history.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Territoire(models.Model):
    class Kind(models.TextChoices):
        COMMUNE = "commune", _("commune")
        EPCI = "epci", _("intercommunalité (EPCI)")
        DEPARTEMENT = "departement", _("département")
        REGION = "region", _("région")
        AUTRE = "autre", _("autre territoire")

    kind = models.CharField(_("nature"), max_length=12, choices=Kind.choices)
    # INSEE code for communes, départements and régions; SIREN for EPCI.
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("nom"), max_length=200)
    # Lower-case, accent-free, punctuation as spaces: what name searches compare against.
    search_name = models.CharField(max_length=200, db_index=True, editable=False)
    epci_type = models.CharField(_("type d'EPCI"), max_length=8, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, db_index=True)
    postcodes = models.CharField(_("codes postaux"), max_length=300, blank=True)
    zone = models.CharField(_("zone"), max_length=8, blank=True)
    epci = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_communes",
        verbose_name=_("EPCI"),
    )
    departement = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("département"),
    )
    region = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("région"),
    )
    # Communes that merged into this one (« Collinée; Langourla; … »): people still search
    # for them by those names.
    former_names = models.TextField(_("anciennes communes"), blank=True)
    # A commune merged into another stays, so that links to it keep working.
    is_current = models.BooleanField(_("en vigueur"), default=True)
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("remplacée par"),
    )

    class Meta:
        ordering = ["name", "code"]
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="territoire_unique_kind_code")
        ]
        indexes = [models.Index(fields=["kind", "population"])]

    def __str__(self) -> str:
        return self.name

    @property
    def uid(self) -> str:
        """Stable identifier used in addresses: « commune-62528 », « epci-200033025 »."""
        return f"{self.kind}-{self.code}"


class Chargement(models.Model):
    """One load of the national reference that changed something: where from, and what."""

    source = models.CharField(_("source"), max_length=100)
    version = models.CharField(_("version"), max_length=40)
    file_name = models.CharField(_("fichier"), max_length=200)
    loaded_at = models.DateTimeField(_("chargé le"), auto_now_add=True)
    changes = models.PositiveIntegerField(_("changements"), default=0)
    summary = models.JSONField(_("résumé"), default=dict)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        verbose_name = _("chargement des territoires")
        verbose_name_plural = _("chargements des territoires")

    def __str__(self) -> str:
        return f"{self.source} {self.version}"
