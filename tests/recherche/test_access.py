"""Who finds what: public for all, "reseau" for signed-in people, private for space readers."""

import pytest
from django.contrib.auth.models import AnonymousUser

from balises.recherche import permissions
from balises.recherche.permissions import visible_to
from balises.recherche.services import index_document, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents():
    index_document("action", "public", title="Forêt publique", visibility="public")
    index_document("action", "reseau", title="Forêt du réseau", visibility="reseau")
    index_document("action", "prive-a", title="Forêt privée A", visibility="prive", espace_id=1)
    index_document("action", "prive-b", title="Forêt privée B", visibility="prive", espace_id=2)


@pytest.fixture
def member_of_space_1(make_user, monkeypatch):
    member = make_user()
    monkeypatch.setattr(
        permissions, "readable_espace_ids", lambda user: {1} if user == member else set()
    )
    return member


def found(user):
    return sorted(hit.object_id for hit in search("forêts", user=user).hits)


def test_anonymous_visitors_find_only_public_documents(documents):
    assert found(AnonymousUser()) == ["public"]
    assert found(None) == ["public"]


def test_signed_in_people_also_find_network_documents(documents, make_user, monkeypatch):
    monkeypatch.setattr(permissions, "readable_espace_ids", lambda user: set())
    assert found(make_user()) == ["public", "reseau"]


def test_space_readers_find_the_private_documents_of_their_space_only(documents, member_of_space_1):
    assert found(member_of_space_1) == ["prive-a", "public", "reseau"]


def test_outsiders_do_not_find_private_documents(documents, member_of_space_1, make_user):
    assert "prive-a" not in found(make_user())


def test_totals_and_pages_count_only_what_the_user_may_see(member_of_space_1, make_user):
    for number in range(30):
        visibility = "prive" if number % 3 else "public"
        index_document(
            "action",
            str(number),
            title=f"Jardin {number}",
            visibility=visibility,
            espace_id=2 if visibility == "prive" else None,
        )
    page = search("jardins", user=member_of_space_1, limit=5, offset=5)
    assert page.total == 10
    assert len(page.hits) == 5
    assert search("jardins", user=member_of_space_1, limit=5, offset=10).hits == []


def test_visible_to_applies_the_same_rules_as_search(documents, member_of_space_1):
    assert sorted(visible_to(AnonymousUser()).values_list("object_id", flat=True)) == ["public"]
    assert sorted(visible_to(member_of_space_1).values_list("object_id", flat=True)) == [
        "prive-a",
        "public",
        "reseau",
    ]


def test_a_document_made_private_is_no_longer_found_by_outsiders(make_user, member_of_space_1):
    index_document("action", "1", title="Forêt partagée", visibility="public")
    index_document("action", "1", title="Forêt partagée", visibility="prive", espace_id=1)
    assert found(AnonymousUser()) == []
    assert found(make_user()) == []
    assert found(member_of_space_1) == ["1"]
    index_document("action", "1", title="Forêt partagée", visibility="reseau")
    assert found(AnonymousUser()) == []
    assert found(member_of_space_1) == ["1"]
    assert search("forêt", user=member_of_space_1).total == 1
