import csv
import io

from django.urls import reverse


def test_index_lists_latest_versions_with_counts(client, mini, villes_pairs):
    response = client.get(reverse("referentiels:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mini référentiel" in page and "Villes pairs" in page
    assert reverse("referentiels:detail", args=["mini", "1"]) in page
    assert reverse("referentiels:index_json") in page


def test_index_shows_an_empty_message_without_referentiels(client, db):
    assert "Aucun référentiel" in client.get(reverse("referentiels:index")).content.decode()


def test_index_json_and_csv_twins(client, mini):
    data = client.get(reverse("referentiels:index_json")).json()
    assert [(r["slug"], r["element_count"]) for r in data["results"]] == [("mini", 5)]
    response = client.get(reverse("referentiels:index_csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["slug"] == "mini" and rows[0]["elements"] == "5"


def test_slug_alone_redirects_to_the_latest_version(client, mini):
    response = client.get(reverse("referentiels:latest", args=["mini"]))
    assert response.url == reverse("referentiels:detail", args=["mini", "1"])
    assert client.get(reverse("referentiels:latest", args=["inconnu"])).status_code == 404
