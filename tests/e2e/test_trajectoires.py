"""Pages of a trajectory in a browser: no serious accessibility violation, no blocked resource,
and the action form, its version conflict and the import preview work as people use them."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from balises.trajectoires import services
from tests.trajectoires.actions_samples import make_actions


def _serious(page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']}: {v['help']} — " + ", ".join(n["target"][0] for n in v["nodes"][:3])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def _sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.fixture
def trajectory(espace_a, alice):
    actions = make_actions(espace_a, alice)
    services.link_actions(alice, actions["public"], actions["prive"], "entraine", "parce que")
    return actions


@pytest.mark.parametrize("width", [1280, 375])
def test_action_pages_have_no_serious_accessibility_violation(
    live_server, page, transactional_db, espace_a, alice, trajectory, csp_errors, width
):
    _sign_in(page, live_server, alice)
    page.set_viewport_size({"width": width, "height": 900})
    base = f"{live_server.url}/espaces/{espace_a.slug}/trajectoire"
    pk = trajectory["public"].pk
    for path in (
        "/actions/", f"/actions/{pk}/", f"/actions/{pk}/modifier/", "/actions/nouvelle/",
        "/actions/corbeille/", "/import/", "/evenements/", "/phases/nouveau/", "/sauts/",
    ):  # fmt: skip
        page.goto(base + path)
        assert _serious(page) == [], path
    assert csp_errors == []


def test_a_conflict_keeps_what_was_typed_and_the_import_preview_lists_errors(
    live_server, page, transactional_db, espace_a, alice, trajectory, tmp_path
):
    _sign_in(page, live_server, alice)
    base = f"{live_server.url}/espaces/{espace_a.slug}/trajectoire"
    action = trajectory["prive"]
    page.goto(f"{base}/actions/{action.pk}/modifier/")
    services.update_action(action, alice, {"title": "Changé ailleurs"}, action.version)
    page.locator("#id_summary").fill("Mon résumé")
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_selector("div.panel-warning[role=alert]")
    assert "Mon résumé" in page.locator("div.panel-warning[role=alert]").inner_text()
    assert page.locator("#id_title").input_value() == "Changé ailleurs"
    assert _serious(page) == []

    upload = tmp_path / "actions.csv"
    upload.write_text("titre;statut\nBonne;en cours\nMauvaise;finie\n", encoding="utf-8")
    page.goto(f"{base}/import/")
    page.set_input_files("input[type=file]", str(upload))
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_selector("table")
    assert "Ligne 3, colonne « statut »" in page.locator("main").inner_text()
    assert _serious(page) == []
