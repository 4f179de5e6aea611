"""The inter-service dashboard, computed from plain rows (no ORM): who contributes what to
which project, totals by nature and year, each project's transversality, who carries the load.

The rows are contribution sums grouped by (actor, action, nature, unit, period kind, year),
as one query returns them; amounts in ETP become hours (balises.cooperation.units).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from balises.cooperation.units import normalise

ZERO = Decimal(0)
SERVICE = "service"


@dataclass(frozen=True)
class Row:
    acteur_id: int
    action_id: int
    nature: str
    unit: str
    period_kind: str
    year: int
    amount: Decimal


@dataclass(frozen=True)
class ActorInfo:
    name: str
    kind: str


@dataclass
class Transversality:
    action_id: int
    actors: int
    services: int
    kinds: int


@dataclass
class Load:
    acteur_id: int
    total: Decimal
    share: float  # of the measure's grand total, 0..1


@dataclass
class Dashboard:
    measure: str
    acteur_ids: list[int]  # matrix rows, services first, then by load
    action_ids: list[int]  # matrix columns, by total
    cells: dict[tuple[int, int], Decimal]
    row_totals: dict[int, Decimal]
    column_totals: dict[int, Decimal]
    grand_total: Decimal
    by_nature: dict[str, dict[str, Decimal]]  # nature → measure → total
    by_year: dict[int, dict[str, Decimal]]  # year → measure → total
    transversality: list[Transversality]
    load: list[Load]
    measures: list[str] = field(default_factory=list)  # measures present in the data


def compute(
    rows: Iterable[Row], actors: Mapping[int, ActorInfo], measure: str = "heures"
) -> Dashboard:
    cells: dict[tuple[int, int], Decimal] = defaultdict(lambda: ZERO)
    by_nature: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    by_year: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    contributors: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        row_measure, value = normalise(row.amount, row.unit, row.period_kind)
        by_nature[row.nature][row_measure] += value
        by_year[row.year][row_measure] += value
        contributors[row.action_id].add(row.acteur_id)
        if row_measure == measure:
            cells[(row.acteur_id, row.action_id)] += value
    row_totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    column_totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for (acteur_id, action_id), value in cells.items():
        row_totals[acteur_id] += value
        column_totals[action_id] += value
    grand = sum(row_totals.values(), ZERO)
    present = {m for totals in by_nature.values() for m in totals}

    def kind(acteur_id: int) -> str:
        info = actors.get(acteur_id)
        return info.kind if info else ""

    acteur_ids = sorted(
        row_totals, key=lambda a: (kind(a) != SERVICE, -row_totals[a], _name(actors, a), a)
    )
    action_ids = sorted(column_totals, key=lambda a: (-column_totals[a], a))
    load = [
        Load(a, row_totals[a], float(row_totals[a] / grand) if grand else 0.0)
        for a in sorted(row_totals, key=lambda a: (-row_totals[a], a))
    ]
    transversality = sorted(
        (
            Transversality(
                action_id,
                len(ids),
                sum(1 for a in ids if kind(a) == SERVICE),
                len({kind(a) for a in ids}),
            )
            for action_id, ids in contributors.items()
        ),
        key=lambda t: (-t.services, -t.kinds, -t.actors, t.action_id),
    )
    return Dashboard(
        measure=measure,
        acteur_ids=acteur_ids,
        action_ids=action_ids,
        cells=dict(cells),
        row_totals=dict(row_totals),
        column_totals=dict(column_totals),
        grand_total=grand,
        by_nature={n: dict(t) for n, t in sorted(by_nature.items())},
        by_year={y: dict(t) for y, t in sorted(by_year.items())},
        transversality=transversality,
        load=load,
        measures=[m for m in ("heures", "euros", "m2", "unites") if m in present],
    )


def _name(actors: Mapping[int, ActorInfo], acteur_id: int) -> str:
    info = actors.get(acteur_id)
    return info.name.casefold() if info else ""


def year_series(dashboard: Dashboard, measure: str) -> list[tuple[int, Decimal]]:
    """(year, total) of one measure for every year from the first to the last, gaps as 0."""
    years = [y for y, totals in dashboard.by_year.items() if totals.get(measure)]
    if not years:
        return []
    return [
        (y, dashboard.by_year.get(y, {}).get(measure, ZERO))
        for y in range(min(years), max(years) + 1)
    ]
