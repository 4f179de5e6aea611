"""The "my spaces" page."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_user_sees_the_spaces_they_belong_to(espace_a, espace_b, as_user, bob):
    content = as_user(bob).get("/espaces/").content.decode()
    assert "Pontaval-sur-Mer" in content and "Bourg-Lointain" not in content


def test_a_user_without_space_is_pointed_to_the_directory(as_user, make_user):
    content = as_user(make_user()).get("/espaces/").content.decode()
    assert "aucun espace" in content


def test_anonymous_visitors_are_sent_to_sign_in(as_user):
    assert "/comptes/login/" in as_user(None).get("/espaces/").url


def test_the_json_twin_lists_my_spaces_with_my_role(espace_a, espace_b, as_user, bob):
    data = as_user(bob).get("/espaces/mes-espaces.json").json()
    assert data["count"] == 1
    assert data["results"][0]["slug"] == espace_a.slug and data["results"][0]["role"] == "lecteur"
    assert "/comptes/login/" in as_user(None).get("/espaces/mes-espaces.json").url
