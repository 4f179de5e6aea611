"""Deleting one's own account: asks for the password, then removes the user and their data."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from balises.core.models import ApiToken
from balises.core.tokens import create_token

pytestmark = pytest.mark.django_db


def test_delete_page_asks_for_the_password(client, make_user):
    client.force_login(make_user())
    body = client.get("/compte/supprimer/").content.decode()
    assert 'type="password"' in body and 'name="password"' in body
    assert '<label for="id_password">' in body


def test_wrong_password_keeps_the_account(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.post("/compte/supprimer/", {"password": "pas-le-bon"})
    assert response.status_code == 200
    assert "Mot de passe incorrect." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_right_password_removes_the_user_emails_and_tokens_and_signs_out(client, make_user):
    user = make_user("partante@example.org")
    create_token(user, "script")
    client.force_login(user)
    response = client.post("/compte/supprimer/", {"password": "motdepasse-solide-42"}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "Votre compte a été supprimé." in response.content.decode()
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email="partante@example.org").exists()
    assert not ApiToken.objects.exists()
    assert "_auth_user_id" not in client.session


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/compte/supprimer/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/comptes/login/")
