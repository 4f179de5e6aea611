"""The directory in a browser: live search as one types, and no serious accessibility issue."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.territoires.national_data import national  # noqa: F401

pytestmark = pytest.mark.usefixtures("national")


def serious_violations(page) -> list[str]:
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def test_typing_a_name_with_a_typo_updates_the_results_and_the_address(
    live_server, page, transactional_db
):
    page.goto(live_server.url + "/territoires/")
    page.locator("#id_q").fill("loos en gohele")
    page.wait_for_selector("#resultats tbody tr:only-child")
    assert page.locator("#resultats tbody th a").inner_text() == "Loos-en-Gohelle"
    assert "q=loos%20en%20gohele" in page.url


@pytest.mark.parametrize("path", ["/territoires/?q=le+mene", "/territoires/epci-246200364/"])
def test_directory_and_territory_pages_have_no_serious_accessibility_violation(
    live_server, page, transactional_db, path
):
    page.goto(live_server.url + path)
    assert serious_violations(page) == []
