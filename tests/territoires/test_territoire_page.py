"""The page of a territory: identity, parents, children, its space, its JSON twin."""

import csv
import io

import pytest
from django.urls import reverse

from balises.territoires.lookups import get_territoire
from balises.territoires.models import Territoire

from .national_data import national  # noqa: F401

pytestmark = pytest.mark.usefixtures("national")


def page(client, uid, **params):
    response = client.get(reverse("territoires:detail", args=[uid]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_commune_page_shows_identity_and_links_to_its_parents(client):
    content = page(client, "commune-62528")
    assert "<h1>Loos-en-Gohelle</h1>" in content
    assert "216205286" in content and "62750" in content and "6\u00a0799" in content
    for parent in ("epci-246200364", "departement-62", "region-32"):
        assert f'href="/territoires/{parent}/"' in content


def test_epci_page_lists_its_member_communes_with_populations(client):
    content = page(client, "epci-246200364")
    assert "4 communes" in content
    assert content.index("Lens") < content.index("Liévin") < content.index("Loos-en-Gohelle")
    assert "32\u00a0920" in content


def test_departement_page_lists_its_epci_and_pages_its_communes(client):
    content = page(client, "departement-22")
    assert "Loudéac Communauté - Bretagne Centre" in content
    assert "Communes du département" in content
    assert content.index(">Loudéac<") < content.index(">Allineuc<")


def test_region_page_lists_its_departements(client):
    content = page(client, "region-32")
    assert "Pas-de-Calais" in content and "Nord" in content
    assert "2 départements" in content


def test_page_includes_the_space_block(client):
    assert "Espace de travail" in page(client, "commune-62528")


def test_merged_commune_page_points_to_the_commune_it_joined(client):
    menez = Territoire.objects.get(code="22055")
    menez.is_current = False
    menez.replaced_by = Territoire.objects.get(code="22046")
    menez.save()
    content = page(client, "commune-22055")
    assert "n'existe plus" in content and 'href="/territoires/commune-22046/"' in content


def test_json_twin_of_an_epci_lists_its_members(client):
    data = client.get(reverse("territoires:detail_json", args=["epci-246200364"]))
    body = data.json()
    assert body["name"] == "CA de Lens - Liévin" and body["children_count"] == 4
    assert body["children"][0] == {
        "uid": "commune-62498",
        "kind": "commune",
        "code": "62498",
        "name": "Lens",
        "url": "/territoires/commune-62498/",
        "population": 32920,
    }


@pytest.mark.parametrize("uid", ["commune-00000", "planete-62528", "commune", "commune-62528-x"])
def test_unknown_or_malformed_uid_gives_404(client, uid):
    response = client.get(f"/territoires/{uid}/")
    assert response.status_code == 404


def test_get_territoire_accepts_lowercase_corsican_codes():
    Territoire.objects.create(
        kind="departement", code="2A", name="Corse-du-Sud", search_name="corse du sud"
    )
    assert get_territoire("departement-2a").name == "Corse-du-Sud"


def test_commune_page_names_the_former_communes_it_merged(client):
    content = page(client, "commune-22046")
    assert "Anciennes communes" in content and "Collinée" in content


def test_epci_page_links_to_the_csv_of_its_communes(client):
    content = page(client, "epci-246200364")
    assert 'href="/territoires/territoires.csv?kind=commune&amp;epci=246200364"' in content


def test_csv_twin_of_an_epci_gives_it_then_its_members(client):
    response = client.get(reverse("territoires:detail_csv", args=["epci-246200364"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows[:3]] == ["identifiant", "epci-246200364", "commune-62498"]
    assert len(rows) == 1 + 1 + 4
    assert rows[2][8:] == ["CA de Lens - Liévin", "Pas-de-Calais", "Hauts-de-France"]
