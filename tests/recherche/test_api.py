"""GET /api/v1/recherche/: the same search, open to anonymous callers, same access rules."""

import pytest

from balises.core.tokens import create_token
from balises.recherche import permissions
from balises.recherche.services import index_document

pytestmark = pytest.mark.django_db

URL = "/api/v1/recherche/"


@pytest.fixture
def documents():
    index_document(
        "action",
        "1",
        title="Sobriété énergétique",
        body="Éteindre la nuit pour économiser l'énergie.",
    )
    index_document("element", "2", title="Énergies renouvelables")
    index_document("action", "3", title="Énergie du réseau", visibility="reseau")
    index_document("action", "4", title="Énergie privée", visibility="prive", espace_id=9)


def test_anonymous_callers_get_public_results_with_snippets(client, documents):
    response = client.get(URL, {"q": "energetique"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1 and data["query"] == "energetique" and data["count_is_exact"]
    assert data["results"][0]["title"] == "Sobriété énergétique"
    assert data["results"][0]["kind"] == "action"
    assert set(data["results"][0]) == {"kind", "object_id", "title", "snippet_html", "url", "score"}


def test_kind_page_and_per_page_filter_and_page(client, documents):
    data = client.get(URL, {"q": "énergies", "kind": "element"}).json()
    assert [hit["object_id"] for hit in data["results"]] == ["2"]
    data = client.get(URL, {"q": "énergies", "per_page": 1, "page": 2}).json()
    assert data["count"] == 2 and len(data["results"]) == 1
    assert (data["page"], data["pages"], data["per_page"]) == (2, 2, 1)


def test_limit_and_offset_are_still_accepted(client, documents):
    data = client.get(URL, {"q": "énergies", "limit": 1, "offset": 1}).json()
    assert (data["page"], data["per_page"], len(data["results"])) == (2, 1, 1)


def test_a_token_holder_finds_what_their_account_may_see(client, documents, make_user, monkeypatch):
    user = make_user()
    monkeypatch.setattr(
        permissions, "readable_espace_ids", lambda who: {9} if who == user else set()
    )
    _, raw = create_token(user, "script")
    data = client.get(URL, {"q": "énergie"}, HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    assert sorted(hit["object_id"] for hit in data["results"]) == ["1", "2", "3", "4"]


def test_a_bad_token_is_refused_rather_than_treated_as_anonymous(client, documents):
    response = client.get(URL, {"q": "énergie"}, HTTP_AUTHORIZATION="Bearer bal_faux")
    assert response.status_code == 401


def test_hostile_queries_get_answers_not_errors(client, documents):
    for text in ['"', "a:b", "NEAR(", "* AND OR NOT", "🌱", ""]:
        response = client.get(URL, {"q": text})
        assert response.status_code == 200, text


def test_out_of_range_parameters_get_a_clear_422(client):
    response = client.get(URL, {"q": "x", "limit": 1000})
    assert response.status_code == 422
    assert response.json()["detail"] == "Données invalides : limit : au plus 100."
    assert client.get(URL, {"q": "x" * 600}).status_code == 422
