"""Password reset by email and password change."""

import html
import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

NEW = "un-nouveau-mot-de-passe-88"


def test_password_reset_sends_a_link_that_sets_a_new_password(client, make_user):
    user = make_user("alice@example.org")
    response = client.post("/comptes/password/reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    link = re.search(r"https?://[^/\s]+(/comptes/password/reset/key/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body

    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    done = client.post(set_url, {"password1": NEW, "password2": NEW})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/comptes/password/reset/", {"email": "personne@example.org"})
    assert response.status_code == 302
    # allauth writes to the address to say no account exists; the page is the same.
    assert len(mail.outbox) <= 1


def test_password_change_needs_the_current_password(client, make_user):
    user = make_user()
    client.force_login(user)
    refused = client.post(
        "/comptes/password/change/",
        {"oldpassword": "pas-le-bon", "password1": NEW, "password2": NEW},
    )
    assert refused.status_code == 200
    assert "Merci d'indiquer votre mot de passe actuel." in html.unescape(refused.content.decode())
    user.refresh_from_db()
    assert not user.check_password(NEW)

    accepted = client.post(
        "/comptes/password/change/",
        {"oldpassword": "motdepasse-solide-42", "password1": NEW, "password2": NEW},
    )
    assert accepted.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    assert client.session["_auth_user_id"] == str(user.pk)  # still signed in
