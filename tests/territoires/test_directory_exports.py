"""JSON and CSV twins of the directory, with the same filters."""

import csv
import io

import pytest
from django.urls import reverse

from .national_data import national  # noqa: F401

pytestmark = pytest.mark.usefixtures("national")
URL = reverse("territoires:index")
JSON_URL = reverse("territoires:index_json")
CSV_URL = reverse("territoires:index_csv")


def test_json_twin_gives_a_page_with_parents_and_urls(client):
    data = client.get(JSON_URL, {"q": "loos en gohele"}).json()
    assert data["count"] == 1 and data["pages"] == 1 and data["per_page"] == 25
    loos = data["results"][0]
    assert loos["uid"] == "commune-62528"
    assert loos["url"] == "/territoires/commune-62528/"
    assert loos["epci"]["uid"] == "epci-246200364"
    assert loos["departement"]["name"] == "Pas-de-Calais"
    assert loos["region"]["name"] == "Hauts-de-France"
    assert loos["postcodes"] == ["62750"]


def test_json_twin_refuses_bad_filters_and_pages_in_french(client):
    response = client.get(JSON_URL, {"kind": "planete"})
    assert response.status_code == 400 and "kind" in response.json()["errors"]
    response = client.get(JSON_URL, {"page": "abc"})
    assert response.status_code == 400 and "« page »" in response.json()["detail"]


def test_csv_twin_is_excel_friendly_and_holds_every_result(client):
    response = client.get(CSV_URL, {"departement": "62"})
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
    assert (
        f'<link rel="alternate" type="application/json" href="{JSON_URL}?q=lens&amp;kind=commune">'
        in content
    )
    assert f'href="{CSV_URL}?q=lens&amp;kind=commune" type="text/csv"' in content


def test_the_former_format_parameter_redirects_to_the_twins(client):
    response = client.get(URL, {"q": "lens", "format": "json", "page": "2"})
    assert response.status_code == 301 and response.url == f"{JSON_URL}?q=lens&page=2"
    response = client.get(URL, {"q": "lens", "format": "csv", "page": "2"})
    assert response.status_code == 301 and response.url == f"{CSV_URL}?q=lens"
    detail = reverse("territoires:detail", args=["commune-62528"])
    response = client.get(detail, {"format": "json"})
    assert response.url == reverse("territoires:detail_json", args=["commune-62528"])
