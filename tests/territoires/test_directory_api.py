"""API read endpoints /api/v1/territoires/: same filters as the directory, detail by uid."""

import pytest

from .national_data import national  # noqa: F401

pytestmark = pytest.mark.usefixtures("national")
API = "/api/v1/territoires/"


def test_api_list_searches_with_typos_and_filters_without_authentication(client):
    body = client.get(API, {"q": "grande synthe"}).json()
    assert body["results"][0]["uid"] == "commune-59271"
    body = client.get(API, {"kind": "commune", "region": "32", "per_page": 2, "page": 2}).json()
    assert body["count"] == 6 and body["pages"] == 3 and body["page"] == 2
    assert [row["name"] for row in body["results"]] == ["Liévin", "Grande-Synthe"]


def test_api_rejects_an_unknown_filter_value_in_french(client):
    response = client.get(API, {"population": "beaucoup"})
    assert response.status_code == 422
    assert "Filtres invalides" in response.json()["detail"]


def test_api_detail_gives_parents_and_children(client):
    body = client.get(API + "commune-62528").json()
    assert body["epci"]["code"] == "246200364" and body["children"] == []
    body = client.get(API + "region-53").json()
    assert [child["name"] for child in body["children"]] == ["Côtes-d'Armor"]


def test_api_detail_of_an_unknown_uid_is_404(client):
    assert client.get(API + "commune-00000").status_code == 404
    assert client.get(API + "nimporte").status_code == 404


def test_api_lists_the_communes_of_an_epci(client):
    body = client.get(API, {"epci": "245900428"}).json()
    assert [row["name"] for row in body["results"]] == ["Dunkerque", "Grande-Synthe"]
