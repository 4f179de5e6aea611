"""A new API token is shown once and selected whole when it gets the focus, ready to copy."""

from django.test import Client
from playwright.sync_api import expect


def test_new_token_is_selected_on_focus_and_works_on_the_api(
    live_server, page, transactional_db, make_user, csp_errors
):
    client = Client()
    client.force_login(make_user("alice@example.org"))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + "/compte/jetons/")
    page.get_by_label("Nom du jeton").fill("tableur")
    page.locator("form.form").get_by_role("button", name="Créer un jeton").click()
    token = page.locator("#token-value")
    expect(token).to_contain_text("bal_")
    raw = token.inner_text().strip()

    token.focus()
    assert page.evaluate("window.getSelection().toString()").strip() == raw

    answer = page.request.get(
        live_server.url + "/api/v1/moi", headers={"Authorization": f"Bearer {raw}"}
    )
    assert answer.status == 200 and answer.json()["email"] == "alice@example.org"
    page.goto(live_server.url + "/compte/jetons/")
    expect(page.locator("#token-value")).to_have_count(0)
    assert csp_errors == []
