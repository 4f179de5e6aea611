"""Campaign pages: list, creation, a campaign's page and what référents do on it."""

import pytest
from django.core import mail
from django.urls import reverse

from balises.diagnostics.models import Campagne, CampagneStatus, Repondant

pytestmark = pytest.mark.django_db


def _url(espace, name, *args):
    return reverse(f"diagnostics:{name}", args=[espace.slug, *args])


def test_a_referent_creates_a_campaign_with_every_balise_ticked(
    as_user, espace_a, villes_pairs, alice
):
    client = as_user(alice)
    page = client.get(_url(espace_a, "campagne_create")).content.decode()
    assert page.count("checked") == 23
    assert "proposition de Balises" in page  # whose scale the answers will use
    balises = villes_pairs.elements.filter(kind__code="balise")[:3]
    response = client.post(
        _url(espace_a, "campagne_create"),
        {"title": "Printemps", "starts_on": "2026-03-01", "ends_on": "2026-04-01",
         "elements": [e.pk for e in balises]},
    )  # fmt: skip
    campagne = Campagne.objects.get()
    assert response.status_code == 302 and campagne.elements.count() == 3
    assert campagne.history.first().history_user == alice


def test_a_period_ending_before_it_starts_is_refused_in_french(
    as_user, espace_a, villes_pairs, alice
):
    response = as_user(alice).post(
        _url(espace_a, "campagne_create"),
        {"title": "x", "starts_on": "2026-03-01", "ends_on": "2026-01-01",
         "elements": [villes_pairs.elements.first().pk]},
    )  # fmt: skip
    assert response.status_code == 400 and "précède son début" in response.content.decode()
    assert not Campagne.objects.exists()


def test_a_reader_cannot_create_and_an_outsider_gets_404(
    as_user, espace_a, villes_pairs, bob, dana
):
    assert as_user(bob).get(_url(espace_a, "campagne_create")).status_code == 403
    assert as_user(dana).get(_url(espace_a, "campagne_create")).status_code == 404
    response = as_user(None).get(_url(espace_a, "campagne_create"))
    assert response.status_code == 302


def test_the_referent_runs_the_campaign_and_invites_respondents(as_user, campagne, alice, charlie):
    client = as_user(alice)
    espace = campagne.espace
    client.post(
        _url(espace, "repondant_add", campagne.pk), {"member": charlie.pk, "viewpoint": "agent"}
    )
    client.post(
        _url(espace, "repondant_invite", campagne.pk),
        {"name": "Paul Partenaire", "email": "paul@example.org", "viewpoint": "partenaire"},
    )
    assert set(Repondant.objects.values_list("name", flat=True)) == {"Charlie", "Paul Partenaire"}
    assert "paul@example.org" in mail.outbox[-1].to
    client.post(_url(espace, "campagne_status", campagne.pk), {"status": "closed"})
    client.post(_url(espace, "campagne_publish", campagne.pk), {"published": "1"})
    campagne.refresh_from_db()
    assert campagne.status == CampagneStatus.CLOSED and campagne.results_published
    page = client.get(_url(espace, "campagne_detail", campagne.pk)).content.decode()
    assert "Paul Partenaire" in page and "Rouvrir aux réponses" in page


def test_a_contributor_cannot_run_the_campaign(as_user, campagne, charlie):
    espace = campagne.espace
    response = as_user(charlie).post(
        _url(espace, "campagne_status", campagne.pk), {"status": "closed"}
    )
    assert response.status_code == 403
    response = as_user(charlie).post(
        _url(espace, "repondant_invite", campagne.pk),
        {"name": "X", "email": "x@example.org", "viewpoint": "elu"},
    )
    assert response.status_code == 403 and not Repondant.objects.exists()


def test_a_draft_campaign_is_hidden_from_the_public_even_when_listed(as_user, campagne, dana):
    page = as_user(None).get(_url(campagne.espace, "campagne_list")).content.decode()
    assert campagne.title not in page
    data = as_user(None).get(_url(campagne.espace, "campagne_list_json")).json()
    assert data["count"] == 0


def test_the_space_navigation_has_the_self_assessment_entry(as_user, espace_a, bob):
    page = as_user(bob).get(reverse("espaces:home", args=[espace_a.slug])).content.decode()
    assert "Auto-diagnostic" in page


def test_another_referentiel_with_a_scale_can_be_chosen(as_user, espace_a, villes_pairs, alice):
    from pathlib import Path

    from balises.referentiels import services as referentiels

    mini_file = Path(__file__).parent.parent / "referentiels" / "data" / "mini.yaml"
    mini = referentiels.import_referentiel(mini_file).referentiel
    client = as_user(alice)
    page = client.get(_url(espace_a, "campagne_create"), {"referentiel": mini.pk}).content.decode()
    assert f'value="{mini.pk}" selected' in page
    element = mini.elements.first()
    client.post(
        _url(espace_a, "campagne_create"),
        {"referentiel": mini.pk, "title": "Mini", "starts_on": "2026-03-01",
         "ends_on": "2026-04-01", "elements": [element.pk]},
    )  # fmt: skip
    assert Campagne.objects.get().referentiel == mini
    page = client.get(_url(espace_a, "campagne_create"), {"referentiel": "nimporte"})
    assert f'value="{villes_pairs.pk}" selected' in page.content.decode()


def test_referents_see_the_history_of_the_campaign(as_user, campagne, alice, bob):
    page = as_user(alice).get(_url(campagne.espace, "campagne_detail", campagne.pk))
    assert "Historique" in page.content.decode() and "ouverte" in page.content.decode()
    page = as_user(bob).get(_url(campagne.espace, "campagne_detail", campagne.pk))
    assert "historique-titre" not in page.content.decode()
