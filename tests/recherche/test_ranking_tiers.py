"""Broad queries: beyond RANK_ALL_LIMIT matches, title matches come first, then the others."""

import pytest
from django.contrib.auth.models import AnonymousUser

from balises.recherche import backends
from balises.recherche.services import index_document, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def broad_query(monkeypatch):
    monkeypatch.setattr(backends, "RANK_ALL_LIMIT", 3)
    for number in range(6):
        index_document("action", f"corps{number}", title=f"Action {number}", body="Un verger.")
    for number in range(4):
        index_document("action", f"titre{number}", title=f"Verger {number}", body="Des arbres.")
    index_document("action", "prive", title="Verger privé", visibility="prive", espace_id=3)
    index_document("element", "autre", title="Verger", body="Un autre type.")


def test_title_matches_come_before_body_matches(broad_query):
    page = search("verger", user=AnonymousUser(), kinds=["action"], limit=20)
    found = [hit.object_id for hit in page.hits]
    assert page.total == 10
    assert sorted(found[:4]) == [f"titre{n}" for n in range(4)]
    assert sorted(found[4:]) == [f"corps{n}" for n in range(6)]


def test_pages_across_the_two_tiers_neither_lose_nor_repeat_a_document(broad_query):
    pages = [
        search("verger", user=AnonymousUser(), kinds=["action"], limit=3, offset=offset)
        for offset in (0, 3, 6, 9)
    ]
    found = [hit.object_id for page in pages for hit in page.hits]
    assert [len(page.hits) for page in pages] == [3, 3, 3, 1]
    assert len(set(found)) == 10
    assert found[:4] == [
        hit.object_id
        for hit in search("verger", user=AnonymousUser(), kinds=["action"], limit=4).hits
    ]


def test_the_tiers_apply_the_access_rules_and_kinds(broad_query):
    page = search("verger", user=AnonymousUser(), limit=20)
    found = {hit.object_id for hit in page.hits}
    assert page.total == 11
    assert "autre" in found and "prive" not in found
