"""Cached metrics of a space's graph of effects.

What a viewer sees depends only on their class of access (anonymous: public actions; signed-in
outsider: public and réseau; member: everything), so metrics are cached per (espace, scope).
`signature` fingerprints the actions and links the metrics were computed from: a cache whose
signature no longer matches is stale and is recomputed in the background.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GraphScope(models.TextChoices):
    PUBLIC = "public", _("public")
    RESEAU = "reseau", _("réseau")
    MEMBRES = "membres", _("membres")


class GraphMetrics(models.Model):
    espace = models.ForeignKey(
        "espaces.Espace", on_delete=models.CASCADE, related_name="graph_metrics"
    )
    scope = models.CharField(max_length=8, choices=GraphScope.choices)
    signature = models.CharField(max_length=64)
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["espace", "scope"], name="graphmetrics_unique_scope")
        ]

    def __str__(self) -> str:
        return f"{self.espace_id}/{self.scope}"
