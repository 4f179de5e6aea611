"""API endpoints of spaces: list, detail, members (members only)."""

import pytest

from balises.core.tokens import create_token

pytestmark = pytest.mark.django_db


def test_the_list_shows_open_spaces_to_anonymous_callers(espace_a, espace_b, as_user):
    data = as_user(None).get("/api/v1/espaces/").json()
    assert (data["count"], data["page"], data["pages"], data["per_page"]) == (2, 1, 1, 50)
    names = {item["name"]: item["members_count"] for item in data["results"]}
    assert names == {"Pontaval-sur-Mer": 3, "Bourg-Lointain": 1}


def test_the_list_still_takes_limit_and_offset(espace_a, espace_b, as_user):
    data = as_user(None).get("/api/v1/espaces/", {"limit": 1, "offset": 1}).json()
    assert (data["count"], data["page"], data["per_page"]) == (2, 2, 1)
    assert [item["name"] for item in data["results"]] == ["Pontaval-sur-Mer"]


def test_the_detail_gives_the_public_face(espace_a, as_user):
    data = as_user(None).get(f"/api/v1/espaces/{espace_a.slug}").json()
    assert data["territoire"]["uid"] == "commune-99001" and data["is_verified"] is False


def test_an_unknown_space_gives_404(as_user):
    assert as_user(None).get("/api/v1/espaces/nulle-part").status_code == 404


def test_members_are_listed_for_members(espace_a, as_user, bob):
    response = as_user(bob).get(f"/api/v1/espaces/{espace_a.slug}/membres")
    assert response.status_code == 200
    assert {m["role"] for m in response.json()["results"]} == {
        "referent",
        "lecteur",
        "contributeur",
    }


def test_members_are_hidden_from_outsiders_and_anonymous(espace_a, espace_b, as_user, dana):
    assert as_user(dana).get(f"/api/v1/espaces/{espace_a.slug}/membres").status_code == 404
    assert as_user(None).get(f"/api/v1/espaces/{espace_a.slug}/membres").status_code == 401


def test_a_personal_token_reads_the_members(espace_a, client, charlie):
    _token, raw = create_token(charlie, "script")
    response = client.get(
        f"/api/v1/espaces/{espace_a.slug}/membres", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200 and response.json()["count"] == 3
