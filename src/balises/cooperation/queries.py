"""Database reads of the dashboard and the network: a fixed number of queries whatever the
size of the space (asserted in tests/cooperation/test_performance.py), then pure computations
(dashboard.py, network.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import Sum

from balises.cooperation import dashboard as dashboard_maths
from balises.cooperation import network as network_maths
from balises.cooperation.models import ActeurKind, Level, masked_name
from balises.cooperation.policies import ACTEUR, CONTRIBUTION, PARTICIPATION
from balises.core.fields import has_code
from balises.espaces.models import Espace
from balises.trajectoires.models import Phase
from balises.trajectoires.policies import ACTION

if TYPE_CHECKING:
    from balises.espaces.permissions import AnyUser


@dataclass
class Filters:
    year_from: int | None = None
    year_to: int | None = None
    theme: str = ""
    phase: Phase | None = None
    nature: str = ""
    measure: str = "heures"


@dataclass
class ActorRow:
    id: int
    name: str
    kind: str
    kind_label: str
    parent_id: int | None


@dataclass
class ActionRow:
    id: int
    title: str
    themes: list[str] = field(default_factory=list)
    start: date | None = None


def actor_rows(user: AnyUser, espace: Espace, is_member: bool) -> dict[int, ActorRow]:
    """Visible actors by id, unconsented habitants anonymised for non-members (one query)."""
    labels = dict(ActeurKind.choices)
    rows = ACTEUR.visible(user, espace).values_list(
        "pk", "name", "kind", "consent_public", "is_group", "parent_id"
    )
    return {
        pk: ActorRow(
            pk,
            name if is_member or consent or kind != ActeurKind.HABITANT else masked_name(is_group),
            kind,
            str(labels.get(kind, kind)),
            parent_id,
        )
        for pk, name, kind, consent, is_group, parent_id in rows
    }


def action_rows(user: AnyUser, espace: Espace, themes: bool = True) -> dict[int, ActionRow]:
    """Visible actions by id; without their themes when the page does not need them."""
    if not themes:
        titles = ACTION.visible(user, espace).values_list("pk", "title", "start")
        return {pk: ActionRow(pk, title, [], start) for pk, title, start in titles}
    rows = ACTION.visible(user, espace).values_list("pk", "title", "themes", "start")
    return {
        pk: ActionRow(pk, title, list(codes) if isinstance(codes, list) else [], start)
        for pk, title, codes, start in rows
    }


def _contributions(user: AnyUser, espace: Espace, filters: Filters):
    queryset = CONTRIBUTION.visible(user, espace)
    if filters.year_from:
        queryset = queryset.filter(period_start__gte=date(filters.year_from, 1, 1))
    if filters.year_to:
        queryset = queryset.filter(period_start__lte=date(filters.year_to, 12, 31))
    if filters.theme:
        queryset = queryset.filter(has_code("action__themes", filters.theme))
    if filters.phase is not None:
        queryset = queryset.filter(period_start__gte=filters.phase.start.replace(day=1))
        if filters.phase.end:
            queryset = queryset.filter(period_start__lte=filters.phase.end)
    if filters.nature:
        queryset = queryset.filter(nature=filters.nature)
    return queryset


def dashboard_rows(user: AnyUser, espace: Espace, filters: Filters) -> list[dashboard_maths.Row]:
    """Contribution sums by actor, action, nature, unit, period kind and period (one query).

    Grouped by the period's first day rather than by an extracted year: SQLite computes
    extracted years in Python, row by row; the year is taken here instead."""
    grouped = (
        _contributions(user, espace, filters)
        .values_list("acteur_id", "action_id", "nature", "unit", "period_kind", "period_start")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return [
        dashboard_maths.Row(acteur, action, nature, unit, kind, start.year, total)
        for acteur, action, nature, unit, kind, start, total in grouped
    ]


@dataclass
class DashboardData:
    filters: Filters
    dashboard: dashboard_maths.Dashboard
    actors: dict[int, ActorRow]
    actions: dict[int, ActionRow]


def dashboard_data(
    user: AnyUser, espace: Espace, filters: Filters, is_member: bool
) -> DashboardData:
    actors = actor_rows(user, espace, is_member)
    actions = action_rows(user, espace, themes=False)
    rows = [r for r in dashboard_rows(user, espace, filters) if r.acteur_id in actors]
    infos = {pk: dashboard_maths.ActorInfo(a.name, a.kind) for pk, a in actors.items()}
    computed = dashboard_maths.compute(rows, infos, filters.measure)
    return DashboardData(filters, computed, actors, actions)


NETWORK_CACHE_SECONDS = 24 * 3600


def _cached_network(pairs: list[tuple[int, int]], acteur_ids: list[int]) -> network_maths.Network:
    """The network's metrics are costly (betweenness, communities) and depend only on who
    shares which action: they are cached under a digest of exactly that, so any change of
    the data, or another access scope, gives another key. One cache read per page; a write
    when the data changed."""
    digest = hashlib.sha256(repr((pairs, acteur_ids)).encode()).hexdigest()
    key = f"cooperation-reseau-{network_maths.VERSION}-{digest}"
    network = cache.get(key)
    if network is None:
        network = network_maths.build(pairs, acteur_ids)
        cache.set(key, network, NETWORK_CACHE_SECONDS)
    return network


@dataclass
class NetworkData:
    network: network_maths.Network
    actors: dict[int, ActorRow]
    actions: dict[int, ActionRow]
    absent: dict[str, list[str]]
    levels_by_action: dict[int, dict[str, int]]
    levels_by_year: dict[int, dict[str, int]]


def network_data(user: AnyUser, espace: Espace, is_member: bool) -> NetworkData:
    actors = actor_rows(user, espace, is_member)
    actions = action_rows(user, espace)
    participations = list(
        PARTICIPATION.visible(user, espace)
        .values_list("acteur_id", "action_id", "level", "since")
        .order_by()
    )
    contributed = list(
        CONTRIBUTION.visible(user, espace)
        .values_list("acteur_id", "action_id")
        .distinct()
        .order_by()
    )
    pairs = [(a, b) for a, b, _level, _since in participations] + contributed
    pairs = sorted({(a, b) for a, b in pairs if a in actors and b in actions})
    network = _cached_network(pairs, sorted(actors))
    absent = network_maths.absent_kinds(
        {pk: a.themes for pk, a in actions.items()},
        pairs,
        {pk: a.kind for pk, a in actors.items()},
        ActeurKind.values,
    )

    def year_of(action_id: int, since: date | None) -> int | None:
        start = since or actions[action_id].start
        return start.year if start else None

    per_action, per_year = network_maths.level_distribution(
        (
            (action_id, level, year_of(action_id, since))
            for acteur_id, action_id, level, since in participations
            if acteur_id in actors and action_id in actions
        ),
        Level.values,
    )
    return NetworkData(network, actors, actions, absent, per_action, per_year)
