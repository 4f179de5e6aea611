"""Decontextualisation assistant: amounts, dates, justifications, and the national names."""

import pytest

from balises.transferts.decontexte import (
    DATE,
    LIEU,
    MONTANT,
    Lieu,
    build_local_index,
    build_national_index,
    check,
)
from balises.transferts.nombres import order_of_magnitude, per_inhabitant


def kinds(text, **options):
    return [(f.kind, f.text) for f in check(text, None, **options)]


@pytest.mark.parametrize(
    "amount",
    [
        "14 M€",
        "14M€",
        "700 000 euros",
        "700\u202f000 €",
        "1,5 million",
        "1,5 million d'euros",
        "2 millions d’euros",
        "3,2 k€",
        "1,2 Md€",
        "35 000 EUR",
    ],
)
def test_amounts_are_found_as_written(amount):
    assert kinds(f"La commune a investi {amount} sur six ans.") == [(MONTANT, amount)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Lancé en 2014, le projet", "2014"),
        ("depuis mars 2019 déjà", "mars 2019"),
        ("le 12 mars 2019 au soir", "12 mars 2019"),
        ("le 1er février 2020", "1er février 2020"),
        ("le 12/03/2019", "12/03/2019"),
        ("le mandat 2014-2020", "2014-2020"),
        ("le mandat 2014–2020", "2014–2020"),
        ("fin 2020", "fin 2020"),
        ("au printemps 2021", "printemps 2021"),
    ],
)
def test_dates_and_years_are_found(text, date):
    assert kinds(text) == [(DATE, date)]


@pytest.mark.parametrize(
    "text",
    [
        "une commune de 2 000 habitants",
        "2000 habitants",
        "2019 logements rénovés",
        "12 ateliers et 40 bénévoles",
        "le groupe 15 de la grille",
    ],
)
def test_quantities_that_are_not_money_or_years_are_left_alone(text):
    assert kinds(text) == []


def test_an_amount_is_suggested_as_an_order_of_magnitude_and_per_inhabitant():
    finding = check("Un budget de 14 M€.", None, population=6_900)[0]
    assert finding.suggestion == (
        "Exprimer en ordre de grandeur : « environ 10 M€ » ou rapporté à l'habitant : "
        "« environ 2\u202f000 € par habitant »"
    )
    assert check("Un budget de 14 M€.", None)[0].suggestion.endswith("« environ 10 M€ »")


@pytest.mark.parametrize(
    ("euros", "text"),
    [
        (14e6, "environ 10 M€"),
        (2.5e6, "environ 3 M€"),
        (700_000, "environ 700 k€"),
        (35_000, "environ 40 k€"),
        (1.2e9, "environ 1 Md€"),
        (40, "environ 40 €"),
    ],
)
def test_orders_of_magnitude_keep_one_significant_figure(euros, text):
    assert order_of_magnitude(euros) == text


def test_per_inhabitant_needs_a_population():
    assert per_inhabitant(700_000, 6_900) == "environ 100 € par habitant"
    assert per_inhabitant(700_000, 0) == ""


def test_a_date_suggestion_speaks_of_durations_and_steps():
    assert "durée" in check("En 2014.", None)[0].suggestion


def test_justified_spans_and_terms_are_not_reported_again():
    national = build_national_index([Lieu("Malaunay", "commune", 6_000)])
    text = "En 2014, Malaunay a investi 14 M€ ; Malaunay a continué en 2015."
    everything = check(text, national)
    assert [f.kind for f in everything] == [DATE, LIEU, MONTANT, LIEU, DATE]
    first_year = everything[0]
    kept = check(text, national, justified=[(first_year.start, first_year.end), "malaunay"])
    assert [(f.kind, f.text) for f in kept] == [(MONTANT, "14 M€"), (DATE, "2015")]
    # A span covering more than the finding justifies what lies inside it.
    assert check(text, national, justified=[(0, len(text))]) == []


def test_the_local_index_is_optional_and_the_national_one_too():
    local = build_local_index([Lieu("Malaunay", "commune", 6_000)])
    assert [f.kind for f in check("malaunay", None, local)] == [LIEU]
    assert check("Malaunay", None) == []
