"""The settings page of a space (référents only)."""

import pytest

from balises.espaces.models import Espace

pytestmark = pytest.mark.django_db

SETTINGS = "/espaces/pontaval-sur-mer-99001/parametres/"


def test_a_referent_sets_the_default_visibility(espace_a, as_user, alice):
    client = as_user(alice)
    assert client.get(SETTINGS).status_code == 200
    response = client.post(SETTINGS, {"default_visibility": "reseau"})
    assert response.status_code == 302
    assert Espace.objects.get(pk=espace_a.pk).default_visibility == "reseau"
    assert Espace.history.filter(id=espace_a.pk).first().history_user == alice


def test_an_invalid_visibility_is_refused(espace_a, as_user, alice):
    response = as_user(alice).post(SETTINGS, {"default_visibility": "secret"})
    assert response.status_code == 400
    assert Espace.objects.get(pk=espace_a.pk).default_visibility == "prive"


@pytest.mark.parametrize("who", ["bob", "charlie"])
def test_other_members_get_403(espace_a, as_user, who, request):
    client = as_user(request.getfixturevalue(who))
    assert client.get(SETTINGS).status_code == 403
    assert client.post(SETTINGS, {"default_visibility": "public"}).status_code == 403
    assert Espace.objects.get(pk=espace_a.pk).default_visibility == "prive"


def test_an_outsider_gets_404(espace_a, espace_b, as_user, dana):
    assert as_user(dana).get(SETTINGS).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(espace_a, as_user):
    assert "/comptes/login/" in as_user(None).get(SETTINGS).url
