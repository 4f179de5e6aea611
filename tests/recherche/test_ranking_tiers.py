"""Broad queries: beyond COUNT_LIMIT matches, the total is a lower bound, title matches come
first, then the others, and pages go on until the results run out."""

import pytest
from django.contrib.auth.models import AnonymousUser

from balises.recherche import backends
from balises.recherche.services import index_document, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def broad_query(monkeypatch):
    monkeypatch.setattr(backends, "COUNT_LIMIT", 3)
    for number in range(6):
        index_document("action", f"corps{number}", title=f"Action {number}", body="Un verger.")
    for number in range(4):
        index_document("action", f"titre{number}", title=f"Verger {number}", body="Des arbres.")
    index_document("action", "prive", title="Verger privé", visibility="prive", espace_id=3)
    index_document("element", "autre", title="Verger", body="Un autre type.")


def test_beyond_the_count_limit_the_total_says_more_than(broad_query):
    page = search("verger", user=AnonymousUser(), kinds=["action"], limit=20)
    assert (page.total, page.total_is_exact) == (3, False)
    assert len(page.hits) == 10


def test_title_matches_come_before_body_matches(broad_query):
    page = search("verger", user=AnonymousUser(), kinds=["action"], limit=20)
    found = [hit.object_id for hit in page.hits]
    assert sorted(found[:4]) == [f"titre{n}" for n in range(4)]
    assert sorted(found[4:]) == [f"corps{n}" for n in range(6)]


def test_pages_across_the_two_tiers_neither_lose_nor_repeat_a_document(broad_query):
    pages = [
        search("verger", user=AnonymousUser(), kinds=["action"], limit=3, offset=offset)
        for offset in (0, 3, 6, 9, 12)
    ]
    found = [hit.object_id for page in pages for hit in page.hits]
    assert [len(page.hits) for page in pages] == [3, 3, 3, 1, 0]
    assert [page.has_next for page in pages] == [True, True, True, False, False]
    assert len(set(found)) == 10
    assert found[:4] == [
        hit.object_id
        for hit in search("verger", user=AnonymousUser(), kinds=["action"], limit=4).hits
    ]


def test_the_tiers_apply_the_access_rules_and_kinds(broad_query):
    page = search("verger", user=AnonymousUser(), limit=20)
    found = {hit.object_id for hit in page.hits}
    assert len(found) == 11
    assert "autre" in found and "prive" not in found


def test_up_to_the_count_limit_the_total_is_exact(broad_query):
    page = search("autre type", user=AnonymousUser())
    assert (page.total, page.total_is_exact, len(page.hits)) == (1, True, 1)
