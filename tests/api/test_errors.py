"""Errors under /api/ are JSON with a French `detail`, never HTML, never a 500 for bad input."""

import json

import pytest
from django.test import RequestFactory

from balises.core.views import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/v1/nulle-part", "/api/v1/moi/de-trop", "/api/v2/", "/api/"])
def test_unknown_route_under_api_is_a_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Adresse inconnue de l'API."}


def test_unknown_page_outside_the_api_stays_html(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/html")


def test_wrong_method_is_a_json_405_listing_the_allowed_ones(client, token_user):
    _user, raw = token_user
    response = client.delete("/api/v1/moi", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 405
    assert response.json() == {"detail": "Méthode non permise ici."}
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}


def test_server_error_under_api_is_json():
    response = server_error(RequestFactory().get("/api/v1/"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content) == {"detail": "Erreur interne du serveur."}


@pytest.mark.parametrize(
    "url", ["/api/v1/recherche/?q=a%00b", "/api/v1/territoires/?q=%00", "/api/v1/?x=%00"]
)
def test_nul_characters_in_the_query_are_a_json_400_on_every_database(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == {"detail": "Les caractères nuls (\\0) ne sont pas acceptés."}


def test_nul_characters_in_a_json_body_are_refused_and_change_nothing(client, token_user):
    user, raw = token_user
    response = client.post(
        "/api/v1/moi",
        '{"name": "a\\u0000b"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.name == "Script"
