"""Référentiel pages in a browser: the collapsible tree, search, no serious accessibility issue."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from balises.referentiels.apps import BUILTIN_FILES
from balises.referentiels.builtin import load_builtin


@pytest.fixture
def villes_pairs(transactional_db):
    return load_builtin(BUILTIN_FILES[0])


def serious_violations(page) -> list[str]:
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def test_a_branch_of_the_tree_folds_and_unfolds(live_server, page, villes_pairs, csp_errors):
    page.goto(live_server.url + "/referentiels/villes-pairs/2019-03/")
    first_balise = page.get_by_role("link", name="H1-B1", exact=False).first
    assert first_balise.is_visible()
    toggle = page.locator("li:has(> a[href$='/elements/H1/']) > details > summary")
    toggle.click()
    assert not first_balise.is_visible()
    toggle.click()
    assert first_balise.is_visible()
    assert csp_errors == []


def test_searching_a_verb_finds_the_noun(live_server, page, villes_pairs):
    page.goto(live_server.url + "/referentiels/villes-pairs/2019-03/")
    page.get_by_label("Mots recherchés").fill("coopérer")
    page.get_by_role("button", name="Chercher").click()
    assert "éléments trouvés pour « coopérer »" in page.get_by_role("status").inner_text()
    assert page.locator(".results").get_by_text("coopération").count() > 0


@pytest.mark.parametrize(
    "path",
    [
        "/referentiels/",
        "/referentiels/villes-pairs/2019-03/",
        "/referentiels/villes-pairs/2019-03/elements/H3-B1/",
        "/referentiels/villes-pairs/comparer/2019-03/2019-03/",
    ],
)
def test_referentiel_pages_have_no_serious_accessibility_violation(
    live_server, page, villes_pairs, path
):
    page.goto(live_server.url + path)
    assert serious_violations(page) == []
