"""Space pages in a real browser: accessible, no blocked resources, forms work without JS."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import expect

from balises.espaces.models import Role

PAGES = ["/", "membres/", "parametres/"]


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _serious(page) -> list[str]:
    return [
        f"{violation['id']}: " + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_space_pages_have_no_serious_accessibility_violation(
    live_server, page, transactional_db, espace_a, alice, width, csp_errors
):
    _sign_in(page, live_server, alice)
    page.set_viewport_size({"width": width, "height": 900})
    for suffix in PAGES:
        page.goto(f"{live_server.url}/espaces/{espace_a.slug}/{suffix.lstrip('/')}")
        expect(page.locator(".espace-unverified")).to_be_visible()
        assert _serious(page) == [], suffix
    assert csp_errors == []


@pytest.mark.parametrize("javascript", [True, False])
def test_a_referent_invites_and_changes_a_role_from_the_members_page(
    live_server, browser, transactional_db, espace_a, alice, bob, javascript
):
    context = browser.new_context(java_script_enabled=javascript, locale="fr-FR")
    page = context.new_page()
    _sign_in(page, live_server, alice)
    page.goto(f"{live_server.url}/espaces/{espace_a.slug}/membres/")
    page.locator("#id_email").fill("eve@example.org")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.locator(".messages")).to_contain_text("Invitation envoyée à eve@example.org")
    bob_id = espace_a.adhesions.get(user=bob).pk
    page.locator(f"#role-{bob_id}").select_option("contributeur")
    page.locator(f"form[action$='/membres/{bob_id}/role/'] button").click()
    expect(page.locator(".messages")).to_contain_text("Rôle de Bob modifié")
    assert espace_a.adhesions.get(user=bob).role == Role.CONTRIBUTEUR
    context.close()
