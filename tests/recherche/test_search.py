"""Searching: French stemming and accent folding, ranking, kinds, pagination, updates."""

import pytest
from django.contrib.auth.models import AnonymousUser

from balises.recherche.models import Document
from balises.recherche.services import index_document, remove_document, search

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


def ids(page):
    return [hit.object_id for hit in page.hits]


def test_economies_finds_economie():
    index_document("action", "1", title="Plan d'économie", body="Réduire la facture.")
    index_document("action", "2", title="Jardins partagés", body="Des potagers.")
    assert ids(search("économies", user=ANONYMOUS)) == ["1"]


def test_energetique_without_accents_finds_energetique():
    index_document("action", "1", title="Rénovation énergétique des écoles")
    assert ids(search("energetique", user=ANONYMOUS)) == ["1"]
    assert ids(search("ÉNERGÉTIQUES", user=ANONYMOUS)) == ["1"]


def test_every_word_is_required():
    index_document("action", "1", title="Rénovation des écoles", body="Isolation des murs.")
    index_document("action", "2", title="Rénovation des mairies")
    assert ids(search("rénovation écoles", user=ANONYMOUS)) == ["1"]
    assert ids(search("rénovation isolation", user=ANONYMOUS)) == ["1"]
    assert sorted(ids(search("rénovations", user=ANONYMOUS))) == ["1", "2"]


def test_a_title_match_ranks_above_a_body_match():
    index_document("action", "corps", title="Plan communal", body="Un volet sur le vélo.")
    index_document("action", "titre", title="Le vélo au quotidien", body="Un plan communal.")
    page = search("vélo", user=ANONYMOUS)
    assert ids(page) == ["titre", "corps"]
    assert page.hits[0].score > page.hits[1].score


def test_hits_carry_title_url_kind_and_a_highlighted_snippet():
    index_document(
        "element",
        "e1",
        title="Mobilité",
        body="Développer les <pistes> cyclables et la mobilité douce.",
        url="/referentiels/e1/",
    )
    [hit] = search("mobilites", user=ANONYMOUS).hits
    assert (hit.kind, hit.object_id, hit.title, hit.url) == (
        "element",
        "e1",
        "Mobilité",
        "/referentiels/e1/",
    )
    assert hit.snippet_html == (
        "Développer les &lt;pistes&gt; cyclables et la <mark>mobilité</mark> douce."
    )


def test_kinds_restrict_the_results():
    index_document("action", "1", title="Compostage collectif")
    index_document("element", "1", title="Compostage des biodéchets")
    assert ids(search("compostage", user=ANONYMOUS, kinds=["element"])) == ["1"]
    assert search("compostage", user=ANONYMOUS, kinds=["element"]).hits[0].kind == "element"
    assert search("compostage", user=ANONYMOUS).total == 2


def test_pages_split_the_results_without_losing_or_repeating_any():
    for number in range(25):
        index_document("action", str(number), title=f"Haie bocagère numéro {number}")
    first = search("haies", user=ANONYMOUS, limit=10)
    second = search("haies", user=ANONYMOUS, limit=10, offset=10)
    third = search("haies", user=ANONYMOUS, limit=10, offset=20)
    assert first.total == second.total == third.total == 25
    assert [len(p.hits) for p in (first, second, third)] == [10, 10, 5]
    assert len(set(ids(first) + ids(second) + ids(third))) == 25
    assert first.has_next and third.has_previous and not third.has_next
    assert search("haies", user=ANONYMOUS, offset=500).hits == []


def test_reindexing_a_document_replaces_its_text():
    index_document("action", "1", title="Éclairage public")
    index_document("action", "1", title="Extinction nocturne")
    assert Document.objects.count() == 1
    assert search("éclairage", user=ANONYMOUS).total == 0
    assert ids(search("extinction", user=ANONYMOUS)) == ["1"]


def test_a_removed_document_is_no_longer_found():
    index_document("action", "1", title="Covoiturage")
    assert remove_document("action", "1") is True
    assert remove_document("action", "1") is False
    assert search("covoiturage", user=ANONYMOUS).total == 0


def test_a_document_deleted_directly_leaves_nothing_behind_in_the_index():
    document = index_document("action", "1", title="Covoiturage")
    document.delete()
    index_document("action", "2", title="Autopartage")
    assert search("covoiturage", user=ANONYMOUS).total == 0


def test_a_query_of_stopwords_only_finds_nothing():
    index_document("action", "1", title="La place de la gare")
    page = search("de la", user=ANONYMOUS)
    assert (page.total, page.hits) == (0, [])


def test_prefix_search_matches_the_word_being_typed():
    index_document("action", "1", title="Méthanisation agricole")
    assert search("méthan", user=ANONYMOUS).total == 0
    page = search("méthan", user=ANONYMOUS, prefix=True)
    assert ids(page) == ["1"]
    assert "<mark>Méthanisation</mark>" in page.hits[0].snippet_html


def test_an_invalid_visibility_is_refused():
    with pytest.raises(ValueError):
        index_document("action", "1", title="x", visibility="secret")
    with pytest.raises(ValueError):
        index_document("action", "1", title="x", visibility="prive")
    assert Document.objects.count() == 0
