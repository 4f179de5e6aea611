"""Named, dated, sourced parameter sets: discount rates and carbon value paths."""

import copy
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balises.valeur.parametres import ParametreError
from balises.valeur.parametres_yaml import default_parametres, load_parametres, parse_parametres

MINIMAL = {
    "format": "balises-parametres-valeur/1",
    "taux_actualisation": [
        {
            "key": "essai",
            "label": {"fr": "Essai", "en": "Test"},
            "source": {"title": "Titre", "url": "https://example.org/", "published": "2021-10"},
            "verified": False,
            "schedule": [{"from_t": 1, "rate_pct": "3"}],
        }
    ],
    "valeurs_carbone": [
        {
            "key": "chemin",
            "label": {"fr": "Chemin", "en": "Path"},
            "source": {"title": "Titre", "url": "https://example.org/", "published": None},
            "verified": True,
            "euro_year": 2018,
            "anchors": {2020: "10", 2030: "30"},
        }
    ],
}


def document(**changes):
    """A copy of the minimal document; changes go to the first rate set or the carbon path."""
    doc = copy.deepcopy(MINIMAL)
    for name, value in changes.items():
        where, _sep, key = name.partition("__")
        target = doc["taux_actualisation"][0] if where == "taux" else doc["valeurs_carbone"][0]
        target[key] = value
    return doc


def test_every_shipped_set_has_labels_a_source_address_and_a_verification_flag():
    parametres = default_parametres()
    sets = [*parametres.taux.values(), *parametres.carbone.values()]
    assert len(sets) == 7
    for jeu in sets:
        assert jeu.label_fr and jeu.label_en and jeu.source.title
        assert jeu.source.url.startswith(("http://", "https://"))
        assert isinstance(jeu.verified, bool)


def test_figures_marked_to_verify_in_the_research_are_not_presented_as_verified():
    parametres = default_parametres()
    for key in ("lebegue-2005", "quinet-2013", "complement-operationnel-2021", "green-book-3-5"):
        assert parametres.taux_actualisation(key).verified is False
    for key in ("quinet-2008", "quinet-2019", "quinet-2025"):
        assert parametres.valeur_carbone(key).verified is True


def test_the_discount_rates_are_those_of_their_sources():
    parametres = default_parametres()
    assert parametres.taux_actualisation("quinet-2013").rate_for(1) == Decimal("0.045")
    assert parametres.taux_actualisation("complement-operationnel-2021").rate_for(10) == Decimal(
        "0.032"
    )
    assert parametres.taux_actualisation("green-book-3-5").rate_for(5) == Decimal("0.035")


def test_lebegue_rate_is_four_percent_for_thirty_years_then_two_percent():
    lebegue = default_parametres().taux_actualisation("lebegue-2005")
    assert lebegue.rate_for(1) == lebegue.rate_for(30) == Decimal("0.04")
    assert lebegue.rate_for(31) == lebegue.rate_for(100) == Decimal("0.02")


def test_quinet_2019_values_are_in_2018_euros_and_hit_their_anchors():
    chemin = default_parametres().valeur_carbone("quinet-2019")
    assert chemin.euro_year == 2018
    assert [chemin.value_for(year) for year in (2018, 2030, 2040, 2050)] == [54, 250, 500, 775]


def test_quinet_2019_is_interpolated_linearly_as_in_the_research_note():
    chemin = default_parametres().valeur_carbone("quinet-2019")
    expected = {2020: "86.67", 2023: "135.67", 2025: "168.33", 2035: "375.00", 2045: "637.50"}
    for year, value in expected.items():
        assert chemin.value_for(year).quantize(Decimal("0.01")) == Decimal(value)


def test_the_euro_year_of_quinet_2025_is_recorded_as_unknown():
    chemin = default_parametres().valeur_carbone("quinet-2025")
    assert chemin.euro_year is None
    assert chemin.value_for(2030) == 300 and chemin.value_for(2050) == 563
    assert "à vérifier" in chemin.note_fr


def test_a_year_outside_the_path_is_refused_rather_than_extrapolated():
    chemin = default_parametres().valeur_carbone("quinet-2025")
    with pytest.raises(ParametreError, match="couvre 2030 à 2050 : l'année 2029 n'y figure pas"):
        chemin.value_for(2029)
    with pytest.raises(ParametreError, match="2051"):
        chemin.value_for(2051)


@given(st.integers(min_value=2018, max_value=2050))
def test_an_interpolated_value_lies_between_the_anchors_around_it(year):
    chemin = default_parametres().valeur_carbone("quinet-2019")
    before = max(anchor for anchor in chemin.anchors if anchor[0] <= year)
    after = min(anchor for anchor in chemin.anchors if anchor[0] >= year)
    assert before[1] <= chemin.value_for(year) <= after[1]


@given(st.integers(min_value=2018, max_value=2049))
def test_a_rising_path_never_falls_from_one_year_to_the_next(year):
    chemin = default_parametres().valeur_carbone("quinet-2019")
    assert chemin.value_for(year) <= chemin.value_for(year + 1)


def test_an_unknown_parameter_set_is_refused_naming_the_known_ones():
    with pytest.raises(ParametreError, match=r"clés connues : .*quinet-2013"):
        default_parametres().taux_actualisation("quinet-2031")


def test_an_unknown_key_in_the_file_is_refused_with_a_french_message():
    with pytest.raises(ParametreError, match="Clé inconnue « taux » dans le jeu « essai »"):
        parse_parametres(document(taux__taux="4"))
    doc = document()
    doc["valeurs"] = []
    with pytest.raises(ParametreError, match="Clé inconnue « valeurs » dans le fichier"):
        parse_parametres(doc)


def test_a_forgotten_euro_year_is_not_taken_for_an_unknown_one():
    doc = document()
    del doc["valeurs_carbone"][0]["euro_year"]
    with pytest.raises(ParametreError, match="écrivez null"):
        parse_parametres(doc)
    assert parse_parametres(document(carbone__euro_year=None)).carbone["chemin"].euro_year is None


def test_a_schedule_must_start_at_year_one_in_increasing_order():
    with pytest.raises(ParametreError, match="commencer à t = 1"):
        parse_parametres(document(taux__schedule=[{"from_t": 2, "rate_pct": "3"}]))
    steps = [{"from_t": 1, "rate_pct": "4"}, {"from_t": 1, "rate_pct": "2"}]
    with pytest.raises(ParametreError, match="commencer à t = 1"):
        parse_parametres(document(taux__schedule=steps))


def test_a_set_without_source_address_or_verification_flag_is_refused():
    with pytest.raises(ParametreError, match="adresse web"):
        parse_parametres(document(taux__source={"title": "Sans adresse", "url": "example"}))
    with pytest.raises(ParametreError, match="verified"):
        parse_parametres(document(taux__verified="oui"))


def test_a_wrong_format_a_repeated_key_or_a_non_number_is_refused():
    doc = document()
    doc["format"] = "autre/2"
    with pytest.raises(ParametreError, match="Format de fichier"):
        parse_parametres(doc)
    doc = document()
    doc["taux_actualisation"].append(copy.deepcopy(doc["taux_actualisation"][0]))
    with pytest.raises(ParametreError, match="utilisée deux fois"):
        parse_parametres(doc)
    with pytest.raises(ParametreError, match="n'est pas un nombre"):
        parse_parametres(document(carbone__anchors={2020: "beaucoup"}))
    with pytest.raises(ParametreError, match="illisible"):
        parse_parametres(document(taux__source={"url": "https://x.org", "published": "mars"}))


def test_an_unreadable_file_gives_a_french_error(tmp_path):
    broken = tmp_path / "parametres.yaml"
    broken.write_text("format: [unclosed\n", encoding="utf-8")
    with pytest.raises(ParametreError, match="illisible"):
        load_parametres(broken)
