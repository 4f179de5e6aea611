"""The one rule that turns time into hours and hours into full-time equivalents (ETP).

1 ETP for a year is 1,607 hours: the legal annual working time in France (35 h a week,
Code du travail L3121-27, and the « journée de solidarité »). A monthly ETP is a twelfth of it.
Every page, export and API answer converts through these functions (docs/cooperation.md).
"""

from __future__ import annotations

from decimal import Decimal

from balises.cooperation.models.choices import Nature, PeriodKind, Unit

HOURS_PER_FTE_YEAR = Decimal("1607")
MONTHS_PER_YEAR = 12

# Which units each nature accepts; the first is the one proposed by default.
UNITS_BY_NATURE: dict[str, tuple[str, ...]] = {
    Nature.TEMPS: (Unit.HEURES, Unit.ETP),
    Nature.ARGENT: (Unit.EUROS,),
    Nature.EN_NATURE: (Unit.EUROS, Unit.M2, Unit.UNITES),
    Nature.COMPETENCES: (Unit.HEURES, Unit.ETP, Unit.EUROS),
}

# What amounts are added up in: hours for time, the unit itself otherwise.
MEASURES: tuple[str, ...] = ("heures", "euros", "m2", "unites")


def hours_per_fte(period_kind: str) -> Decimal:
    """Hours worked by one full-time person over a month or a year."""
    if period_kind == PeriodKind.MONTH:
        return HOURS_PER_FTE_YEAR / MONTHS_PER_YEAR
    return HOURS_PER_FTE_YEAR


def to_hours(amount: Decimal, unit: str, period_kind: str) -> Decimal:
    """Hours of an amount of time given in hours or in ETP over the period."""
    if unit == Unit.ETP:
        return amount * hours_per_fte(period_kind)
    return amount


def hours_to_fte(hours: Decimal, period_kind: str = PeriodKind.YEAR) -> Decimal:
    """ETP over the period that these hours represent (ETP-years by default)."""
    return hours / hours_per_fte(period_kind)


def measure_of(unit: str) -> str:
    """The measure an amount is added up in: ETP become hours."""
    return "heures" if unit in (Unit.HEURES, Unit.ETP) else unit


def normalise(amount: Decimal, unit: str, period_kind: str) -> tuple[str, Decimal]:
    """(measure, value in that measure) of one contribution."""
    return measure_of(unit), to_hours(amount, unit, period_kind)


def unit_allowed(nature: str, unit: str) -> bool:
    return unit in UNITS_BY_NATURE.get(nature, ())
