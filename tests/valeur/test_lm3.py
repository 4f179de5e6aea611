"""LM3 = (R1 + R2 + R3) / R1, each round part of the one before; round 3 from surveys."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from balises.valeur.erreurs import ValeurError
from balises.valeur.lm3 import GroupeEnquete, average_local_share, compute_lm3, round_three

amounts = st.decimals(min_value=0, max_value=10_000_000, places=2)
shares = st.decimals(min_value=0, max_value=1, places=3)


def test_worked_example_of_the_docs():
    # 100,000 € enter; 60,000 € are spent locally; the local recipients re-spend 25,000 €.
    resultat = compute_lm3(Decimal(100_000), Decimal(60_000), Decimal(25_000))
    assert resultat.total == 185_000
    assert resultat.lm3 == Decimal("1.85")


def test_lm3_is_one_when_nothing_is_spent_locally():
    assert compute_lm3(Decimal(500), Decimal(0), Decimal(0)).lm3 == 1


def test_lm3_is_three_when_everything_stays_local():
    assert compute_lm3(Decimal(500), Decimal(500), Decimal(500)).lm3 == 3


@given(amounts, shares, shares)
def test_lm3_lies_between_one_and_three_when_each_round_is_at_most_the_one_before(r1, s2, s3):
    assume(r1 > 0)
    r2 = r1 * s2
    r3 = r2 * s3
    assert 1 <= compute_lm3(r1, r2, r3).lm3 <= 3


def test_the_plugging_the_leaks_average_of_five_staff_surveys_is_45_4_percent():
    answers = [Decimal(p) / 100 for p in ("42.1", "50.5", "63.1", "37.8", "33.6")]
    assert average_local_share(answers).quantize(Decimal("0.001")) == Decimal("0.454")


def test_staff_spending_40_percent_of_200000_locally_make_80000_of_round_three():
    staff = GroupeEnquete("Salariés", Decimal(200_000), (Decimal("0.40"),))
    assert round_three([staff]) == 80_000


@given(st.lists(st.tuples(amounts, st.lists(shares, min_size=1, max_size=5)), max_size=5))
def test_round_three_never_exceeds_what_the_groups_received(groups):
    groupes = [GroupeEnquete("G", amount, tuple(parts)) for amount, parts in groups]
    received = sum((groupe.montant_recu for groupe in groupes), Decimal(0))
    assert 0 <= round_three(groupes) <= received


def test_a_round_larger_than_the_one_before_is_refused_in_french():
    with pytest.raises(ValeurError, match="Le tour 2 dépasse le tour 1"):
        compute_lm3(Decimal(100), Decimal(120), Decimal(0))
    with pytest.raises(ValeurError, match="Le tour 3 dépasse le tour 2"):
        compute_lm3(Decimal(100), Decimal(50), Decimal(60))


def test_negative_amounts_and_an_empty_first_round_are_refused():
    with pytest.raises(ValeurError, match="négatifs"):
        compute_lm3(Decimal(100), Decimal(-1), Decimal(0))
    with pytest.raises(ValeurError, match="supérieur à zéro"):
        compute_lm3(Decimal(0), Decimal(0), Decimal(0))


def test_survey_answers_must_exist_and_be_shares():
    with pytest.raises(ValeurError, match="Aucune réponse"):
        average_local_share([])
    with pytest.raises(ValeurError, match="entre 0 et 100 %"):
        average_local_share([Decimal("1.2")])
