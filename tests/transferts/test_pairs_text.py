"""Peer finder: the text block (hashed TF-IDF over French stems)."""

from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balises.core.text import stems
from balises.transferts.pairs.encoding import TextHasher, stem_counts


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcéèôœ -'’.,ÉLeS"), max_size=80))
def test_text_is_cut_and_stemmed_as_the_search_index_does(text):
    counts, shown = stem_counts(text)
    assert counts == Counter(stems(text))
    assert set(shown) == set(counts)


def test_the_readable_word_keeps_its_accents():
    _counts, shown = stem_counts("Les haies BOCAGÈRES")
    assert shown["bocager"] == "bocagères"


def test_the_same_stem_lands_in_the_same_slot_in_every_process():
    hasher = TextHasher(64).fit([Counter({"chaufferi": 1})])
    first = hasher.vector(Counter({"chaufferi": 2}))
    assert (
        np.flatnonzero(first).tolist()
        == np.flatnonzero(TextHasher(64).fit([]).vector(Counter({"chaufferi": 1}))).tolist()
    )
    assert np.linalg.norm(first) == pytest.approx(1)


def test_rare_stems_weigh_more_than_stems_every_text_uses():
    documents = [Counter({"projet": 1, "chaufferi": 1})] + [Counter({"projet": 1})] * 9
    hasher = TextHasher(256).fit(documents)
    weights = hasher.weights(Counter({"projet": 1, "chaufferi": 1}))
    assert weights["chaufferi"] > 2 * weights["projet"]


def test_an_empty_text_gives_an_empty_vector():
    assert not TextHasher(32).fit([]).vector(Counter()).any()
