import pytest

pytestmark = pytest.mark.django_db


def test_home_page_is_in_french_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr">' in body
    assert "Modéliser, évaluer et partager" in body
    assert "/referentiels/" in body and "/territoires/" in body
    assert "Se connecter" in body


def test_home_page_has_skip_link_footer_version_and_licence(client, settings):
    body = client.get("/").content.decode()
    assert 'href="#contenu"' in body and 'id="contenu"' in body
    assert f"Balises {settings.VERSION}" in body
    assert "AGPL-3.0" in body


def test_language_switch_to_english_is_remembered_in_a_cookie(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body


def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_no_inline_script_or_style_on_the_home_page(client):
    body = client.get("/").content.decode()
    assert "<script>" not in body and "<style" not in body and " style=" not in body


def test_unknown_page_gives_a_french_404(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
