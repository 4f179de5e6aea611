"""The space home page, its JSON twin and the territory-page block."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

HOME = "/espaces/pontaval-sur-mer-99001/"


@pytest.mark.parametrize("who", [None, "alice", "bob", "dana"])
def test_the_home_page_shows_the_public_face_to_everyone(espace_a, as_user, who, request):
    user = request.getfixturevalue(who) if who else None
    response = as_user(user).get(HOME)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Pontaval-sur-Mer" in content
    assert "3 membres" in content
    assert "bob@example.org" not in content


def test_an_unverified_space_shows_the_banner_until_staff_confirm(espace_a, as_user, alice):
    assert "non vérifié" in as_user(alice).get(HOME).content.decode()
    espace_a.is_verified = True
    espace_a.save()
    assert "non vérifié" not in as_user(alice).get(HOME).content.decode()


def test_members_see_their_role_and_links(espace_a, as_user, alice, bob):
    content = as_user(alice).get(HOME).content.decode()
    assert "référent" in content and "/parametres/" in content
    content = as_user(bob).get(HOME).content.decode()
    assert "lecteur" in content and "/membres/" in content and "/parametres/" not in content


def test_an_unknown_space_gives_404(espace_a, as_user, alice):
    assert as_user(alice).get("/espaces/nulle-part-00000/").status_code == 404


def test_the_json_twin_gives_the_public_summary(espace_a, as_user):
    data = as_user(None).get("/espaces/pontaval-sur-mer-99001.json").json()
    assert data["name"] == "Pontaval-sur-Mer"
    assert data["members_count"] == 3
    assert data["is_verified"] is False
    assert data["territoire"]["uid"] == "commune-99001"
    assert "members" not in data


def _block(territoire, user):
    request = RequestFactory().get("/territoires/commune-99001/")
    request.user = user
    context = {"territoire": territoire, "user": user}
    return render_to_string("territoires/_espace_block.html", context, request=request)


def test_the_territory_block_links_an_open_space(espace_a, territoire_a):
    html = _block(territoire_a, AnonymousUser())
    assert HOME in html and "non vérifié" in html


def test_the_territory_block_offers_to_open_a_space(territoire_b, alice):
    html = _block(territoire_b, alice)
    assert "Ouvrir l'espace de ce territoire" in html and 'method="post"' in html


def test_the_territory_block_asks_anonymous_visitors_to_sign_in(territoire_b):
    html = _block(territoire_b, AnonymousUser())
    assert "/comptes/login/" in html and "Ouvrir" not in html


def test_the_territory_block_offers_nothing_for_a_former_territory(territoire_b, alice):
    territoire_b.is_current = False
    assert "Ouvrir" not in _block(territoire_b, alice)
