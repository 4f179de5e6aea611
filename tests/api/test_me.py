"""POST /api/v1/moi: change one's display name, with the body validated."""

import pytest

pytestmark = pytest.mark.django_db


def post_me(client, raw, body, content_type="application/json"):
    return client.post(
        "/api/v1/moi", body, content_type=content_type, HTTP_AUTHORIZATION=f"Bearer {raw}"
    )


def test_name_is_updated_and_stripped(client, token_user):
    user, raw = token_user
    response = post_me(client, raw, {"name": "  Agnès Dupont  "})
    assert response.status_code == 200
    assert response.json()["name"] == "Agnès Dupont"
    user.refresh_from_db()
    assert user.name == "Agnès Dupont"


def test_empty_name_is_allowed_and_falls_back_to_the_address(client, token_user):
    user, raw = token_user
    assert post_me(client, raw, {"name": ""}).status_code == 200
    user.refresh_from_db()
    assert user.display_name == "script"


@pytest.mark.parametrize("body", [{"name": "x" * 151}, {"name": 5}, {"nom": "Alice"}, {}, []])
def test_invalid_body_gives_422_with_the_errors_and_changes_nothing(client, token_user, body):
    user, raw = token_user
    response = post_me(client, raw, body)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Données invalides")
    assert response.json()["errors"]
    user.refresh_from_db()
    assert user.name == "Script"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{pas du json", "application/json"),
        ("\xff\xfe", "application/json"),
        ("name=x", "text/plain"),
    ],
)
def test_malformed_json_gives_a_french_400_not_a_500(client, token_user, body, content_type):
    user, raw = token_user
    response = post_me(client, raw, body, content_type)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": "Corps de requête illisible : envoyez un objet JSON valide."
    }
    user.refresh_from_db()
    assert user.name == "Script"


def test_anonymous_post_gives_401(client):
    response = client.post("/api/v1/moi", {"name": "x"}, content_type="application/json")
    assert response.status_code == 401
