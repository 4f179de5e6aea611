"""The views of a trajectory in a browser: no serious accessibility violation on a desktop or
a phone, nothing blocked by the Content-Security-Policy, drawings readable without scripts."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.trajectoires.vues_samples import PUBLIC_TITLE, make_trajectory

VIEWS = ["", "frise/", "graphe/", "couverture/"]


@pytest.fixture
def trajectory(transactional_db, espace_a):
    make_trajectory(espace_a)
    return espace_a


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("width", [1280, 375])
def test_trajectory_views_have_no_serious_accessibility_violation(
    live_server, page, trajectory, view, width
):
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if m.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/espaces/{trajectory.slug}/trajectoire/{view}")
    violations = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']}: {v['help']} — " + ", ".join(n["target"][0] for n in v["nodes"][:3])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
    assert blocked == []


def test_the_timeline_is_drawn_without_javascript(browser, live_server, trajectory):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/espaces/{trajectory.slug}/trajectoire/frise/")
    svg = page.locator("svg#frise")
    assert svg.get_attribute("role") == "img"
    assert svg.bounding_box()["height"] > 100
    assert page.locator("svg#frise title", has_text=PUBLIC_TITLE).count() == 1
    context.close()
