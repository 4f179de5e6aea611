"""Sign in by email, and the rate limit on failed attempts."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/comptes/login/"
PASSWORD = "motdepasse-solide-42"


def test_user_signs_in_with_email_and_password(client, make_user):
    user = make_user("alice@example.org")
    response = client.post(LOGIN, {"login": "Alice@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_gives_a_french_message_and_does_not_sign_in(client, make_user):
    make_user("alice@example.org")
    response = client.post(LOGIN, {"login": "alice@example.org", "password": "mauvais"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in body
    assert '<div class="form-errors" role="alert">' in body
    assert "_auth_user_id" not in client.session


def test_sign_in_is_blocked_after_five_failed_attempts_even_with_the_right_password(
    client, make_user, settings
):
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] == "5/5m/ip,5/5m/key"
    make_user("alice@example.org")
    for _attempt in range(5):
        response = client.post(LOGIN, {"login": "alice@example.org", "password": "mauvais"})
        assert "Trop de tentatives" not in response.content.decode()
    response = client.post(LOGIN, {"login": "alice@example.org", "password": PASSWORD})
    assert response.status_code == 200
    assert (
        "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement."
        in response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_rate_limit_counts_attempts_per_address_across_clients(client_factory, make_user):
    make_user("alice@example.org")
    for number in range(5):
        other = client_factory(REMOTE_ADDR=f"10.0.0.{number + 1}")
        other.post(LOGIN, {"login": "alice@example.org", "password": "mauvais"})
    fresh = client_factory(REMOTE_ADDR="10.0.1.1")
    response = fresh.post(LOGIN, {"login": "alice@example.org", "password": PASSWORD})
    assert "Trop de tentatives" in response.content.decode()


@pytest.fixture
def client_factory():
    from django.test import Client

    return lambda **defaults: Client(**defaults)


def test_sign_out_asks_for_a_post(client, make_user):
    client.force_login(make_user())
    assert client.post("/comptes/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
