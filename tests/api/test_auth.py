"""Who the API recognises: a Bearer token, or the browser session with its CSRF token."""

import pytest
from django.test import Client

from balises.core.models import ApiToken
from balises.core.tokens import revoke_token

pytestmark = pytest.mark.django_db

REFUSED = "Authentification requise : jeton absent, invalide ou révoqué."


def test_bearer_token_authenticates_me(client, token_user):
    _user, raw = token_user
    response = client.get("/api/v1/moi", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json() == {"email": "script@example.org", "name": "Script", "is_staff": False}


def test_no_credentials_gives_a_french_401(client):
    response = client.get("/api/v1/moi")
    assert response.status_code == 401
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": REFUSED}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Bearer bal_inconnu",
        "Bearer pas-un-jeton",
        "Basic YTpi",
        "bal_x",
        "Token",
    ],
)
def test_malformed_or_unknown_token_gives_a_french_401(client, token_user, header):
    response = client.get("/api/v1/moi", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json() == {"detail": REFUSED}


def test_revoked_token_gives_401(client, token_user):
    _user, raw = token_user
    revoke_token(ApiToken.objects.get())
    response = client.get("/api/v1/moi", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401
    assert response.json() == {"detail": REFUSED}


def test_a_bad_token_is_refused_even_alongside_a_valid_session(client, make_user):
    client.force_login(make_user())
    response = client.get("/api/v1/moi", HTTP_AUTHORIZATION="Bearer bal_inconnu")
    assert response.status_code == 401


def test_public_status_refuses_a_bad_token_but_accepts_anonymous(client):
    assert client.get("/api/v1/").json()["authenticated"] is False
    assert client.get("/api/v1/", HTTP_AUTHORIZATION="Bearer bal_inconnu").status_code == 401


def test_session_reads_without_csrf(make_user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_user("alice@example.org"))
    assert browser.get("/api/v1/moi").json()["email"] == "alice@example.org"


def test_session_write_without_csrf_token_is_refused_in_french(make_user):
    user = make_user()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    response = browser.post("/api/v1/moi", {"name": "Pirate"}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert "rechargez la page" in response.json()["detail"]
    user.refresh_from_db()
    assert user.name == ""


def test_session_write_with_csrf_token_is_accepted(make_user):
    user = make_user()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    browser.get("/compte/")  # sets the CSRF cookie, as any page does
    csrf = browser.cookies["csrftoken"].value
    response = browser.post(
        "/api/v1/moi", {"name": "Alice"}, content_type="application/json", HTTP_X_CSRFTOKEN=csrf
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.name == "Alice"


def test_token_writes_need_no_csrf(token_user):
    user, raw = token_user
    script = Client(enforce_csrf_checks=True)
    response = script.post(
        "/api/v1/moi",
        {"name": "Robot"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.name == "Robot"
