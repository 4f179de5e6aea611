"""Amounts carry their euro year; years are never mixed without an explicit conversion."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.erreurs import AnneeEuroError, ValeurError
from balises.valeur.monnaie import Montant, convert_euro_year, sum_montants

values = st.decimals(min_value=-1_000_000, max_value=1_000_000, places=2)


@given(st.lists(values, max_size=10))
def test_amounts_of_one_euro_year_add_up_in_that_year(numbers):
    total = sum_montants([Montant(value, 2022) for value in numbers], annee_euro=2022)
    assert total == Montant(sum(numbers, Decimal(0)), 2022)


def test_amounts_of_two_euro_years_are_not_added():
    with pytest.raises(AnneeEuroError, match="plusieurs années \\(2018, 2022\\)"):
        Montant(Decimal(1), 2018) + Montant(Decimal(1), 2022)


def test_an_amount_of_unknown_euro_year_is_combined_with_nothing_not_even_another_unknown():
    with pytest.raises(AnneeEuroError, match="année inconnue"):
        Montant(Decimal(1), None) + Montant(Decimal(1), None)


def test_a_sum_in_another_euro_year_than_expected_is_refused():
    with pytest.raises(AnneeEuroError, match=r"euros 2018.*euros 2022"):
        sum_montants([Montant(Decimal(1), 2018)], annee_euro=2022)


def test_an_explicit_conversion_makes_amounts_addable():
    converted = convert_euro_year(Montant(Decimal(100), 2018), 2022, Decimal("1.1"))
    assert converted + Montant(Decimal(10), 2022) == Montant(Decimal("120.0"), 2022)


def test_an_amount_of_unknown_year_cannot_be_converted_and_the_coefficient_must_be_positive():
    with pytest.raises(AnneeEuroError):
        convert_euro_year(Montant(Decimal(100), None), 2022, Decimal("1.1"))
    with pytest.raises(ValeurError, match="strictement positif"):
        convert_euro_year(Montant(Decimal(100), 2018), 2022, Decimal(0))
