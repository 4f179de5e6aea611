"""Visibility of records that belong to a territory space, shared by every app that stores them.

A record with an ``espace`` and a ``visibility`` field is read through
``SpaceRecordQuerySet.visible_to(user)``; the rule itself lives in
``balises.espaces.permissions.record_visibility_q`` so that there is one source of truth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from balises.core.models import User


class Visibility(models.TextChoices):
    PRIVE = "prive", _("privé")
    RESEAU = "reseau", _("réseau")
    PUBLIC = "public", _("public")


VISIBILITY_HELP = {
    Visibility.PRIVE: _("les membres de l'espace"),
    Visibility.RESEAU: _("toute personne connectée"),
    Visibility.PUBLIC: _("tout le monde, sans compte"),
}


class SpaceRecordQuerySet(models.QuerySet):
    """QuerySet for records of a space. Subclasses may set ``espace_field`` ("action__espace")."""

    espace_field = "espace"
    visibility_field = "visibility"

    def visible_to(self, user: User | AnonymousUser | None) -> SpaceRecordQuerySet:
        # Imported here because permissions imports the models of this package.
        from balises.espaces.permissions import record_visibility_q

        return self.filter(
            record_visibility_q(user, espace_field=self.espace_field, field=self.visibility_field)
        )


class SpaceRecord(models.Model):
    """Abstract base for a record owned by a space, with its own visibility."""

    espace = models.ForeignKey(
        "espaces.Espace",
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("espace"),
    )
    visibility = models.CharField(
        _("visibilité"), max_length=8, choices=Visibility.choices, default=Visibility.PRIVE
    )

    objects: Any = SpaceRecordQuerySet.as_manager()

    class Meta:
        abstract = True
