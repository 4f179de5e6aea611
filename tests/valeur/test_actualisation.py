"""Discounting: t = 0 is the base year (not discounted), year t is discounted t times."""

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.actualisation import (
    TauxDecale,
    discount_factor,
    discount_factors,
    net_present_value,
    present_value,
    present_value_by_year,
)
from balises.valeur.erreurs import ValeurError
from balises.valeur.parametres_yaml import default_parametres

CENT = Decimal("0.01")
rates = st.decimals(min_value=0, max_value=Decimal("0.2"), places=3)
amounts = st.decimals(min_value=0, max_value=1_000_000, places=2)


def test_the_base_year_is_not_discounted():
    assert discount_factor(0, Decimal("0.045")) == 1


def test_worked_example_of_the_docs_three_years_of_1000_euros_at_4_5_percent():
    # 1000/1.045 + 1000/1.045² + 1000/1.045³ = 956.94 + 915.73 + 876.30 = 2748.96
    assert discount_factor(1, Decimal("0.045")).quantize(Decimal("0.000001")) == Decimal("0.956938")
    pv = present_value([Decimal(1000)] * 3, Decimal("0.045"))
    assert pv.quantize(CENT) == Decimal("2748.96")


def test_worked_example_of_the_docs_lebegue_year_31_is_thirty_years_at_4_then_one_at_2():
    lebegue = default_parametres().taux_actualisation("lebegue-2005")
    # 1 / (1.04^30 × 1.02) = 1 / 3.308265 = 0.302273
    assert discount_factor(31, lebegue).quantize(Decimal("0.000001")) == Decimal("0.302273")
    assert discount_factor(30, lebegue) == 1 / Decimal("1.04") ** 30


@given(rates, st.integers(min_value=0, max_value=60))
def test_a_constant_rate_gives_one_over_one_plus_r_to_the_power_t(rate, t):
    assert abs(discount_factor(t, rate) - 1 / (1 + rate) ** t) < Decimal("1e-20")


@given(rates, st.integers(min_value=0, max_value=60))
def test_factors_never_grow_with_time_for_a_non_negative_rate(rate, horizon):
    factors = discount_factors(horizon, rate)
    assert all(later <= earlier for earlier, later in pairwise(factors))
    assert all(0 < factor <= 1 for factor in factors)


@given(st.lists(amounts, max_size=20))
def test_at_a_zero_rate_the_present_value_is_the_plain_sum(stream):
    assert present_value(stream, Decimal(0)) == sum(stream, Decimal(0))


@given(st.lists(amounts, max_size=20), rates)
def test_discounting_never_adds_value_to_a_positive_stream(stream, rate):
    assert present_value(stream, rate) <= sum(stream, Decimal(0))


@given(st.lists(amounts, min_size=1, max_size=20), rates)
def test_a_stream_given_by_year_offset_has_the_same_present_value(stream, rate):
    by_year = {t + 1: amount for t, amount in enumerate(stream)}
    assert present_value_by_year(by_year, rate) == present_value(stream, rate)


def test_a_stream_can_start_at_the_base_year():
    assert present_value([Decimal(100), Decimal(110)], Decimal("0.1"), first_t=0) == Decimal(200)


def test_the_npv_pays_the_investment_at_t0_and_discounts_benefits_from_t1():
    npv = net_present_value(Decimal(1000), [Decimal(1100)], Decimal("0.1"))
    assert npv.quantize(CENT) == 0


def test_a_shifted_rate_moves_every_year_and_never_goes_below_zero():
    lebegue = default_parametres().taux_actualisation("lebegue-2005")
    assert TauxDecale(lebegue, Decimal("0.01")).rate_for(31) == Decimal("0.03")
    assert TauxDecale(Decimal("0.005"), Decimal("-0.01")).rate_for(1) == 0


def test_negative_rates_and_years_before_the_base_year_are_refused():
    with pytest.raises(ValeurError, match="ne peut pas être négatif"):
        discount_factor(1, Decimal("-0.01"))
    with pytest.raises(ValeurError, match="précéder l'année de base"):
        discount_factor(-1, Decimal("0.03"))
    with pytest.raises(ValeurError, match="précéder l'année de base"):
        present_value_by_year({-1: Decimal(5)}, Decimal("0.03"))
