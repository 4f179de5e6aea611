"""Accepting an invitation from its link."""

import pytest
from django.utils import timezone

from balises.espaces import services
from balises.espaces.models import Invitation, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(espace_a, alice):
    return services.invite(espace_a, alice, "eve@example.org", Role.CONTRIBUTEUR)[1]


def test_anonymous_visitors_see_the_invitation_and_are_asked_to_sign_in(token, as_user):
    response = as_user(None).get(f"/espaces/invitation/{token}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Pontaval-sur-Mer" in content and "/comptes/login/?next=" in content
    response = as_user(None).post(f"/espaces/invitation/{token}/")
    assert "/comptes/login/" in response.url
    assert not Invitation.objects.get().accepted_at


def test_a_signed_in_user_accepts_and_lands_on_the_space(espace_a, token, as_user, make_user):
    eve = make_user("eve@example.org")
    response = as_user(eve).post(f"/espaces/invitation/{token}/")
    assert response.status_code == 302 and response.url == f"/espaces/{espace_a.slug}/"
    assert espace_a.adhesions.get(user=eve).role == Role.CONTRIBUTEUR


def test_a_used_link_is_refused_with_410(token, as_user, make_user):
    as_user(make_user()).post(f"/espaces/invitation/{token}/")
    response = as_user(make_user()).get(f"/espaces/invitation/{token}/")
    assert response.status_code == 410
    assert "déjà été utilisée" in response.content.decode()


def test_an_expired_link_is_refused_with_410(token, as_user, make_user):
    Invitation.objects.update(expires_at=timezone.now())
    response = as_user(make_user()).post(f"/espaces/invitation/{token}/")
    assert response.status_code == 410 and "expiré" in response.content.decode()


def test_an_unknown_link_gives_404(espace_a, as_user, alice):
    assert as_user(alice).get("/espaces/invitation/nimporte-quoi/").status_code == 404
