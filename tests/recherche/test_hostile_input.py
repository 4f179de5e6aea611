"""Whatever people type, the search answers: no syntax error, no operator, sane results."""

import pytest
from django.contrib.auth.models import AnonymousUser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balises.recherche.backends.postgres import PostgresBackend
from balises.recherche.backends.sqlite import SqliteBackend
from balises.recherche.query import MAX_TERMS, parse_query
from balises.recherche.services import index_document, search

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    "'",
    "-",
    "NEAR",
    "NEAR(a b)",
    "a:b",
    "title:énergie",
    "(",
    ")",
    "*",
    "énergie*",
    "AND OR NOT",
    "énergie OR -jardin",
    "^énergie",
    "{title body}: énergie",
    "a & b | !c <-> d",
    "'; DROP TABLE recherche_document; --",
    "%_\\",
    "🌱🚲 énergie 🌍",
    "\x00énergie",
    "é" * 10_000,
    "énergie " * 2_000,
    "",
    "   ",
]


@pytest.fixture
def indexed():
    index_document("action", "1", title="Sobriété énergétique", body="Énergie et jardins.")
    index_document("action", "2", title="Near", body="Le mot near et le titre.")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises_and_returns_a_coherent_page(indexed, text):
    page = search(text, user=AnonymousUser())
    assert page.total >= len(page.hits)
    assert all("<script" not in hit.snippet_html for hit in page.hits)


def test_operators_are_searched_as_plain_words_not_obeyed(indexed):
    assert [hit.object_id for hit in search("NEAR", user=AnonymousUser()).hits] == ["2"]
    # "OR" is a word here, so "énergie OR jardins" requires all three words.
    assert search("énergie OR jardins", user=AnonymousUser()).total == 0
    # A dash is a separator, never a negation.
    assert search("énergie -jardins", user=AnonymousUser()).total == 1
    assert search('"énergie" (jardins)*', user=AnonymousUser()).total == 1


def test_a_huge_query_is_cut_to_a_bounded_number_of_terms():
    parsed = parse_query(" ".join(f"mot{number}" for number in range(1_000)))
    assert len(parsed.stems) == MAX_TERMS


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200), st.booleans())
def test_any_text_gives_a_query_without_operators(text, prefix):
    parsed = parse_query(text, prefix=prefix)
    match = SqliteBackend.match_expression(parsed)
    tsquery = PostgresBackend.tsquery(parsed)
    for stem in parsed.stems:
        assert stem.isalnum()
    # Each stem is one quoted string, and so is the one access token.
    assert match.count('"') == 2 * len(parsed.stems)
    assert tsquery.count("'") == 2 * len(parsed.words)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=80), st.booleans())
def test_any_text_searches_without_error(indexed, text, prefix):
    page = search(text, user=AnonymousUser(), prefix=prefix)
    assert page.total >= len(page.hits)


def test_a_prefix_applies_only_to_a_last_word_of_three_letters_or_more():
    assert parse_query("énergie réno", prefix=True).prefix
    assert not parse_query("énergie ré", prefix=True).prefix
    assert not parse_query("réno ", prefix=True).prefix
    assert not parse_query("réno", prefix=False).prefix
