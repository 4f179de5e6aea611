"""The transfer bench scenarios run, and the national names behave as the rules say."""

import pytest

from balises.core.bench import SCENARIOS, BenchContext
from balises.territoires.dataset import read_dataset, shipped_dataset
from balises.transferts import bench
from balises.transferts.decontexte import LIEU, build_national_index, check, lieux_from_dataset


def test_the_peer_measure_returns_search_and_floor_timings_on_a_small_matrix():
    measured = bench.measure_peers(territoires=2_000, espaces=300, queries=10)
    assert measured["search_median_ms"] > 0 and measured["floor_median_ms"] > 0
    assert measured["ratio_median"] == pytest.approx(
        measured["search_median_ms"] / measured["floor_median_ms"]
    )


def test_synthetic_situations_have_the_asked_shape():
    situations = bench.synthetic_situations(territoires=1_000, espaces=150, words=5)
    assert len(situations) == 1_000
    assert sum(1 for s in situations if s.profil) == 150
    assert {s.kind for s in situations} == {"commune", "epci"}


def test_the_sample_text_has_about_the_asked_number_of_words():
    assert 2_000 <= len(bench.sample_text(2_000).split()) < 2_100


def test_both_scenarios_are_registered():
    assert {"transferts-pairs", "transferts-decontexte"} <= set(SCENARIOS)


@pytest.mark.slow
def test_the_decontexte_scenario_measures_the_national_names():
    check_time, build = bench.decontexte(BenchContext(quick=True))
    assert check_time.unit == "ms" and check_time.budget == "< 50 ms"
    assert build.samples[0] > 0


@pytest.mark.slow
def test_the_national_names_flag_places_and_leave_ordinary_words():
    national = build_national_index(lieux_from_dataset(read_dataset(shipped_dataset())))
    text = (
        "À Loos-en-Gohelle comme au Havre, à Saint-Jean-de-Luz ou à Bar-le-Duc, le Plan "
        "climat, un bar associatif et le projet Eu égard aux moyens : nous sommes prêts. "
        "Y aller en Bretagne, à Paris ou à Malaunay."
    )
    assert [f.text for f in check(text, national) if f.kind == LIEU] == [
        "Loos-en-Gohelle",
        "Havre",
        "Saint-Jean-de-Luz",
        "Bar-le-Duc",
        "Bretagne",
        "Paris",
        "Malaunay",
    ]
