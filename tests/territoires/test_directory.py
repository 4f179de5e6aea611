"""The directory /territoires/: search by name with typos, by code, filters, pagination."""

import pytest
from django.urls import reverse

from balises.territoires import directory
from balises.territoires.models import Territoire

from .national_data import national  # noqa: F401

pytestmark = pytest.mark.usefixtures("national")
URL = reverse("territoires:index")
JSON_URL = reverse("territoires:index_json")


def names(client, **params):
    response = client.get(JSON_URL, params)
    assert response.status_code == 200
    return [row["name"] for row in response.json()["results"]]


def test_directory_page_lists_territories_with_the_most_populated_first(client):
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "18 territoires trouvés" in content
    assert content.index("Hauts-de-France") < content.index("Allineuc")


def test_main_navigation_links_to_the_directory(client):
    assert 'href="/territoires/" aria-current="page"' in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("loos en gohele", "Loos-en-Gohelle"),
        ("LOOS-EN-GOHELLE", "Loos-en-Gohelle"),
        ("le mene", "Le Mené"),
        ("grande synthe", "Grande-Synthe"),
        ("lievin", "Liévin"),
        ("dunkerke", "Dunkerque"),
        ("communaute agglomeration lens", "CA de Lens - Liévin"),
    ],
)
def test_name_search_tolerates_accents_case_hyphens_and_typos(client, typed, found):
    assert names(client, q=typed)[0] == found


def test_exact_name_comes_before_a_similar_one(client):
    assert names(client, q="le mene")[:2] == ["Le Mené", "Le Menez"]


def test_search_by_insee_code_siren_and_postcode(client):
    assert names(client, q="62528") == ["Loos-en-Gohelle"]
    assert names(client, q="216205286") == ["Loos-en-Gohelle"]
    assert names(client, q="246200364") == ["CA de Lens - Liévin"]
    assert names(client, q="59240") == ["Dunkerque"]
    assert names(client, q="62")[0] == "Pas-de-Calais"


def test_filters_by_kind_region_departement_and_population_band(client):
    assert names(client, kind="epci", region="53") == ["Loudéac Communauté - Bretagne Centre"]
    assert names(client, kind="commune", departement="59") == ["Dunkerque", "Grande-Synthe"]
    assert names(client, kind="commune", population="0-2000") == ["Le Menez", "Allineuc"]
    assert names(client, kind="commune", population="50000-") == ["Dunkerque"]
    assert names(client, q="l", departement="62", population="2000-10000") == ["Loos-en-Gohelle"]


def test_unknown_filter_value_is_explained_and_finds_nothing(client):
    response = client.get(URL, {"kind": "planete"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert "Aucun territoire ne correspond" in response.content.decode()


def test_results_are_paginated_by_25_with_an_accessible_navigation(client):
    for number in range(30):
        Territoire.objects.create(
            kind="commune",
            code=f"99{number:03}",
            name=f"Village {number}",
            search_name=f"village {number}",
            population=number,
        )
    directory.clear()
    response = client.get(URL, {"q": "village"})
    content = response.content.decode()
    assert "30 territoires trouvés" in content
    assert content.count('<th scope="row">') == 25
    assert '<nav aria-label="Pages de résultats">' in content
    assert 'href="?q=village&amp;page=2" rel="next"' in content
    second = client.get(URL, {"q": "village", "page": 2}).content.decode()
    assert second.count('<th scope="row">') == 5


def test_index_sees_territories_added_by_another_process(client):
    assert names(client, q="pontoise") == []
    Territoire.objects.create(
        kind="commune", code="95500", name="Pontoise", search_name="pontoise", population=1
    )
    assert names(client, q="pontoise") == ["Pontoise"]


def test_merged_communes_are_not_listed(client):
    Territoire.objects.filter(code="22055").update(is_current=False)
    directory.clear()
    assert "Le Menez" not in names(client, q="le menez")


def test_former_commune_name_finds_the_commune_it_joined(client):
    assert names(client, q="collinee") == ["Le Mené"]


def test_epci_filter_lists_its_member_communes_and_can_be_removed(client):
    assert names(client, epci="246200364", kind="commune") == [
        "Lens",
        "Liévin",
        "Grenay",
        "Loos-en-Gohelle",
    ]
    content = client.get(URL, {"epci": "246200364", "kind": "commune"}).content.decode()
    assert "Communes membres de <strong>CA de Lens - Liévin</strong>" in content
    assert 'href="?kind=commune">retirer ce filtre' in content


def test_region_and_departement_filters_do_not_mix_their_codes(client):
    # Région 53 and a département 53 (Mayenne) share a code: each filter keeps to its kind.
    Territoire.objects.create(kind="departement", code="53", name="Mayenne", search_name="mayenne")
    assert names(client, region="53", departement="22", kind="commune")[0] == "Loudéac"


def test_malformed_epci_siren_is_explained(client):
    content = client.get(URL, {"epci": "12"}).content.decode()
    assert "Un SIREN d&#x27;intercommunalité a 9 chiffres." in content
