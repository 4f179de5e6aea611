"""The in-memory index behind the directory, on plain rows (no database)."""

from hypothesis import given
from hypothesis import strategies as st

from balises.territoires.index import Filters, Row, TerritoireIndex


def row(id, name, kind="commune", population=100, departement=1, region=1, code="", postcodes=""):
    from balises.core.text import fold

    return Row(
        id, kind, fold(name), population, departement, region, code or f"{id:05}", "", postcodes
    )


INDEX = TerritoireIndex(
    [
        row(1, "Saint-Étienne", population=170_000, code="42218"),
        row(2, "Saint-Étienne Métropole", kind="epci", population=400_000, code="244200770"),
        row(3, "Saint-Étienne-du-Rouvray", population=28_000),
        row(4, "Marseille", population=870_000, postcodes="13001 13002"),
        row(5, "Métropole d'Aix-Marseille-Provence", kind="epci", population=1_900_000),
        row(6, "L'Abergement-Clémenciat", population=800, departement=2),
        row(7, "Montpellier", population=300_000, departement=3, region=2),
        row(8, "Montélier", population=4_000, departement=3, region=2),
    ]
)


def test_abbreviation_st_means_saint_and_the_exact_name_comes_first():
    assert INDEX.search("st etienne")[:3] == [1, 2, 3]


def test_a_name_fully_typed_with_a_typo_beats_a_longer_name_containing_it():
    assert INDEX.search("marseile")[:2] == [4, 5]


def test_a_missing_apostrophe_space_is_forgiven_by_whole_name_similarity():
    assert INDEX.search("labergement clemenciat") == [6]


def test_two_typos_are_allowed_in_long_words_only():
    assert INDEX.search("montpelier")[0] == 7
    assert INDEX.search("mantpelloer") == [7]
    assert INDEX.search("mar") == [4, 5]


def test_postcode_and_code_prefix_search():
    assert INDEX.search("13002") == [4]
    assert INDEX.search("4221") == [1]


def test_filters_apply_to_searches_and_listings():
    assert INDEX.search("", Filters(kind="epci")) == [5, 2]
    assert INDEX.search("mont", Filters(region_id=2, population_min=10_000)) == [7]


@given(st.text(max_size=30))
def test_any_text_gives_known_ids_without_duplicates(text):
    found = INDEX.search(text)
    assert len(found) == len(set(found))
    assert set(found) <= set(range(1, 9))


def test_an_empty_index_finds_nothing():
    empty = TerritoireIndex([])
    assert empty.search("") == [] and empty.search("lens") == [] and empty.search("62") == []
