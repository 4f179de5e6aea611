"""Cooperation pages in a real browser: accessible at two widths, no blocked resource or
inline style (CSP), and a contribution declared without JavaScript shows its warning."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import expect

from balises.cooperation.models import Contribution
from tests.cooperation.samples import ACTEUR_PUBLIC, make_cooperation

PAGES = ["", "tableau-de-bord/", "reseau/", "contributions/", "contributions/nouvelle/"]


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
def test_cooperation_pages_have_no_serious_accessibility_violation(
    live_server, page, transactional_db, espace_a, alice, width, csp_errors
):
    made = make_cooperation(espace_a, alice)
    _sign_in(page, live_server, alice)
    page.set_viewport_size({"width": width, "height": 900})
    base = f"{live_server.url}/espaces/{espace_a.slug}/cooperation/"
    for suffix in [*PAGES, f"acteurs/{made['public'].pk}/"]:
        page.goto(base + suffix)
        assert _serious(page) == [], suffix
    assert csp_errors == []


def test_a_contribution_declared_without_javascript_shows_its_warning(
    live_server, browser, transactional_db, espace_a, alice, charlie
):
    made = make_cooperation(espace_a, alice)
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    _sign_in(page, live_server, charlie)
    page.goto(f"{live_server.url}/espaces/{espace_a.slug}/cooperation/contributions/nouvelle/")
    page.locator("#id_action").select_option(str(made["action"].pk))
    page.locator("#id_acteur").select_option(str(made["public"].pk))
    page.locator("#id_nature").select_option("temps")
    page.locator("#id_amount").fill("0,25")
    page.locator("#id_unit").select_option("etp")
    page.locator("#id_period").fill("2030")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("h1")).to_contain_text(ACTEUR_PUBLIC)
    expect(page.locator(".messages")).to_contain_text("suit la fin de l")
    assert Contribution.objects.filter(amount="0.25", unit="etp").count() == 1
    context.close()
