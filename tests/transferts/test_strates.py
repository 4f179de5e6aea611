"""Population strata under the DGF grid: bounds, labels and source."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.transferts.strates import DGF, strate_of


@pytest.mark.parametrize(
    ("population", "number"),
    [
        (0, 1),
        (499, 1),
        (500, 2),
        (999, 2),
        (1_000, 3),
        (3_499, 4),
        (3_500, 5),
        (4_999, 5),
        (5_000, 6),
        (199_999, 14),
        (200_000, 15),
        (2_100_000, 15),
    ],
)
def test_a_population_falls_in_its_dgf_group_on_both_sides_of_each_bound(population, number):
    assert strate_of(population).number == number


def test_the_dgf_grid_has_fifteen_groups_that_follow_each_other_without_gap():
    assert len(DGF.strates) == 15
    for before, after in zip(DGF.strates, DGF.strates[1:], strict=False):
        assert before.high is not None
        assert after.low == before.high + 1
    assert DGF.strates[-1].high is None


def test_labels_are_french_with_narrow_spaces_between_thousands():
    assert strate_of(4_000).label == "3\u202f500 – 4\u202f999 hab."
    assert strate_of(250_000).label == "200\u202f000 hab. et plus"
    assert strate_of(4_000).range_text == "de 3\u202f500 à 4\u202f999 habitants"


def test_the_grid_names_its_source_address_and_year():
    assert DGF.source_url.startswith("https://")
    assert DGF.year >= 2025
    assert "L2334-3" in DGF.citation
    assert str(DGF.year) in DGF.citation


def test_a_negative_population_is_refused():
    with pytest.raises(ValueError, match="négative"):
        strate_of(-1)


@given(st.integers(min_value=0, max_value=10_000_000))
def test_every_population_has_exactly_one_group(population):
    holding = [strate for strate in DGF.strates if strate.contains(population)]
    assert holding == [strate_of(population)]


@given(st.integers(min_value=0, max_value=10_000_000), st.integers(min_value=0, max_value=10**7))
def test_groups_grow_with_the_population(first, second):
    low, high = sorted((first, second))
    assert strate_of(low).number <= strate_of(high).number
