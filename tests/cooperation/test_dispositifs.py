"""Clubs and collectives (with meetings), learning visits and reflexive sessions, recorded as
instances of the Villes pairs dispositifs."""

import re
from datetime import date

import pytest

from balises.cooperation import services
from balises.cooperation.models import Collectif, TempsReflexif, Voyage
from balises.referentiels import services as referentiels
from balises.referentiels.apps import BUILTIN_FILES

from .samples import make_cooperation

pytestmark = pytest.mark.django_db


def _url(espace, suffix):
    return f"/espaces/{espace.slug}/cooperation/{suffix}"


@pytest.fixture
def villes_pairs(db):
    return referentiels.import_referentiel(BUILTIN_FILES[0], is_builtin=True).referentiel


def test_each_record_points_to_its_dispositif_when_the_referentiel_is_loaded(
    espace_a, alice, villes_pairs
):
    collectif = services.save_record(
        Collectif, espace_a, alice, {"name": "Club", "visibility": "prive"}
    )
    assert collectif.dispositif.code == "H2-D3"
    voyage = services.save_record(
        Voyage,
        espace_a,
        alice,
        {"title": "Visite", "date": date(2020, 1, 1), "visibility": "public"},
    )
    assert voyage.dispositif.code == "H1-D3"
    temps = services.save_record(
        TempsReflexif,
        espace_a,
        alice,
        {"title": "Retour", "date": date(2020, 1, 1), "visibility": "public"},
    )
    assert temps.dispositif.code == "H3-D1"


def test_without_the_referentiel_records_are_kept_without_dispositif(espace_a, alice):
    collectif = services.save_record(
        Collectif, espace_a, alice, {"name": "Club climat", "visibility": "prive"}
    )
    assert collectif.pk and collectif.dispositif is None


def test_a_contributor_creates_a_club_and_records_a_meeting(espace_a, alice, charlie, as_user):
    made = make_cooperation(espace_a, alice)
    client = as_user(charlie)
    response = client.post(
        _url(espace_a, "collectifs/nouveau/"),
        {
            "name": "Club des entreprises",
            "themes": ["energie"],
            "members": [made["public"].pk, made["prive"].pk],
            "visibility": "prive",
        },
    )
    assert response.status_code == 302
    collectif = Collectif.objects.get(name="Club des entreprises")
    assert collectif.members.count() == 2
    response = client.post(
        _url(espace_a, f"collectifs/{collectif.pk}/reunions/nouvelle/"),
        {
            "date": "2021-03-04",
            "subject": "Réunion de lancement",
            "participants": [made["public"].pk],
        },
    )
    assert response.status_code == 302
    page = client.get(_url(espace_a, f"collectifs/{collectif.pk}/")).content.decode()
    assert "Réunion de lancement" in page and "Historique" in page


def test_a_visit_lists_its_participants_and_the_actions_it_inspired(
    espace_a, alice, charlie, as_user
):
    made = make_cooperation(espace_a, alice)
    response = as_user(charlie).post(
        _url(espace_a, "voyages/nouveau/"),
        {"title": "Visite à Loos", "date": "2019-05-02", "participants": [made["public"].pk],
         "actions": [made["action"].pk], "learnt": "Le fifty-fifty", "visibility": "public",
         "territoire": espace_a.territoire.pk},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()
    voyage = Voyage.objects.get()
    page = as_user(None).get(_url(espace_a, f"voyages/{voyage.pk}/")).content.decode()
    assert (
        "Le fifty-fifty" in page
        and "Chaufferie bois coop" in page
        and espace_a.territoire.name in page
    )


def test_a_reflexive_session_without_date_is_refused(espace_a, charlie, as_user):
    response = as_user(charlie).post(
        _url(espace_a, "temps/nouveau/"), {"title": "Retour", "visibility": "prive"}
    )
    assert response.status_code == 400
    assert not TempsReflexif.objects.exists()


def test_reader_cannot_create_a_club_and_outsider_does_not_see_a_private_one(
    espace_a, alice, bob, dana, as_user
):
    collectif = services.save_record(
        Collectif, espace_a, alice, {"name": "Club secret", "visibility": "prive"}
    )
    assert as_user(bob).get(_url(espace_a, "collectifs/nouveau/")).status_code == 403
    assert as_user(dana).get(_url(espace_a, f"collectifs/{collectif.pk}/")).status_code == 404
    assert "Club secret" not in as_user(dana).get(_url(espace_a, "collectifs/")).content.decode()


def test_a_reflexive_session_form_starts_from_values_given_in_the_address(
    espace_a, charlie, as_user, villes_pairs
):
    balise = villes_pairs.elements.get(code="H1-B1")
    page = as_user(charlie).get(
        _url(espace_a, "temps/nouveau/"),
        {"title": "Divergence sur la balise H1-B1", "balises": [str(balise.pk), "x"]},
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert 'value="Divergence sur la balise H1-B1"' in body
    checked = re.findall(r'<input type="checkbox" name="balises" value="(\d+)"[^>]*checked', body)
    assert checked == [str(balise.pk)]
