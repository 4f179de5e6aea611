"""Pages of events, phases and systemic leaps: list, detail, form, deletion, under the rules."""

from datetime import date

import pytest
from django.urls import reverse

from balises.espaces.models import Visibility
from balises.trajectoires import services
from balises.trajectoires.models import Evenement, Phase, SautSystemique

from .actions_samples import PRIVE, make_actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(espace_a, alice):
    return make_actions(espace_a, alice)


def test_contributor_records_an_event_seized_by_actions(as_user, espace_a, actions, charlie):
    url = reverse("trajectoires:evenements_create", args=[espace_a.slug])
    response = as_user(charlie).post(
        url,
        {
            "title": "Appel à projets TEPOS",
            "kind": "appel_a_projets",
            "date": "06/2014",
            "actions": [actions["prive"].pk],
            "visibility": "public",
        },
    )
    event = Evenement.objects.get()
    assert response.status_code == 302 and event.date_precision == "month"
    assert list(event.actions.all()) == [actions["prive"]]
    page = as_user(charlie).get(response.url).content.decode()
    assert "juin 2014" in page and PRIVE in page


def test_a_public_event_does_not_name_private_actions_to_outsiders(
    as_user, espace_a, actions, alice, dana
):
    event = services.save_evenement(
        espace_a,
        alice,
        {"title": "Crise", "kind": "crise", "date": date(2012, 1, 1),
         "actions": [actions["prive"]], "visibility": Visibility.PUBLIC},
    )  # fmt: skip
    detail = reverse("trajectoires:evenements_detail", args=[espace_a.slug, event.pk])
    listing = reverse("trajectoires:evenements_list", args=[espace_a.slug])
    for url in (detail, listing):
        content = as_user(dana).get(url).content.decode()
        assert "Crise" in content and PRIVE not in content
    data = as_user(None).get(reverse("trajectoires:evenements_json", args=[espace_a.slug])).json()
    assert data["results"][0]["actions"] == []


def test_phase_with_end_before_start_is_refused(as_user, espace_a, charlie):
    url = reverse("trajectoires:phases_create", args=[espace_a.slug])
    data = {"name": "Pionniers", "start": "2015", "end": "2010", "visibility": "prive"}
    response = as_user(charlie).post(url, data)
    assert response.status_code == 400
    assert "ne peut pas précéder le début" in response.content.decode()
    assert not Phase.objects.exists()


def test_leap_is_edited_and_deleted_with_its_history(as_user, espace_a, actions, alice):
    saut = services.save_saut(
        espace_a, alice, {"title": "Changement d'échelle", "date": date(2016, 1, 1),
                          "widened": ["echelle"], "actions": [actions["public"]]},
    )  # fmt: skip
    client = as_user(alice)
    edit = reverse("trajectoires:sauts_edit", args=[espace_a.slug, saut.pk])
    client.post(
        edit,
        {"title": "Changement d'échelle", "date": "2016", "widened": ["echelle", "acteurs"],
         "visibility": "prive"},
    )  # fmt: skip
    saut.refresh_from_db()
    assert saut.widened == ["acteurs", "echelle"] and saut.date_precision == "year"
    detail = client.get(reverse("trajectoires:sauts_detail", args=[espace_a.slug, saut.pk]))
    assert "les acteurs" in detail.content.decode() and "Alice" in detail.content.decode()
    client.post(reverse("trajectoires:sauts_delete", args=[espace_a.slug, saut.pk]))
    assert not SautSystemique.objects.exists()
    assert SautSystemique.history.filter(history_type="-").exists()


def test_reader_gets_403_outsider_404_and_anonymous_sees_public_only(
    as_user, espace_a, alice, bob, dana
):
    phase = services.save_phase(
        espace_a, alice, {"name": "Phase privée", "start": date(2010, 1, 1)}
    )
    edit = reverse("trajectoires:phases_edit", args=[espace_a.slug, phase.pk])
    detail = reverse("trajectoires:phases_detail", args=[espace_a.slug, phase.pk])
    assert as_user(bob).get(detail).status_code == 200
    assert as_user(bob).get(edit).status_code == 403
    assert as_user(dana).get(detail).status_code == 404
    assert as_user(None).get(detail).status_code == 404
    listing = reverse("trajectoires:phases_list", args=[espace_a.slug])
    assert "Phase privée" not in as_user(None).get(listing).content.decode()
