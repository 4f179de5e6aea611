"""« Forts là où je suis faible » : who is strong on my weakest balises."""

import numpy as np

from balises.transferts.pairs import Filters, query_for, strong_where_weak
from balises.transferts.pairs.forces import weakest_balises

from .peers_data import features


def test_my_weakest_known_balises_come_lowest_first_with_ties_in_balise_order():
    levels = np.array([3, 1, 1, 4, np.nan, 0], dtype=np.float32)
    assert weakest_balises(levels, 3) == [5, 1, 2]
    assert weakest_balises(levels, 10) == [5, 1, 2, 0]  # level 4 cannot improve, NaN unknown


def test_for_each_weak_balise_the_strongest_territories_come_first():
    matrix = features()
    answer = strong_where_weak(matrix, query_for(matrix, 1), weakest=2, per_balise=5)
    assert [weak.balise for weak in answer] == ["B3", "B2"]
    b3 = answer[0]
    assert b3.my_level == 1
    assert [(p.id, p.level) for p in b3.peers] == [(10, 4.0), (4, 4.0)]
    # Same level 4: the territory more like mine (closer profile and words) first.
    assert b3.peers[0].score > b3.peers[1].score


def test_ties_on_level_go_to_the_more_similar_then_to_the_smaller_id():
    matrix = features()
    answer = strong_where_weak(matrix, query_for(matrix, 1), weakest=1, per_balise=10)
    peers = answer[0].peers
    keys = [(-p.level, -p.score, p.id) for p in peers]
    assert keys == sorted(keys)


def test_only_strictly_stronger_visible_territories_are_named():
    matrix = features()
    answer = strong_where_weak(matrix, query_for(matrix, 1), weakest=3, allowed=[10, 3])
    for weak in answer:
        assert {p.id for p in weak.peers} <= {10, 3}
        assert all(p.level > weak.my_level for p in weak.peers)
        assert 1 not in {p.id for p in weak.peers}


def test_filters_apply_and_a_territory_without_levels_has_no_weak_balise():
    matrix = features()
    answer = strong_where_weak(matrix, query_for(matrix, 1), filters=Filters(region="53"))
    assert all({p.id for p in weak.peers} <= {3} for weak in answer)
    assert strong_where_weak(matrix, query_for(matrix, 5)) == []
