"""Results: who sees them, radars, divergences, evidence, evolution, twins, fixed queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from balises.diagnostics import services
from balises.diagnostics.models import CampagneStatus
from balises.espaces.models import Visibility
from balises.trajectoires.models import Action, ActionElement

from .conftest import element
from .results_samples import fill

pytestmark = pytest.mark.django_db


def _url(campagne, name="results"):
    return reverse(f"diagnostics:{name}", args=[campagne.espace.slug, campagne.pk])


def _divergent_levels(index, viewpoint, el):
    # Élus see H1-B1 at 4, agents at 1: a divergence of three levels on that balise only.
    if el.code == "H1-B1":
        return {"elu": 4, "agent": 1}.get(viewpoint, 2)
    return 2


def test_members_see_results_with_radars_and_names(as_user, campagne, bob):
    fill(campagne, 6, _divergent_levels, justification="Justif-secrete")
    page = as_user(bob).get(_url(campagne)).content.decode()
    assert page.count('class="graphique radar"') == 1 + 6  # consensus + one per viewpoint
    assert "Justif-secrete" in page and "Répondant 0" in page
    assert "style=" not in page


def test_divergences_put_the_justifications_side_by_side(as_user, campagne, bob):
    fill(campagne, 6, _divergent_levels)
    page = as_user(bob).get(_url(campagne)).content.decode()
    h1 = element(campagne, "H1-B1")
    section = page.split(f'id="divergence-{h1.pk}"')[1].split("</article>")[0]
    assert "élu" in section and "agent" in section and section.count("diag-answer") == 6
    assert page.count('class="diag-divergence"') == 1


def test_the_public_sees_nothing_until_results_are_published(as_user, campagne, alice, dana):
    fill(campagne, 3, justification="Justif-secrete")
    for user in (None, dana):
        assert as_user(user).get(_url(campagne)).status_code == 404
        assert as_user(user).get(_url(campagne, "results_json")).status_code == 404
    services.set_published(campagne, alice, True)
    for user in (None, dana):
        response = as_user(user).get(_url(campagne))
        page = response.content.decode()
        assert response.status_code == 200 and "Consensus" in page
        assert "Justif-secrete" not in page and "Répondant 0" not in page


def test_an_outsider_gets_404_on_a_private_campaign_and_its_list_is_empty(as_user, campagne, dana):
    url = reverse("diagnostics:campagne_list", args=[campagne.espace.slug])
    assert campagne.title not in as_user(dana).get(url).content.decode()
    assert as_user(dana).get(_url(campagne, "campagne_detail")).status_code == 404


def test_the_suggested_level_reads_the_actions_linked_to_the_balise(
    as_user, campagne, espace_a, bob
):
    h1 = element(campagne, "H1-B1")
    fill(campagne, 2)
    for status in ("realisee", "idee"):
        action = Action.objects.create(
            espace=espace_a, title=f"A {status}", status=status, visibility=Visibility.PRIVE
        )
        ActionElement.objects.create(action=action, element=h1)
    data = as_user(bob).get(_url(campagne, "results_json")).json()
    row = next(r for r in data["elements"] if r["code"] == "H1-B1")
    assert row["niveau_suggere"] == 2 and row["consensus"] == 2
    public = as_user(None)
    services.set_published(campagne, campagne.created_by, True)
    row = next(r for r in public.get(_url(campagne, "results_json")).json()["elements"]
               if r["code"] == "H1-B1")  # fmt: skip
    assert row["niveau_suggere"] == 0  # private actions are not counted for the public


def test_elements_without_evidence_are_listed(as_user, campagne, bob):
    fill(campagne, 2)
    page = as_user(bob).get(_url(campagne)).content.decode()
    section = page.split('id="sans-preuve-titre"')[1].split("</section>")[0]
    assert section.count("<li>") == 23


def test_evolution_since_the_previous_campaign(as_user, campagne, espace_a, alice, bob):
    earlier = services.create_campagne(
        espace_a, alice, title="Première", starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 2, 1),
    )  # fmt: skip
    services.set_status(earlier, alice, CampagneStatus.CLOSED)
    fill(earlier, 3, lambda i, vp, el: 1)
    fill(campagne, 3, lambda i, vp, el: 3)
    data = as_user(bob).get(_url(campagne, "results_json")).json()
    assert data["previous_campagne"] == earlier.pk
    assert {row["evolution"] for row in data["elements"]} == {2}
    page = as_user(bob).get(reverse("diagnostics:evolution", args=[espace_a.slug]))
    assert page.status_code == 200 and page.content.decode().count('class="graphique courbes"') == 5


def test_the_csv_twin_has_one_row_per_element_and_a_column_per_viewpoint(as_user, campagne, bob):
    fill(campagne, 6)
    response = as_user(bob).get(_url(campagne, "results_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 24 and "vue_elu" in rows[0] and "vue_partenaire" in rows[0]


def test_the_printable_report_has_the_scale_and_print_styles(as_user, campagne, bob):
    fill(campagne, 2)
    page = as_user(bob).get(_url(campagne, "report")).content.decode()
    assert "Échelle de maturité" in page and "diagnostics.css" in page
    assert "proposition de Balises" in page  # the 0-4 scale is ours, not the référentiel's


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_results_take_a_fixed_number_of_queries_whatever_the_respondents(
    as_user, campagne, espace_a, alice, bob
):
    client = as_user(bob)
    fill(campagne, 2)
    small = _count_queries(client, _url(campagne))
    fill(campagne, 28)  # 30 respondents × 23 balises
    assert campagne.repondants.count() == 30
    large = _count_queries(client, _url(campagne))
    assert small == large == 16
    assert _count_queries(client, _url(campagne, "results_json")) <= 15


def test_a_divergence_offers_a_temps_reflexif_prefilled_to_those_who_can_write(
    as_user, campagne, charlie, bob
):
    fill(campagne, 6, _divergent_levels)
    h1 = element(campagne, "H1-B1")
    page = as_user(charlie).get(_url(campagne)).content.decode()
    create = reverse("cooperation:temps_create", args=[campagne.espace.slug])
    assert f"{create}?title=" in page and f"balises={h1.pk}" in page
    assert f"{create}?" not in as_user(bob).get(_url(campagne)).content.decode()
