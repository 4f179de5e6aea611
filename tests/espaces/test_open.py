"""Opening the space of a territory from its page."""

import pytest

from balises.espaces.models import Espace, Role

pytestmark = pytest.mark.django_db


def test_opening_a_space_makes_the_user_its_referent(territoire_b, as_user, alice):
    response = as_user(alice).post("/espaces/ouvrir/", {"territoire": territoire_b.pk})
    espace = Espace.objects.get(territoire=territoire_b)
    assert response.status_code == 302 and response.url == f"/espaces/{espace.slug}/"
    assert espace.adhesions.get(user=alice).role == Role.REFERENT


def test_the_get_form_asks_for_confirmation_without_opening(territoire_b, as_user, alice):
    response = as_user(alice).get(f"/espaces/ouvrir/?territoire={territoire_b.pk}")
    assert response.status_code == 200
    assert "Ouvrir l'espace de ce territoire" in response.content.decode()
    assert not Espace.objects.exists()


def test_opening_a_second_space_is_refused_with_a_message(espace_a, territoire_a, as_user, dana):
    client = as_user(dana)
    response = client.post("/espaces/ouvrir/", {"territoire": territoire_a.pk}, follow=True)
    assert "a déjà un espace" in response.content.decode()
    assert not espace_a.adhesions.filter(user=dana).exists()


def test_anonymous_visitors_are_sent_to_sign_in(territoire_b, as_user):
    response = as_user(None).post("/espaces/ouvrir/", {"territoire": territoire_b.pk})
    assert response.status_code == 302 and "/comptes/login/" in response.url
    assert not Espace.objects.exists()


def test_an_unknown_territory_gives_404(as_user, alice):
    assert as_user(alice).post("/espaces/ouvrir/", {"territoire": 999999}).status_code == 404


def test_a_missing_territory_is_explained(as_user, alice):
    response = as_user(alice).post("/espaces/ouvrir/", {}, follow=True)
    assert "Choisissez d&#x27;abord un territoire" in response.content.decode()
