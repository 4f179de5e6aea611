"""A visitor signs up, confirms by email, signs in, and switches language back and forth."""

import re

from django.core import mail
from playwright.sync_api import expect

PASSWORD = "un-mot-de-passe-du-navigateur-3"


def test_visitor_signs_up_confirms_signs_in_and_switches_language(
    live_server, page, transactional_db, csp_errors
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Créer un compte").first.click()
    page.get_by_label("Courriel").fill("navigatrice@example.org")
    page.get_by_label("Mot de passe", exact=False).first.fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.locator("form.form").get_by_role("button", name="Création de compte").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vérifiez votre adresse")

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/comptes/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    page.locator("form.form").get_by_role("button", name="Confirmer").click()
    # Confirming in the same browser signs the new user in.
    expect(page.locator(".site-header")).to_contain_text("navigatrice")

    page.locator(".site-header").get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("link", name="Se connecter").first.click()
    page.get_by_label("Courriel").fill("navigatrice@example.org")
    page.get_by_label("Mot de passe").first.fill(PASSWORD)
    page.locator("form.form").get_by_role("button", name="Connexion").click()
    expect(page.locator(".site-header")).to_contain_text("navigatrice")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(live_server.url + "/compte/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies["django_language"] == "en"

    page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert csp_errors == []
