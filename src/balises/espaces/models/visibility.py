"""Visibility of records that belong to a territory space, shared by every app that stores them.

A record with an ``espace`` and a ``visibility`` field is read through
``SpaceRecordQuerySet.visible_to(user)``, which applies the access policy declared for its
model in ``balises.espaces.policies``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

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
    """QuerySet of records kept in spaces: ``visible_to`` applies the model's declared access
    policy (``balises.espaces.policies``), the one source of truth."""

    def visible_to(self, user: User | AnonymousUser | None) -> SpaceRecordQuerySet:
        # Imported here because the policies import the models of this package.
        from balises.espaces.policies import policy_for

        return cast(SpaceRecordQuerySet, policy_for(self.model).scope(self, user))


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
