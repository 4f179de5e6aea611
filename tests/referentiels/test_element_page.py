from django.urls import reverse

from balises.referentiels import services

from .conftest import DATA


def element_url(code, slug="mini", version="1"):
    return reverse("referentiels:element", args=[slug, version, code])


def test_element_page_shows_description_evidence_levels_and_what_it_serves(client, mini):
    page = client.get(element_url("H1-B1")).content.decode()
    assert "Coopérer avec les habitants" in page
    assert "Des habitants siègent dans les instances." in page
    assert "Ce qui le sert" in page and "Mesurer aide à coopérer." in page
    assert "initiatives isolées" in page
    assert "Texte © Ada et Blaise" in page
    assert reverse("referentiels:element", args=["mini", "1", "H1"]) in page  # breadcrumb


def test_markdown_is_rendered_and_html_neutralised(client, mini):
    page = client.get(element_url("H2-M1")).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">le site</a>' in page
    assert "<li>deux</li>" in page
    assert "poids 0.5" in page or "poids 0,5" in page


def test_interpretation_is_said_and_children_listed(client, mini):
    page = client.get(element_url("H1")).content.decode()
    assert "notre interprétation" in page and "<strong>hypothèse</strong>" in page
    assert element_url("H1-B2") in page


def test_crosswalk_correspondences_show_their_weight(client, mini):
    services.import_referentiel(DATA / "cible.yaml")
    page = client.get(element_url("H1-B1")).content.decode()
    assert "Correspondances" in page and "Référentiel cible" in page
    assert "poids 0.75" in page or "poids 0,75" in page


def test_element_json_twin(client, mini):
    url = reverse("referentiels:element_json", args=["mini", "1", "H2-M1"])
    data = client.get(url).json()
    assert data["parent"] == "H2" and data["sections"][0]["title"] == "Exemples"
    assert [(link["kind"], link["code"]) for link in data["links_out"]] == [
        ("refines", "H1-B2"), ("serves", "H1-B1"),
    ]  # fmt: skip


def test_unknown_element_gives_404(client, mini):
    assert client.get(element_url("ZZ")).status_code == 404
