"""JSON and CSV twins of the directory, with the same filters."""

import csv
import io

import pytest
from django.urls import reverse

from .national_data import national  # noqa: F401

pytestmark = pytest.mark.usefixtures("national")
URL = reverse("territoires:index")


def test_json_twin_gives_a_page_with_parents_and_urls(client):
    data = client.get(URL, {"q": "loos en gohele", "format": "json"}).json()
    assert data["count"] == 1 and data["pages"] == 1 and data["per_page"] == 25
    loos = data["results"][0]
    assert loos["uid"] == "commune-62528"
    assert loos["url"] == "/territoires/commune-62528/"
    assert loos["epci"]["uid"] == "epci-246200364"
    assert loos["departement"]["name"] == "Pas-de-Calais"
    assert loos["region"]["name"] == "Hauts-de-France"
    assert loos["postcodes"] == ["62750"]


def test_csv_twin_is_excel_friendly_and_holds_every_result(client):
    response = client.get(URL, {"departement": "62", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["identifiant", "nature", "code", "nom"]
    assert [row[3] for row in rows[1:]] == [
        "CA de Lens - Liévin",
        "Lens",
        "Liévin",
        "Grenay",
        "Loos-en-Gohelle",
    ]
    lens = rows[2]
    assert lens[8:] == ["CA de Lens - Liévin", "Pas-de-Calais", "Hauts-de-France"]


def test_directory_page_links_to_its_twins_with_the_current_filters(client):
    content = client.get(URL, {"q": "lens", "kind": "commune"}).content.decode()
    assert "format=json" in content and "format=csv" in content
    assert "?q=lens&amp;kind=commune&amp;format=csv" in content
