"""SROI value map: impact, value per year with drop-off from the second year, PV, NPV, ratios."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.erreurs import ValeurError
from balises.valeur.parametres_yaml import default_parametres
from balises.valeur.sroi import CarteValeur, Effet, compute_sroi

CENT = Decimal("0.01")
shares = st.decimals(min_value=0, max_value=1, places=2)
rates = st.decimals(min_value=0, max_value=Decimal("0.1"), places=3)
effets = st.builds(
    Effet,
    libelle=st.just("Effet"),
    quantite=st.decimals(min_value=0, max_value=1000, places=0),
    proxy=st.decimals(min_value=0, max_value=10_000, places=2),
    duree=st.integers(min_value=1, max_value=10),
    debut=st.integers(min_value=1, max_value=2),
    aubaine=shares,
    deplacement=shares,
    attribution=shares,
    erosion=shares,
)
investments = st.decimals(min_value=1, max_value=1_000_000, places=2)


def worked_example():
    """docs/valeur-calculs.md: ten people, 1,000 € each, 3 years, 10,000 € invested."""
    effet = Effet(
        libelle="Retour à l'emploi",
        quantite=Decimal(10),
        proxy=Decimal(1000),
        duree=3,
        aubaine=Decimal("0.20"),
        attribution=Decimal("0.25"),
        erosion=Decimal("0.10"),
    )
    return CarteValeur(effets=(effet,), investissement=Decimal(10_000))


def test_worked_example_of_the_docs():
    taux = default_parametres().taux_actualisation("green-book-3-5")
    resultat = compute_sroi(worked_example(), taux)
    assert resultat.impacts[0].impact == 6000
    assert resultat.valeurs == (6000, 5400, 4860)
    assert [q.quantize(CENT) for q in resultat.va_par_annee] == [
        Decimal("5797.10"),
        Decimal("5040.96"),
        Decimal("4383.44"),
    ]
    assert resultat.va.quantize(CENT) == Decimal("15221.50")
    assert resultat.van.quantize(CENT) == Decimal("5221.50")
    assert resultat.ratio.quantize(CENT) == Decimal("1.52")
    assert resultat.ratio_net.quantize(CENT) == Decimal("0.52")
    assert resultat.annee_retour == 2


@given(effets)
def test_impact_is_zero_when_deadweight_is_total(effet):
    assert replace(effet, aubaine=Decimal(1)).impact == 0


@given(effets)
def test_impact_is_zero_when_attribution_is_total(effet):
    assert replace(effet, attribution=Decimal(1)).impact == 0


@given(effets)
def test_no_drop_off_gives_a_flat_stream_over_the_outcomes_years(effet):
    effet = replace(effet, erosion=Decimal(0))
    values = [effet.value_in_year(t) for t in range(effet.debut, effet.derniere_annee + 1)]
    assert values == [effet.impact] * effet.duree


@given(effets)
def test_drop_off_starts_in_the_outcomes_second_year(effet):
    assert effet.value_in_year(effet.debut) == effet.impact
    if effet.duree > 1:
        second = effet.value_in_year(effet.debut + 1)
        assert second == effet.impact * (1 - effet.erosion)


def test_an_outcome_starting_after_the_activity_has_no_value_in_year_one():
    effet = Effet(libelle="Après", quantite=Decimal(1), proxy=Decimal(100), duree=2, debut=2)
    resultat = compute_sroi(CarteValeur((effet,), Decimal(100)), Decimal(0))
    assert resultat.valeurs == (0, 100, 100)


def test_a_zero_investment_gives_no_ratio_but_a_clear_message():
    carte = replace(worked_example(), investissement=Decimal(0))
    resultat = compute_sroi(carte, Decimal("0.035"))
    assert resultat.ratio is None and resultat.ratio_net is None
    assert "Aucun investissement" in resultat.message
    assert resultat.annee_retour is None and resultat.message_retour


@given(effets, investments, rates, shares, shares)
def test_the_ratio_never_rises_when_deadweight_rises(effet, investment, rate, first, second):
    low, high = sorted((first, second))
    ratio_low = compute_sroi(CarteValeur((replace(effet, aubaine=low),), investment), rate).ratio
    ratio_high = compute_sroi(CarteValeur((replace(effet, aubaine=high),), investment), rate).ratio
    assert ratio_high <= ratio_low


@given(st.lists(effets, max_size=4), investments, rates)
def test_the_net_ratio_is_the_ratio_less_one_and_pv_is_the_sum_of_its_years(
    outcomes, investment, rate
):
    resultat = compute_sroi(CarteValeur(tuple(outcomes), investment), rate)
    assert abs(resultat.ratio_net - (resultat.ratio - 1)) < Decimal("1e-20")
    assert resultat.va == sum(resultat.va_par_annee, Decimal(0))
    assert resultat.va <= sum(resultat.valeurs, Decimal(0))


@given(st.lists(effets, min_size=1, max_size=4), investments)
def test_the_yearly_totals_are_the_sums_of_the_outcomes_values(outcomes, investment):
    resultat = compute_sroi(CarteValeur(tuple(outcomes), investment), Decimal("0.035"))
    for t, total in enumerate(resultat.valeurs):
        assert total == sum((impact.valeurs[t] for impact in resultat.impacts), Decimal(0))


def test_an_outcome_that_harms_a_stakeholder_lowers_the_value():
    good = Effet(libelle="Gain", quantite=Decimal(1), proxy=Decimal(100), duree=1)
    harm = Effet(libelle="Nuisance", quantite=Decimal(1), proxy=Decimal(-30), duree=1)
    resultat = compute_sroi(CarteValeur((good, harm), Decimal(50)), Decimal(0))
    assert resultat.va == 70 and resultat.ratio == Decimal("1.4")


def test_a_value_that_never_reaches_the_investment_has_no_payback_year_and_says_why():
    resultat = compute_sroi(worked_example(), Decimal(0))
    assert resultat.annee_retour == 2
    carte = replace(worked_example(), investissement=Decimal(1_000_000))
    resultat = compute_sroi(carte, Decimal(0))
    assert resultat.annee_retour is None and "n'atteint pas" in resultat.message_retour


def test_assumptions_out_of_range_are_refused_in_french():
    with pytest.raises(ValeurError, match="taux d'aubaine de « E » doit être compris entre 0"):
        Effet(libelle="E", quantite=Decimal(1), proxy=Decimal(1), duree=1, aubaine=Decimal(2))
    with pytest.raises(ValeurError, match="durée de « E » est d'au moins un an"):
        Effet(libelle="E", quantite=Decimal(1), proxy=Decimal(1), duree=0)
    with pytest.raises(ValeurError, match="quantité de « E »"):
        Effet(libelle="E", quantite=Decimal(-1), proxy=Decimal(1), duree=1)
    with pytest.raises(ValeurError, match="investissement ne peut pas être négatif"):
        CarteValeur((), Decimal(-1))
