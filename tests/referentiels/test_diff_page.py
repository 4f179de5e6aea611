from django.urls import reverse

from balises.referentiels import services


def test_diff_page_lists_changes_between_versions(client, mini):
    new = services.derive_version(mini, "2")
    new.elements.filter(code="H1-B2").delete()
    new.elements.filter(code="H1").update(label_fr="Coopérer")
    page = client.get(reverse("referentiels:diff", args=["mini", "1", "2"])).content.decode()
    assert "Retirés" in page and "H1-B2" in page
    assert "Reformulés" in page and "« Travailler en coopération »" in page
    assert "Texte © Ada et Blaise" in page


def test_diff_json_twin(client, mini):
    services.derive_version(mini, "2")
    data = client.get(reverse("referentiels:diff_json", args=["mini", "1", "2"])).json()
    assert data == {"referentiel": "mini", "old": "1", "new": "2", "added": [], "removed": [],
                    "moved": [], "reworded": []}  # fmt: skip


def test_compare_form_redirects_to_the_diff(client, mini):
    services.derive_version(mini, "2")
    response = client.get(reverse("referentiels:compare", args=["mini"]), {"old": "1"})
    assert response.url == reverse("referentiels:diff", args=["mini", "1", "2"])


def test_referentiel_page_links_to_comparisons(client, mini):
    services.derive_version(mini, "2")
    page = client.get(reverse("referentiels:detail", args=["mini", "2"])).content.decode()
    assert reverse("referentiels:diff", args=["mini", "1", "2"]) in page


def test_referentiel_page_offers_a_comparison_form_preselecting_the_previous_version(client, mini):
    services.derive_version(mini, "2")
    page = client.get(reverse("referentiels:detail", args=["mini", "2"])).content.decode()
    assert f'action="{reverse("referentiels:compare", args=["mini"])}"' in page
    assert '<option value="1" selected>1</option>' in page
