"""Coverage of a référentiel's balises by a space's actions, with JSON and CSV twins."""

from pathlib import Path

import pytest

from balises.referentiels import services as referentiels
from balises.referentiels.builtin import load_builtin
from balises.referentiels.models import Element

from .vues_samples import PRIVE_TITLE, PUBLIC_TITLE, link_to_element, make_trajectory

pytestmark = pytest.mark.django_db
VILLES_PAIRS = Path(__file__).parents[2] / "src/balises/referentiels/data/villes-pairs-2019.yaml"
MINI = Path(__file__).parents[1] / "referentiels" / "data" / "mini.yaml"


@pytest.fixture
def covered(espace_a):
    referentiel = load_builtin(VILLES_PAIRS)
    actions = make_trajectory(espace_a)
    balises = list(
        Element.objects.filter(referentiel=referentiel, kind__code="balise").order_by("position")
    )
    link_to_element(actions["public"], balises[0])
    link_to_element(actions["prive"], balises[0], interpretation=False)
    link_to_element(actions["prive"], balises[1])
    return referentiel, balises


def url(espace, suffix="couverture/"):
    return f"/espaces/{espace.slug}/trajectoire/{suffix}"


def test_each_balise_lists_the_actions_that_illustrate_it(as_user, espace_a, alice, covered):
    _referentiel, balises = covered
    data = as_user(alice).get(url(espace_a, "couverture.json")).json()
    rows = {row["code"]: row for row in data["balises"]}
    assert len(rows) == len(balises)
    assert {a["title"] for a in rows[balises[0].code]["actions"]} == {PUBLIC_TITLE, PRIVE_TITLE}
    assert balises[0].code not in data["sans_action"]
    assert balises[2].code in data["sans_action"]


def test_anonymous_visitors_see_only_public_actions_in_the_coverage(client, espace_a, covered):
    _referentiel, balises = covered
    data = client.get(url(espace_a, "couverture.json")).json()
    rows = {row["code"]: row for row in data["balises"]}
    assert [a["title"] for a in rows[balises[0].code]["actions"]] == [PUBLIC_TITLE]
    assert balises[1].code in data["sans_action"]
    page = client.get(url(espace_a)).content.decode()
    assert PRIVE_TITLE not in page and "notre lecture" in page


def test_the_csv_twin_has_one_line_per_balise(as_user, espace_a, alice, covered):
    _referentiel, balises = covered
    response = as_user(alice).get(url(espace_a, "couverture.csv"))
    lines = response.content.decode().strip().splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert len(lines) == len(balises) + 1
    assert PRIVE_TITLE in lines[1]


def test_another_referentiel_can_be_chosen(client, espace_a, covered):
    mini = referentiels.import_referentiel(MINI).referentiel
    data = client.get(url(espace_a, "couverture.json"), {"referentiel": mini.slug}).json()
    assert data["referentiel"]["slug"] == mini.slug
    assert {row["code"] for row in data["balises"]} == {"H1-B1", "H1-B2"}
    page = client.get(url(espace_a)).content.decode()
    assert f'value="{mini.slug}"' in page


def test_an_unknown_referentiel_falls_back_to_villes_pairs(client, espace_a, covered):
    data = client.get(url(espace_a, "couverture.json"), {"referentiel": "<inconnu>"}).json()
    assert data["referentiel"]["slug"] == "villes-pairs"
