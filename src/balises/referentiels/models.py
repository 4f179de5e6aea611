"""Référentiels: versioned trees of typed elements, and typed links between elements.

An element's `key` is its identity across versions: later data (links from actions, assessments)
points at a key, so it survives when a new version renames, moves or rewords the element.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def _in_language(obj: object, field: str) -> str:
    """The English text when the page is in English and it exists, else the French one."""
    if (get_language() or "fr").startswith("en"):
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, f"{field}_fr", "")


class ReferentielQuerySet(models.QuerySet):
    def latest_versions(self) -> "ReferentielQuerySet":
        """One row per slug: the most recently created version."""
        latest = (
            self.model.objects.filter(slug=models.OuterRef("slug"))
            .order_by("-date", "-created_at", "-pk")
            .values("pk")[:1]
        )
        return self.filter(pk=models.Subquery(latest))


class Referentiel(models.Model):
    slug = models.SlugField(_("identifiant"), max_length=60)
    version = models.CharField(_("version"), max_length=40)
    title_fr = models.CharField(_("titre (français)"), max_length=300)
    title_en = models.CharField(_("titre (anglais)"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=120, blank=True)
    source_title = models.CharField(_("titre de la source"), max_length=300, blank=True)
    source_url = models.URLField(_("adresse de la source"), max_length=500, blank=True)
    authors = models.JSONField(_("auteurs"), default=list, blank=True)
    languages = models.JSONField(_("langues"), default=list, blank=True)
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)
    attribution_fr = models.TextField(_("attribution (français)"), blank=True)
    attribution_en = models.TextField(_("attribution (anglais)"), blank=True)
    # Who proposes the maturity scale, shown wherever the scale is, when it is not the source's.
    scale_note_fr = models.TextField(_("note sur l'échelle de maturité (français)"), blank=True)
    scale_note_en = models.TextField(_("note sur l'échelle de maturité (anglais)"), blank=True)
    is_builtin = models.BooleanField(_("intégré"), default=False, editable=False)
    derived_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derived_versions",
        verbose_name=_("version précédente"),
    )
    # Staff who may edit it; built-in référentiels have no owner.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referentiels",
        verbose_name=_("propriétaire"),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    history = HistoricalRecords()

    objects = ReferentielQuerySet.as_manager()

    class Meta:
        ordering = ["slug", "-date", "-created_at"]
        verbose_name = _("référentiel")
        verbose_name_plural = _("référentiels")
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="referentiel_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.title_fr} ({self.version})"

    @property
    def title(self) -> str:
        return _in_language(self, "title")

    @property
    def description(self) -> str:
        return _in_language(self, "description")

    @property
    def attribution(self) -> str:
        return _in_language(self, "attribution")

    @property
    def scale_note(self) -> str:
        return _in_language(self, "scale_note")


class ElementKind(models.Model):
    referentiel = models.ForeignKey(
        Referentiel, on_delete=models.CASCADE, related_name="kinds", verbose_name=_("référentiel")
    )
    code = models.SlugField(_("code"), max_length=40)
    label_fr = models.CharField(_("libellé (français)"), max_length=120)
    label_en = models.CharField(_("libellé (anglais)"), max_length=120, blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["referentiel_id", "order"]
        verbose_name = _("nature d'élément")
        verbose_name_plural = _("natures d'éléments")
        constraints = [
            models.UniqueConstraint(fields=["referentiel", "code"], name="elementkind_unique_code")
        ]

    def __str__(self) -> str:
        return self.label_fr

    @property
    def label(self) -> str:
        return _in_language(self, "label")


class LabelOrigin(models.TextChoices):
    """Whose words an element's French label is."""

    SOURCE = "source", _("intitulé de la source")
    CORRECTED = "corrected", _("intitulé de la source, corrigé")
    REPORTED = "reported", _("intitulé signalé, à vérifier")
    OURS = "ours", _("intitulé formulé par Balises")


class Element(models.Model):
    referentiel = models.ForeignKey(
        Referentiel,
        on_delete=models.CASCADE,
        related_name="elements",
        verbose_name=_("référentiel"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("parent"),
    )
    kind = models.ForeignKey(
        ElementKind, on_delete=models.RESTRICT, related_name="elements", verbose_name=_("nature")
    )
    code = models.CharField(_("code"), max_length=60)
    key = models.CharField(_("clé stable"), max_length=120, blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)
    # Position in the whole tree (depth-first): rendering a tree is then one ordered query.
    position = models.PositiveIntegerField(_("position"), default=0, editable=False)
    depth = models.PositiveSmallIntegerField(_("profondeur"), default=0, editable=False)
    label_fr = models.TextField(_("libellé (français)"))
    label_en = models.TextField(_("libellé (anglais)"), blank=True)
    # Empty when the file says nothing about it (most imported référentiels).
    label_origin = models.CharField(
        _("origine du libellé"), max_length=10, choices=LabelOrigin.choices, blank=True
    )
    label_note_fr = models.TextField(_("note sur le libellé (français)"), blank=True)
    label_note_en = models.TextField(_("note sur le libellé (anglais)"), blank=True)
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)
    evidence_fr = models.TextField(_("ce qui en témoigne (français)"), blank=True)
    evidence_en = models.TextField(_("ce qui en témoigne (anglais)"), blank=True)
    points = models.DecimalField(_("points"), max_digits=9, decimal_places=3, null=True, blank=True)
    is_interpretation = models.BooleanField(_("interprétation"), default=False)
    source_ref = models.CharField(_("référence dans la source"), max_length=300, blank=True)
    # Further Markdown sections kept from the source, e.g. TeT's « Contexte », « Exemples »:
    # a list of {"title": ..., "text": ...}.
    sections = models.JSONField(_("sections"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        # Columns, not relations: ordering through a relation would join its table every time.
        ordering = ["referentiel_id", "position"]
        verbose_name = _("élément")
        verbose_name_plural = _("éléments")
        constraints = [
            models.UniqueConstraint(fields=["referentiel", "code"], name="element_unique_code"),
            models.UniqueConstraint(fields=["referentiel", "key"], name="element_unique_key"),
        ]
        indexes = [models.Index(fields=["referentiel", "position"])]

    def __str__(self) -> str:
        return f"{self.code} {self.label_fr}"

    def clean(self) -> None:
        errors = {}
        if self.parent is not None and self.parent.referentiel_id != self.referentiel_id:
            errors["parent"] = _("Le parent doit appartenir au même référentiel.")
        if self.kind_id and self.kind.referentiel_id != self.referentiel_id:
            errors["kind"] = _("Cette nature n'est pas déclarée par ce référentiel.")
        if not self.key:
            self.key = self.code
        if errors:
            raise ValidationError(errors)

    @property
    def label(self) -> str:
        return _in_language(self, "label")

    @property
    def description(self) -> str:
        return _in_language(self, "description")

    @property
    def evidence(self) -> str:
        return _in_language(self, "evidence")

    @property
    def label_note(self) -> str:
        return _in_language(self, "label_note")


class Lien(models.Model):
    class Kind(models.TextChoices):
        SERVES = "serves", _("sert")
        ILLUSTRATES = "illustrates", _("illustre")
        CORRESPONDS_TO = "corresponds_to", _("correspond à")
        REFINES = "refines", _("précise")

    source = models.ForeignKey(
        Element, on_delete=models.CASCADE, related_name="links_out", verbose_name=_("source")
    )
    target = models.ForeignKey(
        Element, on_delete=models.CASCADE, related_name="links_in", verbose_name=_("cible")
    )
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    weight = models.DecimalField(_("poids"), max_digits=6, decimal_places=3, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source_id", "kind", "target_id"]
        verbose_name = _("lien")
        verbose_name_plural = _("liens")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="lien_unique_source_target_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source.code} {self.get_kind_display()} {self.target.code}"


class MaturityLevel(models.Model):
    referentiel = models.ForeignKey(
        Referentiel,
        on_delete=models.CASCADE,
        related_name="maturity_levels",
        verbose_name=_("référentiel"),
    )
    level = models.PositiveSmallIntegerField(_("niveau"))
    label_fr = models.CharField(_("libellé (français)"), max_length=200)
    label_en = models.CharField(_("libellé (anglais)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (français)"), blank=True)
    description_en = models.TextField(_("description (anglais)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["referentiel_id", "level"]
        verbose_name = _("niveau de maturité")
        verbose_name_plural = _("niveaux de maturité")
        constraints = [
            models.UniqueConstraint(fields=["referentiel", "level"], name="maturity_unique_level")
        ]

    def __str__(self) -> str:
        return f"{self.level} · {self.label_fr}"

    @property
    def label(self) -> str:
        return _in_language(self, "label")

    @property
    def description(self) -> str:
        return _in_language(self, "description")
