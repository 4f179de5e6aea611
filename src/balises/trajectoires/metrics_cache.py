"""Metrics of a space's graph of effects, cached per (espace, scope) in GraphMetrics.

The scope is what a class of viewers sees of the space: anonymous visitors its public
actions, signed-in outsiders its public and réseau actions, members all of them — the same
rule as ``record_visibility_q`` restricted to one space. The cached data hold action ids only,
never titles: pages map them onto the actions the viewer may see, so even stale metrics
cannot show a record to someone who may not see it.

The signature fingerprints the actions and links of the scope with two aggregate queries
(counts, sums and maxima of ids and link ends): adding, deleting or rewiring anything changes
it (ids are never reused). A missing cache is computed at once; a stale one is served while a
background task recomputes it (saves and deletions of actions and links ask for that too).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, F, Max, Sum
from django.utils import timezone

from balises.espaces.models import Espace, Visibility
from balises.espaces.permissions import role_of
from balises.trajectoires import graph
from balises.trajectoires.models import Action, GraphMetrics, GraphScope, LienAction

if TYPE_CHECKING:
    from balises.espaces.permissions import AnyUser

PENDING = "en-attente"
# A recompute asked that long ago and still not done was lost (worker down): ask again.
PENDING_RETRY = timedelta(minutes=10)

SCOPE_VISIBILITIES: dict[str, tuple[str, ...]] = {
    GraphScope.PUBLIC: (Visibility.PUBLIC,),
    GraphScope.RESEAU: (Visibility.PUBLIC, Visibility.RESEAU),
    GraphScope.MEMBRES: (Visibility.PUBLIC, Visibility.RESEAU, Visibility.PRIVE),
}


def scope_for(user: AnyUser, espace: Espace, role: str | None = None) -> GraphScope:
    """The class of access of a viewer; pass ``role`` when the page already knows it."""
    if role is None:
        role = role_of(user, espace)
    if role is not None:
        return GraphScope.MEMBRES
    if user is not None and user.is_authenticated and user.is_active:
        return GraphScope.RESEAU
    return GraphScope.PUBLIC


def scope_actions(espace_id: int, scope: str):
    return Action.objects.filter(espace_id=espace_id, visibility__in=SCOPE_VISIBILITIES[scope])


def scope_links(espace_id: int, scope: str):
    visibilities = SCOPE_VISIBILITIES[scope]
    return LienAction.objects.filter(
        source__espace_id=espace_id,
        target__espace_id=espace_id,
        source__visibility__in=visibilities,
        target__visibility__in=visibilities,
    )


def signature(espace_id: int, scope: str) -> str:
    actions = scope_actions(espace_id, scope).aggregate(
        n=Count("id"), total=Sum("id"), last=Max("id")
    )
    links = scope_links(espace_id, scope).aggregate(
        n=Count("id"),
        total=Sum("id"),
        last=Max("id"),
        ends=Sum(F("source_id") * 1_000_003 + F("target_id")),
    )
    parts = [graph.ALGORITHM_VERSION, str(scope), *actions.values(), *links.values()]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def compute(espace_id: int, scope: str) -> graph.GraphMetricsData:
    nodes = list(scope_actions(espace_id, scope).values_list("id", flat=True))
    edges = list(scope_links(espace_id, scope).values_list("source_id", "target_id", "kind"))
    return graph.compute_metrics(nodes, edges)


def store(espace_id: int, scope: str) -> GraphMetrics:
    """Compute and save the metrics of one scope (the signature is taken first, so a change
    made during the computation leaves the cache stale rather than wrongly fresh)."""
    current = signature(espace_id, scope)
    data = compute(espace_id, scope).to_json()
    row, _created = GraphMetrics.objects.update_or_create(
        espace_id=espace_id, scope=scope, defaults={"signature": current, "data": data}
    )
    return row


@dataclass(frozen=True)
class CachedMetrics:
    metrics: graph.GraphMetricsData
    fresh: bool
    computed_at: object


def get_metrics(espace: Espace, scope: str) -> CachedMetrics:
    current = signature(espace.pk, scope)
    row = GraphMetrics.objects.filter(espace=espace, scope=scope).first()
    if row is None:
        row = store(espace.pk, scope)
    elif row.signature != current:
        _ask_recompute(row)
        return CachedMetrics(graph.GraphMetricsData.from_json(row.data), False, row.computed_at)
    return CachedMetrics(graph.GraphMetricsData.from_json(row.data), True, row.computed_at)


def _ask_recompute(row: GraphMetrics) -> None:
    if row.signature == PENDING and row.computed_at > timezone.now() - PENDING_RETRY:
        return
    # Conditional update: of several requests seeing the same stale row, one enqueues.
    marked = GraphMetrics.objects.filter(pk=row.pk, signature=row.signature).update(
        signature=PENDING, computed_at=timezone.now()
    )
    if marked:
        enqueue(row.espace_id)


def mark_stale(espace_id: int) -> None:
    """After a change: stale caches are recomputed in the background (once per burst)."""
    marked = (
        GraphMetrics.objects.filter(espace_id=espace_id)
        .exclude(signature=PENDING)
        .update(signature=PENDING, computed_at=timezone.now())
    )
    if marked:
        enqueue(espace_id)


def enqueue(espace_id: int) -> None:
    from balises.trajectoires.tasks import recompute_graph_metrics

    transaction.on_commit(lambda: recompute_graph_metrics.enqueue(espace_id=espace_id))
