"""Typed links between actions (the graph of systemic effects) and from actions to référentiel
elements (which balises, modes de faire and dispositifs an action illustrates)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balises.trajectoires.models.action import Action
from balises.trajectoires.models.choices import LinkKind


class LienAction(models.Model):
    """`source` entraîne / s'appuie sur / élargit / prolonge `target`. Cycles are allowed."""

    source = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="liens_sortants")
    target = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="liens_entrants")
    kind = models.CharField(_("nature"), max_length=14, choices=LinkKind.choices)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lien entre actions")
        verbose_name_plural = _("liens entre actions")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="lienaction_unique"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="lienaction_no_self_link"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.get_kind_display()} → {self.target}"


class ActionElement(models.Model):
    """An action illustrates an element of a référentiel (a balise, a mode de faire…)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="elements")
    element = models.ForeignKey(
        "referentiels.Element", on_delete=models.PROTECT, related_name="actions"
    )
    justification = models.TextField(_("justification"), blank=True)
    # True when the link is our reading of public facts rather than the territory's own claim.
    is_interpretation = models.BooleanField(_("notre lecture"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("élément illustré")
        verbose_name_plural = _("éléments illustrés")
        constraints = [
            models.UniqueConstraint(fields=["action", "element"], name="actionelement_unique")
        ]

    def __str__(self) -> str:
        return f"{self.action} — {self.element}"
