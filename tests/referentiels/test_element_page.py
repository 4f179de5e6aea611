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


def vp_url(code):
    return reverse("referentiels:element", args=["villes-pairs", "2019-03", code])


def test_each_element_says_whose_words_its_heading_is(client, villes_pairs):
    page = client.get(vp_url("H1-B1")).content.decode()
    assert "Intitulé tel que l'écrit la source." in page
    page = client.get(vp_url("H2-B1")).content.decode()
    assert "Élargir le regard" in page and "corrigé par Balises" in page
    assert "« Elargir le regard »" in page
    data = client.get(
        reverse("referentiels:element_json", args=["villes-pairs", "2019-03", "H2-B1"])
    ).json()
    assert data["label_origin"] == "corrected" and "Elargir" in data["label_note_fr"]
    page = client.get(vp_url("C-TRANSFERT-1")).content.decode()
    assert "pas encore vérifié par Balises" in page
    page = client.get(vp_url("C-TRANSFERT-5")).content.decode()
    assert "Intitulé formulé par Balises" in page and "notre interprétation" in page


def test_english_pages_mark_the_english_heading_as_our_translation(client, villes_pairs):
    client.cookies["django_language"] = "en"
    page = client.get(vp_url("H2-B2")).content.decode()
    assert "Create a knock-on effect" in page
    assert "English title: Balises' translation; in French: « Créer un effet" in page
    assert "French heading as the source writes it." in page


def test_the_maturity_scale_is_said_to_be_balises_proposal_on_every_page(client, villes_pairs):
    detail = reverse("referentiels:detail", args=["villes-pairs", "2019-03"])
    for url in (detail, vp_url("H1-B1")):
        assert "proposition de Balises" in client.get(url).content.decode()
    data = client.get(reverse("referentiels:detail_json", args=["villes-pairs", "2019-03"])).json()
    assert "proposition de Balises" in data["scale_note_fr"]


def test_the_tree_marks_headings_that_are_not_the_sources_words(client, villes_pairs):
    page = client.get(reverse("referentiels:detail", args=["villes-pairs", "2019-03"])).content
    page = page.decode()
    assert page.count("(intitulé reformulé)") == 13
    assert page.count("(intitulé à vérifier)") == 7 and page.count("(intitulé corrigé)") == 1
