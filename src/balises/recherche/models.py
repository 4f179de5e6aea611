"""What the search index knows about a searchable object (an element, an action, a fiche…).

A `Document` is derived data: apps describe their objects through `services.index_document`
or the registry, and a rebuild can recreate every row. The full-text index itself lives next to
this table, in a structure owned by the database backend (see `backends/`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    RESEAU = "reseau", _("Réseau (personnes connectées)")
    PRIVE = "prive", _("Privé (membres de l'espace)")


class Document(models.Model):
    kind = models.CharField(_("type"), max_length=40)
    object_id = models.CharField(_("identifiant"), max_length=64)
    title = models.CharField(_("titre"), max_length=500)
    body = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("adresse"), max_length=500, blank=True)
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # No foreign key: the index must not depend on the spaces app, and a rebuild fixes leftovers.
    espace_id = models.PositiveIntegerField(_("espace"), null=True, blank=True)
    language = models.CharField(_("langue"), max_length=10, default="fr")
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    class Meta:
        verbose_name = _("document indexé")
        verbose_name_plural = _("documents indexés")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="recherche_document_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
