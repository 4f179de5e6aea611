"""Peer finder: the French reasons given for each suggestion, and the weights behind them."""

import numpy as np
import pytest

from balises.transferts.pairs import DEFAULT_WEIGHTS, Weights, explain, find_peers, query_for
from balises.transferts.pairs.encoding import soft_codes
from balises.transferts.pairs.features import maturity_codes
from balises.transferts.pairs.weights import BLOCKS

from .peers_data import features


def suggestion(matrix, query_id, peer_id, **options):
    peers = find_peers(matrix, query_for(matrix, query_id), k=20, **options)
    return next(s for s in peers.suggestions if s.id == peer_id)


def test_the_twin_is_explained_by_stratum_with_its_grid_region_profile_and_words():
    matrix = features()
    reasons = suggestion(matrix, 1, 2).reasons
    assert "même strate démographique (5\u202f000 – 7\u202f499 hab., grille DGF lue en 2026)" in (
        reasons
    )
    assert "même région (Hauts-de-France)" in reasons
    assert "même nature de territoire (commune)" in reasons
    assert "profils de maturité proches sur B1, B2, B3, B4… (+1)" in reasons
    assert "balises travaillées par les deux : B4, B1, B2, B6" in reasons
    assert "thèmes d'action communs : énergie, alimentation" in reasons
    assert "récits et fiches proches (bois, alimente, bocagères, chaleur… (+8))" in reasons


def test_the_strongest_block_is_given_first():
    matrix = features()
    found = suggestion(matrix, 1, 2)
    assert found.reasons[0].startswith("profils de maturité proches")  # weight 2, full match


def test_a_neighbouring_stratum_and_another_region_are_said_as_such():
    matrix = features()
    reasons = suggestion(matrix, 1, 3).reasons
    assert any(
        r.startswith("strate démographique voisine (7\u202f500 – 9\u202f999 hab.") for r in reasons
    )
    assert not any(r.startswith("même région") for r in reasons)


def test_two_intercommunalities_of_different_types_are_half_alike():
    matrix = features()
    found = suggestion(matrix, 7, 8)
    assert found.contributions["nature"] == pytest.approx(0.5 * DEFAULT_WEIGHTS.nature)
    assert "intercommunalité elle aussi (communauté de communes)" in found.reasons


def test_a_block_that_brought_nothing_gives_no_reason():
    matrix = features()
    found = suggestion(matrix, 1, 8)  # an EPCI in Brittany with no space
    assert found.reasons == []


def test_weights_change_the_order_and_zero_silences_a_block():
    matrix = features()
    query = query_for(matrix, 1)
    only_region = Weights(**dict.fromkeys(BLOCKS, 0.0)).with_changes(region=1.0)
    peers = find_peers(matrix, query, k=20, weights=only_region)
    top = [s for s in peers.suggestions if s.score > 0]
    assert {s.id for s in top} == {2, 4, 5, 7, 10}
    assert all(s.reasons == ["même région (Hauts-de-France)"] for s in top)


def test_every_weight_has_a_french_explanation_and_negative_weights_are_refused():
    explained = explain()
    assert [name for name, _value, _text in explained] == list(BLOCKS)
    assert all(len(text) > 40 for _name, _value, text in explained)
    with pytest.raises(ValueError, match="poids « region »"):
        Weights(region=-1)
    with pytest.raises(ValueError):
        Weights(texte=float("nan"))


def test_soft_codes_make_neighbours_two_thirds_alike_and_three_apart_unlike():
    codes = soft_codes(np.arange(15), 15)
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)
    assert codes[5] @ codes[5] == pytest.approx(1)
    assert codes[5] @ codes[6] == pytest.approx(2 / 3)
    assert codes[5] @ codes[7] == pytest.approx(1 / 6)
    assert codes[5] @ codes[8] == pytest.approx(0)


def test_an_unknown_level_neither_brings_closer_nor_pushes_apart():
    known = np.array([[2, 3, 1, 4], [2, 3, 1, 0]], dtype=np.float32)
    unknown = known.copy()
    unknown[:, 3] = np.nan
    raw = maturity_codes(unknown)
    # The three known balises agree: the profiles are identical once the unknown is left out.
    assert raw[0] @ raw[1] == pytest.approx(1)
    codes = maturity_codes(known)
    assert codes[0] @ codes[1] < 1


def test_a_profile_with_fewer_than_three_levels_is_left_empty():
    codes = maturity_codes(np.array([[1, np.nan, 2, np.nan]], dtype=np.float32))
    assert not codes.any()
