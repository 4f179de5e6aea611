"""axe-core finds no serious or critical violation on the main pages; the skip link works."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

PAGES = ["/", "/comptes/login/", "/comptes/signup/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1280, 375])
def test_page_has_no_serious_accessibility_violation(
    live_server, page, transactional_db, path, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + path)
    results = Axe().run(page)
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert serious == []


def test_signup_errors_have_no_serious_accessibility_violation(live_server, page, transactional_db):
    page.goto(live_server.url + "/comptes/signup/")
    page.locator("#id_email").fill("a@example.org")
    page.locator("#id_password1").fill("123")
    page.locator("#id_password2").fill("456")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_selector(".field-error")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in {"serious", "critical"}] == []


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(
    live_server, page, transactional_db
):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#contenu"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


@pytest.mark.parametrize("path", ["/compte/", "/compte/jetons/", "/comptes/email/"])
def test_account_page_has_no_serious_accessibility_violation(
    live_server, page, transactional_db, make_user, path
):
    client = Client()
    client.force_login(make_user())
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(live_server.url + path)
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in {"serious", "critical"}] == []
