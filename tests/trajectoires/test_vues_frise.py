"""The timeline: filters by period, theme and status; a table and a JSON twin."""

import html

import pytest

from .vues_samples import PRIVE_TITLE, PUBLIC_TITLE, RESEAU_TITLE, make_trajectory

pytestmark = pytest.mark.django_db


def frise(client, espace, suffix="frise.json", **params):
    return client.get(f"/espaces/{espace.slug}/trajectoire/{suffix}", params)


def titles(response) -> set[str]:
    return {a["title"] for a in response.json()["actions"]}


@pytest.fixture
def member(as_user, espace_a, alice):
    make_trajectory(espace_a)
    return as_user(alice)


def test_the_period_keeps_actions_that_overlap_it(member, espace_a):
    # public: 2010–2012, réseau: since 2012 (en cours), privé: 2014–2016, public2: 2017.
    assert titles(frise(member, espace_a, debut=2013, fin=2015)) == {RESEAU_TITLE, PRIVE_TITLE}
    assert PUBLIC_TITLE in titles(frise(member, espace_a, fin=2010))


def test_theme_and_status_filters(member, espace_a):
    assert titles(frise(member, espace_a, theme="alimentation")) == {PRIVE_TITLE}
    assert titles(frise(member, espace_a, statut="en_cours")) == {RESEAU_TITLE}


def test_events_and_phases_follow_the_period(member, espace_a):
    data = frise(member, espace_a, debut=2015).json()
    assert [s["title"] for s in data["sauts"]] == ["Passage à l'intercommunalité"]
    assert data["evenements"] == []
    assert data["phases"] == []


def test_bad_filters_give_a_french_message_and_the_whole_timeline(member, espace_a):
    response = frise(member, espace_a, "frise/", debut=2016, fin=2010)
    content = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "L'année de fin doit suivre l'année de début." in content
    assert PUBLIC_TITLE in content and PRIVE_TITLE in content
    data = frise(member, espace_a, debut="deux mille", theme="inconnu").json()
    assert set(data["errors"]) == {"debut", "theme"}
    assert len(data["actions"]) == 4


def test_the_page_has_a_table_alternative_and_links_its_json_twin(member, espace_a):
    content = frise(member, espace_a, "frise/", theme="energie").content.decode()
    assert '<table class="table">' in content and 'scope="col"' in content
    assert "frise.json?theme=energie" in content
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="frise"' in content


def test_actions_without_start_are_in_the_table_but_not_drawn(member, espace_a):
    from balises.trajectoires.models import Action

    Action.objects.create(espace=espace_a, title="Idée sans date-3301", status="idee")
    content = frise(member, espace_a, "frise/").content.decode()
    svg = content.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "Idée sans date-3301" not in svg
    assert "date inconnue" in content
