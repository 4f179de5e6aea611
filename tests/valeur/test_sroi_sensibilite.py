"""Sensitivity of the SROI ratio: each assumption moved down and up, one at a time."""

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.sroi import CarteValeur, Effet
from balises.valeur.sroi_sensibilite import sensitivity

CENT = Decimal("0.01")
shares = st.decimals(min_value=0, max_value=1, places=2)
effets = st.builds(
    Effet,
    libelle=st.just("Effet"),
    quantite=st.decimals(min_value=0, max_value=1000, places=0),
    proxy=st.decimals(min_value=0, max_value=10_000, places=2),
    duree=st.integers(min_value=1, max_value=6),
    aubaine=shares,
    deplacement=shares,
    attribution=shares,
    erosion=shares,
)


def worked_example():
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


def line(result, hypothese):
    return next(v for v in result.variations if v.hypothese == hypothese)


def test_worked_example_of_the_docs_deadweight_moved_by_ten_points():
    result = sensitivity(worked_example(), Decimal("0.035"))
    assert result.ratio.quantize(CENT) == Decimal("1.52")
    aubaine = line(result, "aubaine")
    assert (aubaine.valeur_basse, aubaine.valeur_haute) == (Decimal("0.10"), Decimal("0.30"))
    # 1.5221 × 0.9 / 0.8 and 1.5221 × 0.7 / 0.8
    assert aubaine.ratio_bas.quantize(CENT) == Decimal("1.71")
    assert aubaine.ratio_haut.quantize(CENT) == Decimal("1.33")


def test_every_assumption_of_every_outcome_and_the_rate_are_tried():
    result = sensitivity(worked_example(), Decimal("0.035"))
    names = [v.hypothese for v in result.variations]
    assert names == [
        "quantite",
        "proxy",
        "duree",
        "aubaine",
        "deplacement",
        "attribution",
        "erosion",
        "taux",
    ]
    assert line(result, "taux").effet is None
    assert line(result, "duree").valeur_basse == 2 and line(result, "duree").valeur_haute == 4


def test_shares_stay_between_zero_and_one_hundred_percent():
    result = sensitivity(worked_example(), Decimal("0.035"))
    deplacement = line(result, "deplacement")
    assert deplacement.valeur_basse == 0 and deplacement.ratio_bas == result.ratio


def test_without_investment_there_is_no_sensitivity_but_the_reason():
    result = sensitivity(replace(worked_example(), investissement=Decimal(0)), Decimal("0.035"))
    assert result.ratio is None and result.variations == ()
    assert "Aucun investissement" in result.message


@given(effets, st.decimals(min_value=0, max_value=Decimal("0.08"), places=3))
def test_a_higher_deduction_or_rate_never_raises_the_ratio(effet, rate):
    result = sensitivity(CarteValeur((effet,), Decimal(1000)), rate)
    for variation in result.variations:
        if variation.hypothese in {"aubaine", "deplacement", "attribution", "erosion", "taux"}:
            assert variation.ratio_bas >= result.ratio >= variation.ratio_haut
        else:
            assert variation.ratio_bas <= result.ratio <= variation.ratio_haut
