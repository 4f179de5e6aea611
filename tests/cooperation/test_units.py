"""The hours ↔ ETP rule: 1 ETP over a year is 1,607 hours, over a month a twelfth of it."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from balises.cooperation.units import (
    HOURS_PER_FTE_YEAR,
    hours_to_fte,
    normalise,
    to_hours,
    unit_allowed,
)

amounts = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


def test_one_fte_for_a_year_is_the_legal_annual_working_time():
    assert to_hours(Decimal(1), "etp", "year") == Decimal(1607) == HOURS_PER_FTE_YEAR


def test_one_fte_for_a_month_is_a_twelfth_of_the_year():
    assert to_hours(Decimal(12), "etp", "month") == Decimal(1607)


def test_hours_stay_hours_and_money_is_not_converted():
    assert normalise(Decimal(35), "heures", "month") == ("heures", Decimal(35))
    assert normalise(Decimal("120.50"), "euros", "year") == ("euros", Decimal("120.50"))


@given(amounts, st.sampled_from(["month", "year"]))
def test_fte_to_hours_and_back_gives_the_same_amount(amount, period):
    back = hours_to_fte(to_hours(amount, "etp", period), period)
    assert abs(back - amount) < Decimal("0.0000001")


def test_each_nature_has_its_units():
    assert unit_allowed("temps", "etp")
    assert not unit_allowed("temps", "euros")
    assert unit_allowed("en_nature", "m2")
    assert not unit_allowed("argent", "heures")
