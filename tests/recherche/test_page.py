"""The search page /recherche/ and its JSON twin."""

import pytest
from django.urls import reverse

from balises.recherche import backends, permissions, registry
from balises.recherche.services import index_document

pytestmark = pytest.mark.django_db

URL = reverse("recherche:index")
JSON_URL = reverse("recherche:results_json")


@pytest.fixture
def documents():
    registry.register("fiche", "Fiche d'expérience", iter)
    index_document(
        "fiche", "1", title="Économies d'énergie", body="Éteindre <b>la nuit</b>.", url="/f/1/"
    )
    index_document("action", "2", title="Réseau de chaleur", body="Économies sur la facture.")
    index_document("action", "3", title="Économie réservée", visibility="reseau")
    yield
    registry.unregister("fiche")


def test_without_query_the_page_shows_the_form_and_how_to_search(client):
    response = client.get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<form method="get"' in content and 'type="search"' in content
    assert '<label for="id_q">' in content
    assert "Saisissez un ou plusieurs mots" in content
    assert "Aucun résultat" not in content and "JSON" not in content


def test_results_show_count_title_link_kind_label_and_highlighted_snippet(client, documents):
    content = client.get(URL, {"q": "economies"}).content.decode()
    assert "2 résultats pour « economies »" in content
    assert '<a href="/f/1/">Économies d&#x27;énergie</a>' in content
    assert "Fiche d&#x27;expérience" in content
    assert "Éteindre &lt;b&gt;la nuit&lt;/b&gt;." in content
    assert "<mark>Économies</mark> sur la facture." in content
    assert "Réservée" not in content and "réservée" not in content


def test_signed_in_people_see_network_documents(client, documents, make_user, monkeypatch):
    monkeypatch.setattr(permissions, "readable_espace_ids", lambda user: set())
    client.force_login(make_user())
    assert "Économie réservée" in client.get(URL, {"q": "économie"}).content.decode()


def test_the_kind_filter_keeps_one_kind(client, documents):
    content = client.get(URL, {"q": "économies", "kind": "fiche"}).content.decode()
    assert "1 résultat pour" in content
    assert "Réseau de chaleur" not in content


def test_no_result_says_so(client, documents):
    content = client.get(URL, {"q": "zzzz"}).content.decode()
    assert "Aucun résultat pour « zzzz »" in content


def test_results_are_paginated_with_links_keeping_the_query(client):
    for number in range(45):
        index_document("action", str(number), title=f"Jardin {number}")
    content = client.get(URL, {"q": "jardins", "page": 2}).content.decode()
    assert "45 résultats" in content and "page 2 sur 3" in content
    assert 'href="/recherche/?q=jardins&amp;page=3" rel="next"' in content
    assert 'href="/recherche/?q=jardins" rel="prev"' in content
    assert content.count('class="search-result"') == 20
    last = client.get(URL, {"q": "jardins", "page": 3}).content.decode()
    assert last.count('class="search-result"') == 5 and 'rel="next"' not in last


def test_bad_parameters_give_a_french_message_not_an_error(client, documents):
    response = client.get(URL, {"q": "économies", "page": "abc", "kind": "inconnu"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Numéro de page invalide." in content
    assert "Sélectionnez un choix valide" in content


def test_the_page_links_its_json_twin(client, documents):
    content = client.get(URL, {"q": "économies"}).content.decode()
    assert f'href="{JSON_URL}?q=%C3%A9conomies" type="application/json"' in content


def test_the_json_twin_gives_the_same_results(client, documents):
    data = client.get(JSON_URL, {"q": "économies"}).json()
    assert data["count"] == 2 and data["query"] == "économies"
    assert data["results"][0] == {
        "kind": "fiche",
        "object_id": "1",
        "title": "Économies d'énergie",
        "snippet_html": "Éteindre &lt;b&gt;la nuit&lt;/b&gt;.",
        "url": "/f/1/",
        "score": data["results"][0]["score"],
    }


def test_the_json_twin_refuses_bad_parameters(client):
    response = client.get(JSON_URL, {"q": "x", "page": "-3"})
    assert response.status_code == 400
    assert "page" in response.json()["errors"]


def test_the_json_twin_without_query_is_empty(client, documents):
    assert client.get(JSON_URL).json()["results"] == []


def test_the_kind_filter_is_offered_only_when_kinds_are_registered(client, documents, monkeypatch):
    assert 'name="kind"' in client.get(URL).content.decode()
    monkeypatch.setattr(registry, "_providers", {})
    assert 'name="kind"' not in client.get(URL).content.decode()


def test_a_document_without_address_shows_its_title_without_a_link(client, documents):
    content = client.get(URL, {"q": "chaleur"}).content.decode()
    assert "<h2>Réseau de chaleur</h2>" in content


def test_beyond_the_count_limit_the_page_says_more_than_and_keeps_paging(client, monkeypatch):
    monkeypatch.setattr(backends, "COUNT_LIMIT", 30)
    for number in range(45):
        index_document("action", str(number), title=f"Jardin {number}")
    content = client.get(URL, {"q": "jardins", "page": 2}).content.decode()
    assert "Plus de 30 résultats pour « jardins »" in content and "page 2" in content
    assert 'rel="next"' in content
    data = client.get(JSON_URL, {"q": "jardins"}).json()
    assert (data["count"], data["count_is_exact"]) == (30, False)
