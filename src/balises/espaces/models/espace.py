"""Territory spaces (Espace), their members (Adhesion) and invitations.

Who may do what with them is decided in ``balises.espaces.permissions`` only.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balises.territoires.models import Territoire

from .visibility import Visibility

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from balises.core.models import User

INVITATION_VALIDITY = timedelta(days=14)


class Role(models.TextChoices):
    # Ordered from least to most rights: ROLE_RANK relies on this order.
    LECTEUR = "lecteur", _("lecteur")
    CONTRIBUTEUR = "contributeur", _("contributeur")
    REFERENT = "referent", _("référent")


ROLE_RANK = {role.value: rank for rank, role in enumerate(Role, start=1)}


class EspaceQuerySet(models.QuerySet):
    def visible_to(self, user: User | AnonymousUser | None) -> EspaceQuerySet:
        # Imported here because permissions imports this module.
        from balises.espaces.permissions import visible_espaces_q

        return self.filter(visible_espaces_q(user))


class Espace(models.Model):
    territoire = models.OneToOneField(
        Territoire, on_delete=models.PROTECT, related_name="espace", verbose_name=_("territoire")
    )
    slug = models.SlugField(_("adresse"), max_length=240, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ouvert par"),
    )
    created_at = models.DateTimeField(_("ouvert le"), default=timezone.now)
    is_verified = models.BooleanField(_("vérifié"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("vérifié par"),
    )
    verified_at = models.DateTimeField(_("vérifié le"), null=True, blank=True)
    default_visibility = models.CharField(
        _("visibilité par défaut"),
        max_length=8,
        choices=Visibility.choices,
        default=Visibility.PRIVE,
        help_text=_("Visibilité proposée pour chaque nouvelle donnée de l'espace."),
    )
    is_demo = models.BooleanField(_("démonstration"), default=False)

    history = HistoricalRecords(table_name="territoires_historicalespace")
    objects = EspaceQuerySet.as_manager()

    class Meta:
        # The tables keep the names they had when spaces lived in the territoires app.
        db_table = "territoires_espace"
        ordering = ["territoire__name", "slug"]
        verbose_name = _("espace")
        verbose_name_plural = _("espaces")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.territoire.name

    @staticmethod
    def slug_for(territoire: Territoire) -> str:
        """« Loos-en-Gohelle » 62528 → « loos-en-gohelle-62528 »; the kind breaks rare ties."""
        base = slugify(f"{territoire.name} {territoire.code}")[:200] or territoire.kind
        if Espace.objects.filter(slug=base).exists():
            return f"{base}-{territoire.kind}"
        return base


class Adhesion(models.Model):
    espace = models.ForeignKey(
        Espace, on_delete=models.CASCADE, related_name="adhesions", verbose_name=_("espace")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="adhesions",
        verbose_name=_("membre"),
    )
    role = models.CharField(_("rôle"), max_length=12, choices=Role.choices)
    created_at = models.DateTimeField(_("membre depuis"), default=timezone.now)

    history = HistoricalRecords(table_name="territoires_historicaladhesion")

    class Meta:
        db_table = "territoires_adhesion"
        ordering = ["espace", "user__email"]
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")
        constraints = [
            models.UniqueConstraint(fields=["espace", "user"], name="adhesion_unique_espace_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.espace} ({self.get_role_display()})"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + INVITATION_VALIDITY


class Invitation(models.Model):
    """An invitation by email. Only the SHA-256 digest of its token is stored."""

    espace = models.ForeignKey(
        Espace, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("espace")
    )
    email = models.EmailField(_("adresse e-mail"))
    role = models.CharField(_("rôle"), max_length=12, choices=Role.choices)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invité par"),
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    expires_at = models.DateTimeField(_("expire le"), default=default_expiry)
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("acceptée par"),
    )
    revoked = models.BooleanField(_("révoquée"), default=False)

    history = HistoricalRecords(
        excluded_fields=["token_digest"], table_name="territoires_historicalinvitation"
    )

    class Meta:
        db_table = "territoires_invitation"
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.espace}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_pending(self) -> bool:
        return not self.revoked and self.accepted_at is None and not self.is_expired
