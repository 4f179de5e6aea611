from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def detail_url(referentiel):
    return reverse("referentiels:detail", args=[referentiel.slug, referentiel.version])


def test_page_shows_the_tree_counts_levels_and_attribution(client, mini):
    page = client.get(detail_url(mini)).content.decode()
    assert "<details open><summary>2 éléments</summary>" in page
    assert page.count("<details") == 2
    assert "<strong>2</strong> thème" in page and "<strong>2</strong> balise" in page
    assert "Texte © Ada et Blaise, CC BY 4.0." in page and "CC BY 4.0" in page
    assert "initiatives isolées" in page
    assert reverse("referentiels:element", args=["mini", "1", "H1-B1"]) in page


def test_search_uses_french_stemming(client, mini):
    page = client.get(detail_url(mini), {"q": "coopérer"}).content.decode()
    assert "2 éléments trouvés" in page
    page = client.get(detail_url(mini), {"q": "coopération habitants"}).content.decode()
    assert "1 élément trouvé" in page


def test_search_looks_into_descriptions(client, mini):
    assert "1 élément trouvé" in client.get(detail_url(mini), {"q": "hypothèses"}).content.decode()


def test_tree_renders_with_the_same_number_of_queries_for_a_small_and_a_big_referentiel(
    client, mini, cae
):
    with CaptureQueriesContext(connection) as small:
        assert client.get(detail_url(mini)).status_code == 200
    with CaptureQueriesContext(connection) as big:
        response = client.get(detail_url(cae))
    assert response.status_code == 200
    assert len(big) == len(small) <= 6
    page = response.content.decode()
    branches = cae.elements.filter(children__isnull=False).distinct().count()
    assert page.count("<details") == page.count("</details>") == branches
    assert page.count("<ul") == page.count("</ul>")
    assert "<strong>1059</strong> tâche" in page and "<strong>500</strong> points" in page


def test_json_twin_carries_the_tree(client, mini):
    url = reverse("referentiels:detail_json", args=["mini", "1"])
    data = client.get(url).json()
    assert data["element_count"] == 5 and data["total_points"] == 12.5
    assert data["elements"][1] == {
        "code": "H1-B1", "key": "H1-B1", "kind": "balise", "parent": "H1", "depth": 1,
        "label_fr": "Coopérer avec les habitants", "label_en": "Cooperating with residents",
        "label_origin": "", "points": 12.5,
    }  # fmt: skip
    assert [k["count"] for k in data["kinds"]] == [2, 2, 1]


def test_exports_download_in_every_format(client, mini):
    markers = [("yaml", "format: balises-referentiel/1"), ("csv", "code,parent_code"),
               ("ttl", "skos:Concept"), ("jsonld", "@id"), ("json", '"format"')]  # fmt: skip
    for format, marker in markers:
        response = client.get(reverse("referentiels:export", args=["mini", "1", format]))
        assert response.status_code == 200 and marker in response.content.decode()
        assert 'filename="mini-1.' in response["Content-Disposition"]
    assert client.get(reverse("referentiels:export", args=["mini", "1", "exe"])).status_code == 404


def test_unknown_version_gives_404(client, mini):
    assert client.get(reverse("referentiels:detail", args=["mini", "9"])).status_code == 404


def test_tree_escapes_labels_from_files(client, db, tmp_path):
    from balises.referentiels import services

    path = tmp_path / "html.csv"
    path.write_text('code,kind,label_fr,points\nA&B,t,"<b>gras</b>",6.000\n', encoding="utf-8")
    services.import_referentiel(path, "csv")
    page = client.get(reverse("referentiels:detail", args=["html", "1"])).content.decode()
    assert "&lt;b&gt;gras&lt;/b&gt;" in page and "<b>gras" not in page
    assert 'href="/referentiels/html/1/elements/A%26B/"' in page and "6 pts" in page
    assert client.get("/referentiels/html/1/elements/A%26B/").status_code == 200
