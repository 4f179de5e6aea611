"""Folding and stemming: the normalisation every index and query goes through."""

from hypothesis import given, settings
from hypothesis import strategies as st

from balises.core.text import fold, stem_word, stems, words

# Regular French plurals (word + "s"), written with accents as people type them.
SINGULARS = [
    "économie",
    "énergétique",
    "société",
    "mobilité",
    "rénovation",
    "bâtiment",
    "école",
    "transition",
    "jardin",
    "arbre",
    "projet",
    "habitant",
    "ville",
    "commune",
    "déchet",
    "territoire",
    "forêt",
    "coopérative",
    "stratégie",
    "démarche",
]


def test_fold_lowercases_removes_accents_and_punctuation():
    assert fold("  L'Économie — ÉNERGÉTIQUE, bien-être !  ") == "l economie energetique bien etre"


def test_fold_expands_ligatures():
    assert fold("Œuvre cæcum") == "oeuvre caecum"


def test_economies_and_economie_share_a_stem():
    assert stems("économies") == stems("économie") == stems("Economie")


def test_energetique_without_accents_matches_energetique_with_accents():
    assert stems("energetique") == stems("énergétique")


def test_stopwords_are_dropped():
    assert stems("la rénovation des écoles") == stems("rénovation école")
    assert words("de la") == []


@settings(deadline=None)
@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(deadline=None)
@given(st.text())
def test_fold_leaves_only_lowercase_words_separated_by_single_spaces(text):
    folded = fold(text)
    assert folded == folded.strip()
    assert "  " not in folded
    assert all(word.isalnum() for word in folded.split())


@settings(deadline=None)
@given(st.text())
def test_stems_never_raise_and_give_one_stem_per_meaningful_word(text):
    result = stems(text)
    assert len(result) == len(words(text))
    assert all(stem and " " not in stem for stem in result)


@settings(deadline=None)
@given(st.text())
def test_stems_do_not_depend_on_accents_or_case(text):
    assert stems(text) == stems(fold(text).upper())


@settings(deadline=None)
@given(st.sampled_from(SINGULARS), st.booleans())
def test_a_regular_plural_has_the_same_stem_as_its_singular(word, capitalised):
    if capitalised:
        word = word.capitalize()
    assert stems(word + "s") == stems(word)


@settings(deadline=None)
@given(st.text())
def test_stems_piece_by_piece_equal_stems_of_the_folded_words(text):
    assert stems(text) == [stem_word(word) for word in words(text)]
