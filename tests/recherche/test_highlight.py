"""Snippets: escaped text around the first match, matching words in <mark>."""

from hypothesis import given, settings
from hypothesis import strategies as st

from balises.core.text import stems
from balises.recherche.highlight import highlight_html, snippet_html


def test_matching_forms_are_marked_whatever_their_accents_and_plural():
    html = highlight_html("Les Économies et l'ECONOMIE, <script>", stems("économie"))
    assert html == ("Les <mark>Économies</mark> et l&#x27;<mark>ECONOMIE</mark>, &lt;script&gt;")


def test_a_long_text_is_cut_around_the_first_match_on_word_boundaries():
    text = "début " + "mot " * 200 + "rénovation des écoles " + "fin " * 200
    html = snippet_html(text, stems("écoles"), size=80)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>écoles</mark>" in html
    assert len(html) < 140
    assert " mo " not in html


def test_without_match_the_snippet_is_the_beginning_of_the_text():
    assert snippet_html("Premier mot. " + "suite " * 100, ["zzz"], size=30) == (
        "Premier mot. suite suite suite …"
    )


def test_a_prefix_marks_words_that_start_with_it():
    assert highlight_html("Méthanisation agricole", [], prefix="methan") == (
        "<mark>Méthanisation</mark> agricole"
    )


@settings(deadline=None)
@given(st.text(max_size=300), st.text(max_size=20))
def test_snippets_never_let_markup_through(text, query):
    html = snippet_html(text, stems(query))
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
