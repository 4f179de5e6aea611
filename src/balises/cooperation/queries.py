"""Database reads of the dashboard and the network: a fixed number of queries whatever the
size of the space (asserted in tests/cooperation/test_performance.py), then pure computations
(dashboard.py, network.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from balises.territoires.models import Espace
from balises.trajectoires.models import Phase
from balises.trajectoires.models.codes import has_code
from balises.trajectoires.permissions import visible_actions

from . import dashboard as dashboard_maths
from . import network as network_maths
from .models import ANONYMOUS_HABITANT, ActeurKind, Level
from .permissions import visible_acteurs, visible_contributions, visible_participations

if TYPE_CHECKING:
    from balises.territoires.permissions import AnyUser


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
    rows = visible_acteurs(user, espace).values_list(
        "pk", "name", "kind", "consent_public", "parent_id"
    )
    return {
        pk: ActorRow(
            pk,
            name
            if is_member or consent or kind != ActeurKind.HABITANT
            else str(ANONYMOUS_HABITANT),
            kind,
            str(labels.get(kind, kind)),
            parent_id,
        )
        for pk, name, kind, consent, parent_id in rows
    }


def action_rows(user: AnyUser, espace: Espace) -> dict[int, ActionRow]:
    rows = visible_actions(user, espace).values_list("pk", "title", "themes", "start")
    return {
        pk: ActionRow(pk, title, list(themes) if isinstance(themes, list) else [], start)
        for pk, title, themes, start in rows
    }


def _contributions(user: AnyUser, espace: Espace, filters: Filters):
    queryset = visible_contributions(user, espace)
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
    """Contribution sums by actor, action, nature, unit, period kind and year (one query)."""
    grouped = (
        _contributions(user, espace, filters)
        .annotate(year=ExtractYear("period_start"))
        .values("acteur_id", "action_id", "nature", "unit", "period_kind", "year")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return [
        dashboard_maths.Row(
            g["acteur_id"],
            g["action_id"],
            g["nature"],
            g["unit"],
            g["period_kind"],
            g["year"],
            g["total"],
        )
        for g in grouped
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
    actions = action_rows(user, espace)
    rows = [r for r in dashboard_rows(user, espace, filters) if r.acteur_id in actors]
    infos = {pk: dashboard_maths.ActorInfo(a.name, a.kind) for pk, a in actors.items()}
    computed = dashboard_maths.compute(rows, infos, filters.measure)
    return DashboardData(filters, computed, actors, actions)


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
        visible_participations(user, espace)
        .annotate(year=ExtractYear("since"))
        .values_list("acteur_id", "action_id", "level", "year")
        .order_by()
    )
    contributed = list(
        visible_contributions(user, espace)
        .values_list("acteur_id", "action_id")
        .distinct()
        .order_by()
    )
    pairs = [(a, b) for a, b, _level, _year in participations] + contributed
    pairs = [(a, b) for a, b in pairs if a in actors and b in actions]
    network = network_maths.build(pairs, actors)
    absent = network_maths.absent_kinds(
        {pk: a.themes for pk, a in actions.items()},
        pairs,
        {pk: a.kind for pk, a in actors.items()},
        ActeurKind.values,
    )

    def year_of(action_id: int, year: int | None) -> int | None:
        start = actions[action_id].start
        return year if year is not None else (start.year if start else None)

    per_action, per_year = network_maths.level_distribution(
        (
            (action_id, level, year_of(action_id, year))
            for acteur_id, action_id, level, year in participations
            if acteur_id in actors and action_id in actions
        ),
        Level.values,
    )
    return NetworkData(network, actors, actions, absent, per_action, per_year)
