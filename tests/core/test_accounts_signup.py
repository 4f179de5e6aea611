"""Sign up, confirm the address by email, and the clear messages of a refused sign-up."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

SIGNUP = "/comptes/signup/"
STRONG = "un-mot-de-passe-bien-long-77"


def signup(client, email="nouvelle@example.org", password=STRONG, **headers):
    data = {"email": email, "password1": password, "password2": password}
    return client.post(SIGNUP, data, **headers)


def confirmation_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/comptes/confirm-email/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_sends_a_confirmation_email_and_confirming_signs_the_user_in(client):
    response = signup(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nouvelle@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouvelle@example.org"]
    assert message.subject == "[Balises] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour, c'est Balises !")
    assert "sur 127.0.0.1:8000" in message.body  # the public address, not the request's host

    link = confirmation_link(message)
    page = client.get(link)
    assert page.status_code == 200
    assert "nouvelle@example.org" in page.content.decode()
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/compte/").status_code == 200


def test_unconfirmed_user_cannot_sign_in_before_confirming(client):
    signup(client)
    client.logout()
    response = client.post("/comptes/login/", {"login": "nouvelle@example.org", "password": STRONG})
    assert response.status_code == 302
    assert response.headers["Location"] == "/comptes/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_signup_with_a_taken_email_creates_nothing_and_warns_the_owner_by_email(client, make_user):
    # allauth prevents account enumeration: the page looks the same as for a new address, and
    # the clear message goes to the address's owner, who alone can act on it.
    make_user("prise@example.org")
    response = signup(client, email="PRISE@example.org")
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact="prise@example.org").count() == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["prise@example.org"]
    assert "/comptes/password/reset/" in body
    assert "compte" in body.lower()


def test_weak_password_is_refused_with_a_clear_french_message(client):
    response = signup(client, password="1234567")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ce mot de passe est trop court. Il doit contenir au minimum 10 caractères." in body
    assert "Ce mot de passe est entièrement numérique." in body
    assert not get_user_model().objects.exists()
    assert not mail.outbox


def test_browser_language_does_not_switch_to_english_only_the_language_choice_does(client):
    body = signup(client, password="motdepasse", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr">' in body
    client.cookies["django_language"] = "en"
    body = signup(client, password="motdepasse", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="en">' in body
    assert "This password is too common." in body


def test_weak_password_message_follows_the_language_cookie(client):
    client.cookies["django_language"] = "en"
    body = signup(client, password="1234567890").content.decode()
    assert "This password is entirely numeric." in body


def test_mismatched_passwords_are_refused(client):
    data = {"email": "a@example.org", "password1": STRONG, "password2": STRONG + "x"}
    response = client.post(SIGNUP, data)
    assert response.status_code == 200
    assert "Vous devez saisir deux fois le même mot de passe." in response.content.decode()
    assert not get_user_model().objects.exists()


def test_signup_errors_are_linked_to_their_field_and_announced(client):
    body = signup(client, password="1234567").content.decode()
    field = re.search(r'<input[^>]*name="password1"[^>]*>', body).group(0)
    assert 'aria-invalid="true"' in field
    assert "id_password1_error" in field
    assert re.search(r'<div class="error" id="id_password1_error" role="alert">', body)
