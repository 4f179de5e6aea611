"""Every account page is drawn in our layout, with labelled fields, in French and in English."""

import re

import pytest

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = {
    "/comptes/signup/": ("Création de compte", "Sign Up"),
    "/comptes/login/": ("Connexion", "Sign In"),
    "/comptes/password/reset/": ("Réinitialisation du mot de passe", "Password Reset"),
}
SIGNED_IN_PAGES = {
    "/comptes/email/": ("Adresses e-mail", "Email Addresses"),
    "/comptes/password/change/": ("Modifier le mot de passe", "Change Password"),
    "/compte/": ("Mon compte", None),
    "/compte/jetons/": ("Jetons d'API", None),
    "/compte/supprimer/": ("Supprimer mon compte", None),
}


def assert_in_our_layout(body: str) -> None:
    assert 'class="site-header"' in body and 'id="contenu"' in body
    assert "<style" not in body and " style=" not in body and "<script>" not in body
    assert body.count("<h1") == 1
    # Every visible input has a label pointing to it.
    for field in re.findall(r"<input[^>]*>", body):
        if 'type="hidden"' in field or 'type="submit"' in field:
            continue
        input_id = re.search(r'id="([^"]+)"', field)
        assert input_id, field
        assert f'<label for="{input_id.group(1)}"' in body, field


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_anonymous_account_page_is_in_french_in_our_layout(client, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert_in_our_layout(body)
    assert re.search(rf"<h1>\s*{ANONYMOUS_PAGES[url][0]}\s*</h1>", body)
    assert 'class="form"' in body and 'class="button"' in body


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_anonymous_account_page_is_in_english_on_request(client, url):
    client.cookies["django_language"] = "en"
    body = client.get(url).content.decode()
    assert '<html lang="en">' in body
    assert re.search(rf"<h1>\s*{ANONYMOUS_PAGES[url][1]}\s*</h1>", body)


@pytest.mark.parametrize("url", SIGNED_IN_PAGES)
def test_signed_in_account_page_is_in_our_layout_with_the_account_menu(client, make_user, url):
    client.force_login(make_user())
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert_in_our_layout(body)
    assert 'class="subnav"' in body
    assert ('aria-current="page"' in body) == (url != "/compte/supprimer/")
    assert SIGNED_IN_PAGES[url][0] in body.replace("&#x27;", "'")


@pytest.mark.parametrize("url", SIGNED_IN_PAGES)
def test_signed_in_account_page_needs_a_session(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/comptes/login/?next=")


def test_email_page_styles_the_remove_button_as_dangerous(client, make_user):
    client.force_login(make_user())
    body = client.get("/comptes/email/").content.decode()
    assert re.search(r'class="button button-danger"[^>]*name="action_remove"', body)
    assert 'class="badge badge-success"' in body


def test_confirmation_page_is_in_our_layout(client):
    client.post(
        "/comptes/signup/",
        {
            "email": "n@example.org",
            "password1": "long-et-solide-99",
            "password2": "long-et-solide-99",
        },
    )
    body = client.get("/comptes/confirm-email/").content.decode()
    assert_in_our_layout(body)
