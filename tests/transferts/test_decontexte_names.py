"""Decontextualisation assistant: place, actor and person names, and the ordinary-word rule."""

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balises.transferts.decontexte import (
    ACTEUR,
    LIEU,
    PERSONNE,
    Lieu,
    NomLocal,
    build_local_index,
    build_national_index,
    check,
)
from balises.transferts.mots_courants import ORDINARY_WORDS

NATIONAL = [
    Lieu("Loos-en-Gohelle", "commune", 6_900),
    Lieu("Le Mené", "commune", 6_500),
    Lieu("Saint-Jean-de-Luz", "commune", 14_000),
    Lieu("Saint-Jean", "commune", 11_000),
    Lieu("Villeneuve-d'Ascq", "commune", 62_000),
    Lieu("Le Havre", "commune", 166_000),
    Lieu("Malaunay", "commune", 6_000),
    Lieu("Bar-le-Duc", "commune", 15_000),
    Lieu("Bar", "commune", 300),
    Lieu("Plan", "commune", 300),
    Lieu("Sommes", "commune", 200),
    Lieu("Eu", "commune", 6_500),
    Lieu("Y", "commune", 90),
    Lieu("Sens", "commune", 27_000),
    Lieu("Mars", "commune", 550),
    Lieu("Ore", "commune", 150),
    Lieu("Saint-Martin", "commune", 800),
    Lieu("Saint-Martin", "commune", 45_000),
    Lieu("Bretagne", "region", 3_400_000),
    Lieu("CA de Lens - Liévin", "epci", 242_000, "CA"),
]


@pytest.fixture(scope="module")
def national():
    return build_national_index(NATIONAL)


def found(text, national, local=None, **options):
    return [(f.kind, f.text) for f in check(text, national, local, **options)]


@pytest.mark.parametrize(
    "written",
    [
        "Loos-en-Gohelle",
        "Loos en Gohelle",
        "LOOS-EN-GOHELLE",
        "Loos-En-Gohelle",
        "Villeneuve d’Ascq",
        "Villeneuve-d'Ascq",
        "Saint-Jean-de-Luz",
        "St-Jean-de-Luz",
        "Saint Jean de Luz",
        "Le Mene",
    ],
)
def test_multi_word_names_are_found_whatever_their_hyphens_apostrophes_and_accents(
    written, national
):
    assert found(f"Nous sommes allés à {written} hier.", national) == [(LIEU, written)]


def test_the_longest_name_wins(national):
    assert found("Visite de Saint-Jean-de-Luz.", national) == [(LIEU, "Saint-Jean-de-Luz")]
    assert found("Visite de Saint-Jean, puis retour.", national) == [(LIEU, "Saint-Jean")]


def test_a_national_name_needs_capitals(national):
    assert found("on a vu loos en gohelle et malaunay", national) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le Plan climat a été voté.",
        "Un bar associatif ouvre le mardi.",
        "Bar et restaurant sont tenus par des bénévoles.",
        "Nous sommes nombreux. Sommes-nous prêts ?",
        "Il y a eu des débats. Y aller à pied.",
        "Sens et valeurs du projet.",
        "Les fonds de l'ORE ont servi.",
        "Le Plan local d'urbanisme.",
    ],
)
def test_ordinary_words_that_are_also_commune_names_are_not_flagged(text, national):
    assert found(text, national) == []


def test_an_ordinary_name_is_flagged_with_a_sign_that_it_is_a_place(national):
    assert found("Dans la commune de Plan, le conseil a voté.", national) == [(LIEU, "Plan")]
    assert found("La ville d'Eu a suivi.", national) == [(LIEU, "Eu")]
    assert found("Comme à Sens, la régie a recruté.", national) == [(LIEU, "Sens")]
    assert found("Elle a rejoint Le Mené en 2017.", national)[0] == (LIEU, "Le Mené")


def test_an_article_merged_into_au_or_du_still_finds_a_distinctive_name(national):
    assert found("Les élus du Havre sont venus.", national) == [(LIEU, "Havre")]


def test_a_date_is_not_read_as_a_commune(national):
    assert found("Lancé en Mars 2019, en mars 2019.", national) == [
        ("date", "Mars 2019"),
        ("date", "mars 2019"),
    ]


def test_the_suggestion_describes_the_place_by_its_stratum(national):
    finding = check("Comme à Malaunay.", national)[0]
    assert finding.suggestion == (
        "Remplacer par une description générique : "
        "« une commune de 5\u202f000 à 7\u202f499 habitants »"
    )
    homonyms = check("Comme à Saint-Martin.", national)[0]
    assert homonyms.suggestion.endswith("« une commune »")
    region = check("En Bretagne.", national)[0]
    assert region.suggestion.endswith("« une région »")


def test_the_own_territory_and_its_epci_are_always_flagged():
    local = build_local_index(
        [Lieu("Plan", "commune", 300), Lieu("CA de Lens - Liévin", "epci", 242_000, "CA")]
    )
    assert found("Plan a voté. Plan, Isère.", None, local) == [(LIEU, "Plan"), (LIEU, "Plan")]
    assert found("le plan climat", None, local) == []  # an ordinary word needs its capital
    assert found("avec la communauté d'agglomération de Lens-Liévin", None, local) == [
        (LIEU, "communauté d'agglomération de Lens-Liévin")
    ]
    assert found("avec lens-liévin", None, local) == [(LIEU, "lens-liévin")]


def test_actors_people_and_organisations_of_the_space_are_flagged_with_their_role(national):
    local = build_local_index(
        [Lieu("Loos-en-Gohelle", "commune", 6_900)],
        [
            NomLocal("Jean-François Caron", PERSONNE, "le maire"),
            NomLocal("Chênelet", ACTEUR),
        ],
    )
    findings = check(
        "À loos-en-gohelle, Jean-François Caron puis M. Caron ont reçu l'association chenelet.",
        national,
        local,
    )
    assert [(f.kind, f.text) for f in findings] == [
        (LIEU, "loos-en-gohelle"),
        (PERSONNE, "Jean-François Caron"),
        (PERSONNE, "Caron"),
        (ACTEUR, "chenelet"),
    ]
    assert findings[1].suggestion == "Remplacer par sa fonction : « le maire »"
    assert findings[3].suggestion.startswith("Remplacer par son rôle : « une association")


def test_spans_point_at_the_matched_text_even_with_decomposed_accents(national):
    text = unicodedata.normalize("NFD", "Après Le Mené et Villeneuve-d'Ascq.")
    findings = check(text, national)
    assert [text[f.start : f.end] for f in findings] == [f.text for f in findings]
    assert len(findings) == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(ORDINARY_WORDS)), max_size=30))
def test_running_text_of_ordinary_words_gives_no_place(words):
    national = build_national_index([Lieu(word.capitalize(), "commune", 500) for word in words])
    text = " ".join(words).capitalize() + "."
    assert found(text, national) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeLosGhn- ’'É.0129€M"), max_size=60))
def test_findings_are_in_order_inside_the_text_and_never_overlap(text):
    national = build_national_index(NATIONAL)
    findings = check(text, national)
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    for before, after in itertools.pairwise(findings):
        assert before.end <= after.start
