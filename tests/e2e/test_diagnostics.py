"""Self-assessment in a real browser: answering saves as one goes (htmx) and without
JavaScript; the answering and results pages are accessible and load nothing blocked."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from balises.diagnostics import services
from balises.diagnostics.models import Appreciation, Repondant
from balises.referentiels.apps import BUILTIN_FILES
from balises.referentiels.builtin import load_builtin


@pytest.fixture
def campagne(transactional_db, espace_a, alice, bob):
    load_builtin(BUILTIN_FILES[0])
    campagne = services.create_campagne(
        espace_a, alice, title="Regards croisés", starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 6, 30),
    )  # fmt: skip
    services.set_status(campagne, alice, "open")
    services.add_member(campagne, alice, bob, "elu")
    other = Repondant.objects.create(campagne=campagne, name="Agent", viewpoint="agent")
    for element in campagne.elements.all():
        Appreciation.objects.create(
            repondant=other, element=element, level=0, justification="Vu du terrain",
            status="submitted",
        )  # fmt: skip
    return campagne


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


def test_a_choice_is_saved_as_a_draft_while_answering(live_server, page, campagne, bob, csp_errors):
    _sign_in(page, live_server, bob)
    page.goto(
        f"{live_server.url}/espaces/{campagne.espace.slug}/diagnostics/{campagne.pk}/repondre/"
    )
    assert _serious(page) == []
    first = page.locator("section.diag-element").first
    first.locator("input[type=radio][value='3']").check()
    first.get_by_text("Brouillon enregistré.").wait_for()
    assert Appreciation.objects.get(repondant__user=bob).level == 3
    assert csp_errors == []


def test_answering_works_without_javascript(live_server, browser, campagne, bob):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    _sign_in(page, live_server, bob)
    page.goto(
        f"{live_server.url}/espaces/{campagne.espace.slug}/diagnostics/{campagne.pk}/repondre/"
    )
    first = page.locator("section.diag-element").first
    first.locator("input[type=radio][value='2']").check()
    first.locator("textarea").fill("Sans JavaScript")
    first.get_by_role("button", name="Enregistrer le brouillon").click()
    page.get_by_text("Brouillon enregistré").first.wait_for()
    assert Appreciation.objects.get(repondant__user=bob).justification == "Sans JavaScript"
    context.close()


def test_the_results_page_is_accessible(live_server, page, campagne, alice, csp_errors):
    _sign_in(page, live_server, alice)
    page.goto(
        f"{live_server.url}/espaces/{campagne.espace.slug}/diagnostics/{campagne.pk}/resultats/"
    )
    assert page.locator("svg.radar").count() == 2
    assert _serious(page) == []
    assert csp_errors == []
