"""Metrics of a space's graph of effects, cached per (espace, scope) in GraphMetrics.

The scope is what a class of viewers sees of the space: anonymous visitors its public
actions, signed-in outsiders its public and réseau actions, members all of them — the same
rule as ``record_visibility_q`` restricted to one space. The cached data hold action ids only,
never titles: pages map them onto the actions the viewer may see, so even stale metrics
cannot show a record to someone who may not see it.

The signature fingerprints the actions and links of the scope with two aggregate queries
(counts, sums and maxima of ids and link ends, sums weighted by id of the kinds of links and of
the starts of actions): adding, deleting, rewiring or retyping anything, or moving a start,
changes it (ids are never reused). A missing cache is computed at once, and so is one computed
by an older version of the algorithm (its arrows may point the old way); a stale one is served
while a background task recomputes it (saves and deletions of actions and links ask for that
too).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Max, Sum, Value, When
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone

from balises.espaces.models import Espace, Visibility
from balises.espaces.permissions import role_of
from balises.trajectoires import graph
from balises.trajectoires.models import (
    Action,
    GraphMetrics,
    GraphScope,
    LienAction,
    LinkKind,
    Precision,
)

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


def _code_number(field: str, codes: list[str]):
    """1, 2, 3… for the codes of a closed vocabulary, 0 for anything else."""
    whens = [When(**{field: code}, then=Value(i)) for i, code in enumerate(codes, start=1)]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def signature(espace_id: int, scope: str) -> str:
    # The direction of a link depends on its kind, and the check of time on the starts: both
    # are fingerprinted, weighted by id so that swapping two values changes the sum too.
    day = ExtractYear("start") * 10_000 + ExtractMonth("start") * 100 + ExtractDay("start")
    actions = scope_actions(espace_id, scope).aggregate(
        n=Count("id"),
        total=Sum("id"),
        last=Max("id"),
        starts=Sum(day * F("id")),
        precisions=Sum(_code_number("start_precision", Precision.values) * F("id")),
    )
    links = scope_links(espace_id, scope).aggregate(
        n=Count("id"),
        total=Sum("id"),
        last=Max("id"),
        ends=Sum(F("source_id") * 1_000_003 + F("target_id")),
        kinds=Sum(_code_number("kind", LinkKind.values) * F("id")),
    )
    parts = [graph.ALGORITHM_VERSION, str(scope), *actions.values(), *links.values()]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def compute(espace_id: int, scope: str) -> graph.GraphMetricsData:
    rows = scope_actions(espace_id, scope).values_list("id", "start", "start_precision")
    starts = {pk: (start, precision) for pk, start, precision in rows}
    edges = list(scope_links(espace_id, scope).values_list("source_id", "target_id", "kind"))
    return graph.compute_metrics(starts, edges, starts)


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
    # Metrics of an older algorithm are never shown, not even while a recompute is pending:
    # before version 2 the arrows of three kinds of links pointed backwards.
    if row is None or row.data.get("version") != graph.ALGORITHM_VERSION:
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
