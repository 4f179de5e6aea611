"""Every API list takes page and per_page (limit and offset still accepted) and answers with the
one envelope; bad values get a 422 in French, never a server error."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/referentiels/"


@pytest.fixture
def referentiels():
    from pathlib import Path

    from balises.referentiels import services

    mini = Path(__file__).parents[1] / "referentiels" / "data" / "mini.yaml"
    first = services.import_referentiel(mini).referentiel
    return first


@pytest.mark.parametrize(
    "query, words",
    [
        ({"page": "abc"}, "page : nombre entier attendu"),
        ({"page": "0"}, "page : au moins 1"),
        ({"page": "99999999999999999999"}, "page : au plus 100000"),
        ({"per_page": "0"}, "per_page : au moins 1"),
        ({"limit": "10", "offset": "5"}, "doit être un multiple de la taille de page"),
    ],
)
def test_a_bad_page_gets_a_clear_422_in_french(client, query, words):
    response = client.get(URL, query)
    assert response.status_code == 422
    assert words in response.json()["detail"]


def test_a_list_answers_with_the_envelope(client, referentiels):
    data = client.get(URL, {"per_page": 1}).json()
    assert set(data) == {"count", "page", "pages", "per_page", "results"}
    assert (data["count"], data["page"], data["pages"], data["per_page"]) == (1, 1, 1, 1)
    assert data["results"][0]["slug"] == referentiels.slug


def test_limit_and_offset_still_choose_the_page(client, referentiels):
    data = client.get(URL, {"limit": 1, "offset": 1}).json()
    assert (data["page"], data["per_page"], data["results"]) == (2, 1, [])


def test_the_openapi_schema_describes_one_generic_envelope(client):
    schema = client.get("/api/v1/openapi.json").json()
    page = schema["components"]["schemas"]["Page_ReferentielSummary_"]
    assert set(page["properties"]) == {"count", "page", "pages", "per_page", "results"}
