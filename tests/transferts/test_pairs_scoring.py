"""Peer finder: who comes first, what may be shown, and the arithmetic behind the score."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balises.transferts.pairs import (
    DEFAULT_WEIGHTS,
    Filters,
    Profil,
    Situation,
    build_features,
    encode_query,
    find_peers,
    floor_scores,
    query_for,
)
from balises.transferts.pairs.scoring import score_all, top_rows
from balises.transferts.pairs.weights import BLOCKS

from .peers_data import BALISES, THEMES, features, situations


def ids(peers):
    return [suggestion.id for suggestion in peers.suggestions]


def test_the_twin_comes_first_and_the_territory_itself_never_appears():
    matrix = features()
    peers = find_peers(matrix, query_for(matrix, 1), k=20)
    assert ids(peers)[0] == 2
    assert 1 not in ids(peers)


def test_a_similar_profile_elsewhere_beats_a_neighbour_with_an_opposite_profile():
    matrix = features()
    order = ids(find_peers(matrix, query_for(matrix, 1), k=20))
    assert order.index(3) < order.index(4)


def test_a_territory_without_space_is_matched_on_its_context_only():
    matrix = features()
    peers = find_peers(matrix, query_for(matrix, 5), k=3)
    assert peers.suggestions[0].contributions["maturite"] == 0
    assert peers.max_score == pytest.approx(
        DEFAULT_WEIGHTS.strate + DEFAULT_WEIGHTS.nature + DEFAULT_WEIGHTS.region
    )


def test_contributions_add_up_to_the_score():
    matrix = features()
    for suggestion in find_peers(matrix, query_for(matrix, 1), k=9).suggestions:
        assert sum(suggestion.contributions.values()) == pytest.approx(suggestion.score, abs=1e-4)
        assert set(suggestion.contributions) == set(BLOCKS)


def test_only_allowed_territories_are_suggested_given_as_ids_or_as_a_mask():
    matrix = features()
    query = query_for(matrix, 1)
    assert ids(find_peers(matrix, query, allowed=[4, 6, 999])) == [4, 6]
    mask = np.zeros(len(matrix), dtype=bool)
    mask[matrix.row_of[3]] = True
    assert ids(find_peers(matrix, query, allowed=mask)) == [3]


def test_a_mask_of_the_wrong_size_is_refused():
    matrix = features()
    with pytest.raises(ValueError, match="taille"):
        find_peers(matrix, query_for(matrix, 1), allowed=np.ones(3, dtype=bool))


def test_filters_keep_the_kind_region_strata_and_spaces_asked_for():
    matrix = features()
    query = query_for(matrix, 1)
    assert set(ids(find_peers(matrix, query, filters=Filters(kind="epci")))) == {7, 8}
    assert set(ids(find_peers(matrix, query, filters=Filters(region="53")))) == {3, 8}
    in_six = find_peers(matrix, query, filters=Filters(strates=frozenset({6})))
    assert set(ids(in_six)) == {2, 4, 5, 10}
    assert set(ids(find_peers(matrix, query, filters=Filters(has_espace=True)))) == {2, 3, 4, 10}
    assert set(ids(find_peers(matrix, query, filters=Filters(region="99")))) == set()


def test_scores_are_symmetric_between_two_territories_of_the_matrix():
    matrix = features()
    scores = {
        identifier: score_all(matrix, query_for(matrix, identifier), DEFAULT_WEIGHTS)
        for identifier in matrix.row_of
    }
    for a in matrix.row_of:
        for b in matrix.row_of:
            assert scores[a][matrix.row_of[b]] == pytest.approx(
                scores[b][matrix.row_of[a]], abs=1e-5
            )


def test_the_floor_does_the_same_arithmetic_as_the_scoring_with_unit_weights():
    matrix = features()
    query = query_for(matrix, 1)
    ones = DEFAULT_WEIGHTS.with_changes(**dict.fromkeys(BLOCKS, 1.0))
    context, espace = floor_scores(matrix, query)
    context[matrix.espace_rows] += espace
    np.testing.assert_allclose(context, score_all(matrix, query, ones), atol=1e-6)


def test_a_query_built_from_a_situation_matches_the_query_from_its_row():
    matrix = features()
    from_row = query_for(matrix, 3)
    from_situation = encode_query(matrix, situations()[2])
    assert from_situation.row == from_row.row
    for block in BLOCKS:
        np.testing.assert_allclose(
            from_situation.vectors[block], from_row.vectors[block], atol=1e-6
        )


def test_a_territory_may_search_with_its_unpublished_profile():
    matrix = features()
    unpublished = Situation(
        5, "commune", 7_000, "32", profil=Profil([0, 4, 4, 0, 3, 4], [0, 0, 6, 0, 3, 0])
    )
    peers = find_peers(matrix, encode_query(matrix, unpublished), k=1)
    assert ids(peers) == [4]


def test_profiles_may_be_given_as_numpy_arrays():
    arrays = Profil(np.array([3, 2, np.nan, 4, 1, 2]), np.arange(6), np.ones(3), "jardins partagés")
    matrix = build_features([Situation(1, "commune", 700, profil=arrays)], BALISES, THEMES)
    assert np.isnan(matrix.maturite[0, 2])
    assert matrix.couverture[0].tolist() == [0, 1, 2, 3, 4, 5]


def test_an_unknown_population_has_no_stratum_and_still_gets_peers():
    matrix = features()
    peers = find_peers(matrix, query_for(matrix, 9), k=3)
    assert all(s.contributions["strate"] == 0 for s in peers.suggestions)


def test_invalid_profiles_are_refused_with_a_french_message():
    with pytest.raises(ValueError, match="niveaux"):
        build_features([Situation(1, "commune", profil=Profil([1, 2]))], BALISES)
    with pytest.raises(ValueError, match="échelle"):
        build_features([Situation(1, "commune", profil=Profil([5] * 6))], BALISES)
    with pytest.raises(ValueError, match="double"):
        build_features([Situation(1, "commune"), Situation(1, "epci")], BALISES)
    with pytest.raises(ValueError, match="nature"):
        build_features([Situation(1, "departement")], BALISES)
    with pytest.raises(ValueError, match="négatif"):
        build_features([Situation(1, "commune", profil=Profil(couverture=[-1] * 6))], BALISES)


def test_blocks_are_unit_rows_or_empty():
    matrix = features()
    for block in BLOCKS:
        rows = matrix.context if block in ("strate", "nature", "region") else matrix.espace
        norms = np.linalg.norm(rows[:, matrix.slices[block]], axis=1)
        assert np.all(np.isclose(norms, 1, atol=1e-5) | (norms == 0)), block


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=60),
    st.integers(min_value=0, max_value=12),
    st.data(),
)
def test_top_rows_are_the_best_allowed_sorted_with_ties_by_id(values, k, data):
    scores = np.array(values, dtype=np.float32)
    mask = np.array(data.draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values))))
    identifiers = np.array(data.draw(st.permutations(range(100, 100 + len(values)))))
    chosen = top_rows(scores, mask, k, identifiers).tolist()
    expected = sorted(np.flatnonzero(mask), key=lambda r: (-scores[r], identifiers[r]))[:k]
    assert chosen == [int(r) for r in expected]


@settings(max_examples=30, deadline=None)
@given(st.sets(st.integers(min_value=1, max_value=12)))
def test_no_territory_outside_the_allowed_ids_is_ever_shown(allowed):
    matrix = features()
    query = query_for(matrix, 1)
    peers = find_peers(matrix, query, k=20, allowed=allowed)
    assert set(ids(peers)) == (allowed & set(matrix.row_of)) - {1}
    assert peers.candidates == len((allowed & set(matrix.row_of)) - {1})
