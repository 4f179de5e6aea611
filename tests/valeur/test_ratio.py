"""Value / means ratio: the number comes with what it counts and what it leaves out."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.erreurs import ValeurError
from balises.valeur.ratio import MOYENS, VALEUR, Poste, compute_ratio

amounts = st.decimals(min_value=0, max_value=10_000_000, places=2)
postes = st.builds(Poste, libelle=st.just("P"), montant=st.one_of(st.none(), amounts))


def worked_example():
    """docs/valeur-calculs.md: an illustrative action (not a real one)."""
    return compute_ratio(
        valeurs=[
            Poste("Économies d'énergie sur cinq ans", Decimal(120_000)),
            Poste("Recettes de vente d'électricité", Decimal(30_000)),
            Poste("Fierté des habitants, notoriété", raison="valeur symbolique"),
        ],
        moyens=[
            Poste("Travaux", Decimal(90_000)),
            Poste("Ingénierie", Decimal(10_000)),
            Poste("Temps bénévole (400 h)", raison="temps non valorisé en euros"),
        ],
    )


def test_worked_example_of_the_docs():
    rapport = worked_example()
    assert (rapport.valeur, rapport.moyens, rapport.ratio) == (150_000, 100_000, Decimal("1.5"))
    assert [(c.cote, c.libelle) for c in rapport.not_counted] == [
        (VALEUR, "Fierté des habitants, notoriété"),
        (MOYENS, "Temps bénévole (400 h)"),
    ]
    assert rapport.not_counted[1].raison == "temps non valorisé en euros"
    assert len(rapport.counted) == 4 and rapport.message == ""


def test_no_means_in_euros_gives_no_ratio_but_a_french_message():
    rapport = compute_ratio([Poste("Valeur", Decimal(10))], [Poste("Locaux prêtés")])
    assert rapport.ratio is None
    assert "Aucun moyen chiffré en euros" in rapport.message
    assert rapport.not_counted[0].raison == "non chiffré en euros"


@given(st.lists(postes, max_size=6), st.lists(postes, max_size=6))
def test_every_item_is_either_counted_or_listed_as_not_counted(valeurs, moyens):
    rapport = compute_ratio(valeurs, moyens)
    assert len(rapport.counted) + len(rapport.not_counted) == len(valeurs) + len(moyens)
    assert rapport.valeur == sum((p.montant for p in valeurs if p.montant is not None), 0)
    assert rapport.moyens == sum((p.montant for p in moyens if p.montant is not None), 0)
    assert (rapport.ratio is None) == (rapport.moyens == 0)


def test_negative_means_are_refused_but_destroyed_value_is_counted():
    with pytest.raises(ValeurError, match="ne peut pas être négatif"):
        compute_ratio([], [Poste("Travaux", Decimal(-1))])
    rapport = compute_ratio([Poste("Perte", Decimal(-50))], [Poste("Travaux", Decimal(100))])
    assert rapport.ratio == Decimal("-0.5")
