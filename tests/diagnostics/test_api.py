"""The diagnostics API: campaigns and results under the rules, own answers read and written."""

import pytest

from balises.diagnostics import services
from balises.diagnostics.models import Appreciation

from .results_samples import fill

pytestmark = pytest.mark.django_db

BASE = "/api/v1/diagnostics/espaces"


def test_members_list_campaigns_and_the_public_only_published_ones(as_user, campagne, alice, bob):
    slug = campagne.espace.slug
    assert as_user(bob).get(f"{BASE}/{slug}/campagnes").json()["count"] == 1
    assert as_user(None).get(f"{BASE}/{slug}/campagnes").json()["results"] == []
    assert as_user(None).get(f"{BASE}/{slug}/campagnes/{campagne.pk}").status_code == 404
    services.set_published(campagne, alice, True)
    assert as_user(None).get(f"{BASE}/{slug}/campagnes/{campagne.pk}").json()["elements"][0]


def test_results_are_aggregated_without_names(as_user, campagne, alice):
    fill(campagne, 6, justification="Justif-secrete")
    services.set_published(campagne, alice, True)
    response = as_user(None).get(f"{BASE}/{campagne.espace.slug}/campagnes/{campagne.pk}/resultats")
    assert response.status_code == 200
    assert len(response.json()["elements"]) == 23
    assert "Justif-secrete" not in response.content.decode()


def test_a_respondent_saves_and_submits_answers_through_the_api(
    as_user, campagne, repondant_bob, bob
):
    client = as_user(bob)
    url = f"{BASE}/{campagne.espace.slug}/campagnes/{campagne.pk}/mes-reponses"
    response = client.put(
        f"{url}/H1-B1", {"level": 3, "justification": "API"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["status"] == "draft"
    bad = client.put(f"{url}/H1-B1", {"level": 12}, content_type="application/json")
    assert bad.status_code == 422 and "échelle" in bad.json()["detail"]
    assert client.post(url.replace("mes-reponses", "soumission")).json() == {"submitted": 1}
    again = client.put(f"{url}/H1-B1", {"level": 1}, content_type="application/json")
    assert again.status_code == 409
    assert client.get(url).json()["results"][0]["level"] == 3
    assert Appreciation.objects.get().justification == "API"


def test_someone_who_is_not_respondent_gets_404_on_answers(as_user, campagne, charlie, dana):
    url = f"{BASE}/{campagne.espace.slug}/campagnes/{campagne.pk}/mes-reponses"
    assert as_user(charlie).get(url).status_code == 404
    assert as_user(dana).get(url).status_code == 404
    assert as_user(None).get(url).status_code == 401
