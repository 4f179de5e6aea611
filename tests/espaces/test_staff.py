"""The staff queue of spaces to verify, verification and hand-over."""

import pytest

from balises.espaces.models import Espace, Role

pytestmark = pytest.mark.django_db

QUEUE = "/espaces/a-verifier/"


@pytest.fixture
def staff(make_user):
    return make_user("equipe@example.org", is_staff=True)


def test_staff_see_unverified_spaces(espace_a, espace_b, as_user, staff):
    espace_b.is_verified = True
    espace_b.save()
    content = as_user(staff).get(QUEUE).content.decode()
    assert "Pontaval-sur-Mer" in content and "Bourg-Lointain" not in content
    assert "alice@example.org" in content


def test_staff_verify_a_space(espace_a, as_user, staff):
    response = as_user(staff).post(f"/espaces/{espace_a.slug}/verifier/")
    assert response.status_code == 302
    assert Espace.objects.get(pk=espace_a.pk).is_verified


def test_staff_hand_a_space_over(espace_a, as_user, staff, dana, alice):
    as_user(staff).post(f"/espaces/{espace_a.slug}/confier/", {"email": "dana@example.org"})
    assert espace_a.adhesions.get(user=dana).role == Role.REFERENT
    assert espace_a.adhesions.get(user=alice).role == Role.CONTRIBUTEUR


def test_handing_over_to_an_unknown_address_is_explained(espace_a, as_user, staff):
    response = as_user(staff).post(
        f"/espaces/{espace_a.slug}/confier/", {"email": "personne@example.org"}, follow=True
    )
    assert "Aucun compte" in response.content.decode()


@pytest.mark.parametrize("who", ["alice", "dana"])
def test_other_users_get_403(espace_a, espace_b, as_user, who, request):
    client = as_user(request.getfixturevalue(who))
    assert client.get(QUEUE).status_code == 403
    assert client.post(f"/espaces/{espace_a.slug}/verifier/").status_code == 403
    assert not Espace.objects.get(pk=espace_a.pk).is_verified


def test_anonymous_visitors_are_sent_to_sign_in(as_user):
    assert "/comptes/login/" in as_user(None).get(QUEUE).url
