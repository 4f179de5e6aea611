"""Money flows by category: what enters, what stays, what leaks; totals are sums of rows."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.erreurs import ValeurError
from balises.valeur.flux import AMOUNTS, CATEGORIES, Flux, build_bilan, build_diagramme

amounts = st.decimals(min_value=0, max_value=100_000_000, places=2)


@st.composite
def rows(draw):
    keys = draw(st.lists(st.sampled_from(sorted(CATEGORIES)), unique=True, max_size=5))
    result = []
    for key in keys:
        depense = draw(amounts)
        locale = draw(st.decimals(min_value=0, max_value=depense, places=2))
        result.append(Flux(key, depense, locale, draw(amounts)))
    return result


def fictitious_example():
    """docs/valeur-calculs.md: an illustrative territory (not a real one)."""
    return build_bilan(
        [
            Flux("energie", Decimal(1_000_000), Decimal(100_000), Decimal(50_000)),
            Flux("alimentation", Decimal(800_000), Decimal(240_000)),
            Flux("construction", Decimal(500_000), Decimal(300_000), Decimal(200_000)),
        ]
    )


def test_worked_example_loos_energy_spending_with_no_local_return():
    # villepilote.loos-en-gohelle.fr/energie: ~14 M€ a year on heating, lighting and transport,
    # with no local return.
    bilan = build_bilan(
        [Flux("energie", Decimal(14_000_000), libelle="Chauffage, éclairage et transport")]
    )
    assert bilan.total.fuite == 14_000_000
    assert bilan.total.recu == 0 and bilan.total.solde == -14_000_000


def test_worked_example_of_the_docs_three_categories():
    bilan = fictitious_example()
    assert [ligne.fuite for ligne in bilan.lignes] == [900_000, 560_000, 200_000]
    assert [ligne.recu for ligne in bilan.lignes] == [150_000, 240_000, 500_000]
    assert [ligne.solde for ligne in bilan.lignes] == [-850_000, -560_000, 0]
    total = bilan.total
    assert (total.depense, total.locale, total.entrees) == (2_300_000, 640_000, 250_000)
    assert (total.fuite, total.recu, total.solde) == (1_660_000, 890_000, -1_410_000)


@given(rows())
def test_a_total_always_equals_the_sum_of_its_rows(flux):
    bilan = build_bilan(flux)
    for name in AMOUNTS:
        rows_sum = sum((getattr(ligne, name) for ligne in bilan.lignes), Decimal(0))
        assert getattr(bilan.total, name) == rows_sum


@given(rows())
def test_each_row_and_the_total_balance_what_comes_in_and_what_goes_out(flux):
    bilan = build_bilan(flux)
    for ligne in (*bilan.lignes, bilan.total):
        assert ligne.depense + ligne.entrees == ligne.recu + ligne.fuite
        assert ligne.depense == ligne.locale + ligne.fuite


@given(rows())
def test_every_category_node_of_the_drawing_has_as_much_in_as_out(flux):
    diagramme = build_diagramme(build_bilan(flux))
    for noeud in diagramme.noeuds:
        if noeud.colonne == 1:
            incoming = sum((lien.montant for lien in diagramme.liens if lien.cible == noeud.id), 0)
            outgoing = sum((lien.montant for lien in diagramme.liens if lien.source == noeud.id), 0)
            assert incoming == outgoing
    assert all(lien.montant > 0 for lien in diagramme.liens)


def test_the_drawing_goes_from_origins_through_categories_to_destinations():
    diagramme = build_diagramme(fictitious_example())
    columns = {noeud.id: noeud.colonne for noeud in diagramme.noeuds}
    assert all(columns[lien.source] < columns[lien.cible] for lien in diagramme.liens)
    assert ("categorie:alimentation", "destination:exterieur", Decimal(560_000)) in [
        (lien.source, lien.cible, lien.montant) for lien in diagramme.liens
    ]


def test_a_local_part_larger_than_the_spending_a_repeated_or_unknown_category_is_refused():
    with pytest.raises(ValeurError, match="dépasse la dépense"):
        Flux("energie", Decimal(10), Decimal(11))
    with pytest.raises(ValeurError, match="apparaît deux fois"):
        build_bilan([Flux("energie", Decimal(1)), Flux("energie", Decimal(2))])
    with pytest.raises(ValeurError, match="Catégorie inconnue « eau »"):
        Flux("eau", Decimal(1))
    assert Flux("eau", Decimal(1), libelle="Eau").label == "Eau"
    with pytest.raises(ValeurError, match="négatifs"):
        Flux("energie", Decimal(-1))
