"""Cost of inaction: the path « sans action » against the path « avec action », year by year."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.carbone import value_avoided_emissions
from balises.valeur.erreurs import AnneeEuroError, ValeurError
from balises.valeur.inaction import (
    PrixUnitaire,
    Trajectoire,
    build_trajectoire,
    compare_trajectoires,
)
from balises.valeur.monnaie import Montant
from balises.valeur.parametres_yaml import default_parametres

CENT = Decimal("0.01")
costs = st.decimals(min_value=0, max_value=10_000_000, places=2)


def eur(value, year=2018):
    return Montant(Decimal(value), year)


def q(value):
    return value.quantize(CENT)


def fictitious_example():
    """The illustrative town of docs/valeur-calculs.md (not a real town), in euros 2018."""
    prix = PrixUnitaire(prix=eur(100), annee=2023, hausse_annuelle=Decimal("0.05"))
    reference = build_trajectoire("Sans action", 2023, 2026, Decimal(1000), prix)
    projet = build_trajectoire(
        "Avec rénovation",
        2023,
        2026,
        {2023: Decimal(1000), 2024: Decimal(700), 2025: Decimal(700), 2026: Decimal(700)},
        prix,
        investissements={2023: eur(60000)},
    )
    return reference, projet


def test_worked_example_malaunay_2022_with_only_the_two_published_totals():
    # Tendance Ouest, Nov. 2022: ~700 k€ budgeted for 2022, ~1.5 M€ had nothing been done.
    reference = Trajectoire("Sans la décennie d'action", {2022: eur(1_500_000, 2022)})
    projet = Trajectoire("Budget 2022", {2022: eur(700_000, 2022)})
    bilan = compare_trajectoires(reference, projet, Decimal("0.032"))
    assert bilan.cout_evite == bilan.cout_evite_actualise == 800_000
    assert q(bilan.ratio) == Decimal("2.14")
    assert bilan.annee_euro == 2022
    # The decade's investments are not in the two totals: the payback says so.
    assert bilan.annee_retour == 2022
    assert "aucun surcoût d'investissement" in bilan.message_retour


def test_worked_example_of_the_docs_year_by_year():
    reference, projet = fictitious_example()
    assert [q(cout.valeur) for cout in reference.couts.values()] == [
        Decimal("100000.00"),
        Decimal("105000.00"),
        Decimal("110250.00"),
        Decimal("115762.50"),
    ]
    bilan = compare_trajectoires(reference, projet, Decimal("0.032"))
    assert [q(ligne.evite) for ligne in bilan.lignes] == [
        Decimal("-60000.00"),
        Decimal("31500.00"),
        Decimal("33075.00"),
        Decimal("34728.75"),
    ]
    assert [q(ligne.cumul_actualise) for ligne in bilan.lignes] == [
        Decimal("-60000.00"),
        Decimal("-29476.74"),
        Decimal("1578.89"),
        Decimal("33176.20"),
    ]
    assert q(bilan.cout_evite) == Decimal("39303.75")
    assert q(bilan.va_reference) == Decimal("410587.33")
    assert q(bilan.va_projet) == Decimal("377411.13")
    assert bilan.ratio.quantize(Decimal("0.0001")) == Decimal("1.0879")
    assert bilan.annee_retour == 2025 and bilan.message_retour == ""


def test_worked_example_of_the_docs_avoided_tonnes_valued_with_quinet_2019():
    reference, projet = fictitious_example()
    chemin = default_parametres().valeur_carbone("quinet-2019")
    tonnes = {2024: Decimal(60), 2025: Decimal(60), 2026: Decimal(60)}
    carbone = value_avoided_emissions(tonnes, chemin)
    assert [q(ligne.prix) for ligne in carbone.lignes] == [
        Decimal("152.00"),
        Decimal("168.33"),
        Decimal("184.67"),
    ]
    assert q(carbone.valeur) == Decimal("30300.00")
    bilan = compare_trajectoires(reference, projet, Decimal("0.032"), carbone=carbone)
    assert q(bilan.carbone_actualise) == Decimal("28401.50")
    assert q(bilan.cout_evite_actualise_avec_carbone) == Decimal("61577.70")
    assert bilan.annee_retour == 2025  # the carbon value never hastens the budget's payback


def test_the_end_year_cannot_precede_the_start_year():
    prix = PrixUnitaire(prix=eur(100), annee=2023)
    with pytest.raises(ValeurError, match=r"L'année de fin précède l'année de début\."):
        build_trajectoire("Sans action", 2026, 2023, Decimal(1000), prix)


def test_a_price_cannot_be_negative_nor_fall_by_100_percent_a_year():
    with pytest.raises(ValeurError, match="100 %"):
        PrixUnitaire(prix=eur(100), annee=2023, hausse_annuelle=Decimal(-1))
    with pytest.raises(ValeurError, match="négatif"):
        PrixUnitaire(prix=eur(-1), annee=2023)


def test_paths_must_cover_the_same_years_without_gaps():
    with pytest.raises(ValeurError, match="mêmes années"):
        compare_trajectoires(
            Trajectoire("A", {2022: eur(1), 2023: eur(1)}),
            Trajectoire("B", {2022: eur(1)}),
            Decimal(0),
        )
    with pytest.raises(ValeurError, match="saute des années"):
        Trajectoire("A", {2022: eur(1), 2024: eur(1)})


def test_a_missing_consumption_or_an_investment_outside_the_period_is_refused():
    prix = PrixUnitaire(prix=eur(100), annee=2023)
    with pytest.raises(ValeurError, match="consommation de 2024 manque"):
        build_trajectoire("A", 2023, 2024, {2023: Decimal(1)}, prix)
    with pytest.raises(ValeurError, match="hors de la période"):
        build_trajectoire("A", 2023, 2024, Decimal(1), prix, investissements={2030: eur(1)})


def test_paths_in_different_euro_years_are_not_compared():
    with pytest.raises(AnneeEuroError, match="plusieurs années"):
        compare_trajectoires(
            Trajectoire("A", {2022: eur(10, 2022)}),
            Trajectoire("B", {2022: eur(5, 2018)}),
            Decimal(0),
        )


def test_carbon_in_another_euro_year_joins_the_costs_only_after_an_explicit_conversion():
    chemin = default_parametres().valeur_carbone("quinet-2019")
    carbone = value_avoided_emissions({2024: Decimal(10)}, chemin)
    in_2022 = Trajectoire("A", {y: eur(1, 2022) for y in range(2023, 2027)})
    with pytest.raises(AnneeEuroError, match="euros 2018 et les coûts en euros 2022"):
        compare_trajectoires(in_2022, in_2022, Decimal(0), carbone=carbone)
    converted = carbone.converted(2022, Decimal("1.1"))  # an illustrative coefficient
    bilan = compare_trajectoires(in_2022, in_2022, Decimal(0), carbone=converted)
    assert bilan.carbone_actualise == Decimal(10) * Decimal(152) * Decimal("1.1")


def test_a_carbon_path_of_unknown_euro_year_never_joins_the_costs():
    chemin = default_parametres().valeur_carbone("quinet-2025")
    carbone = value_avoided_emissions({2030: Decimal(1)}, chemin)
    assert carbone.valeur == 300 and carbone.annee_euro is None
    path = Trajectoire("A", {2030: eur(1)})
    with pytest.raises(AnneeEuroError, match="année inconnue"):
        compare_trajectoires(path, path, Decimal(0), carbone=carbone)


def test_avoided_emissions_outside_the_period_are_refused():
    chemin = default_parametres().valeur_carbone("quinet-2019")
    carbone = value_avoided_emissions({2030: Decimal(1)}, chemin)
    path = Trajectoire("A", {2029: eur(1)})
    with pytest.raises(ValeurError, match="hors de la période"):
        compare_trajectoires(path, path, Decimal(0), carbone=carbone)


def test_an_action_not_paid_back_within_the_period_has_no_payback_year_and_says_why():
    bilan = compare_trajectoires(
        Trajectoire("Sans action", {2024: eur(100), 2025: eur(100)}),
        Trajectoire("Avec action", {2024: eur(300), 2025: eur(50)}),
        Decimal(0),
    )
    assert bilan.annee_retour is None
    assert "reste négatif en 2025" in bilan.message_retour


def test_a_project_path_that_costs_nothing_gives_no_ratio_but_a_message():
    bilan = compare_trajectoires(
        Trajectoire("Sans action", {2024: eur(100)}),
        Trajectoire("Avec action", {2024: eur(0)}),
        Decimal(0),
    )
    assert bilan.ratio is None and "ne se calcule pas" in bilan.message_ratio


@given(st.lists(st.tuples(costs, costs), min_size=1, max_size=15))
def test_at_a_zero_rate_the_avoided_cost_is_the_difference_of_the_totals(rows):
    reference = Trajectoire("R", {2020 + i: eur(r) for i, (r, _p) in enumerate(rows)})
    projet = Trajectoire("P", {2020 + i: eur(p) for i, (_r, p) in enumerate(rows)})
    bilan = compare_trajectoires(reference, projet, Decimal(0))
    assert bilan.cout_evite == bilan.total_reference - bilan.total_projet
    assert bilan.cout_evite_actualise == bilan.cout_evite
    assert bilan.lignes[-1].cumul_actualise == bilan.cout_evite_actualise


@given(st.lists(costs.filter(lambda c: c > 0), min_size=1, max_size=15))
def test_doing_the_same_as_the_reference_avoids_nothing(rows):
    path = Trajectoire("R", {2020 + i: eur(cost) for i, cost in enumerate(rows)})
    bilan = compare_trajectoires(path, path, Decimal("0.045"))
    assert bilan.cout_evite_actualise == 0 and bilan.ratio == 1
    assert bilan.annee_retour == 2020


@given(
    st.decimals(min_value=Decimal("-0.5"), max_value=Decimal("0.5"), places=3),
    st.integers(min_value=2000, max_value=2060),
)
def test_a_price_rises_by_its_yearly_rate_from_one_year_to_the_next(hausse, year):
    prix = PrixUnitaire(prix=eur(100), annee=2020, hausse_annuelle=hausse)
    ratio = prix.for_year(year + 1).valeur / prix.for_year(year).valeur
    assert abs(ratio - (1 + hausse)) < Decimal("1e-20")
