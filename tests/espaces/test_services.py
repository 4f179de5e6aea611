"""Business rules of spaces: opening, verifying, handing over, inviting, roles, leaving."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from balises.espaces import services
from balises.espaces.models import Adhesion, Espace, Invitation, Role
from balises.espaces.services import EspaceError

pytestmark = pytest.mark.django_db


def test_a_signed_in_user_opens_a_space_and_becomes_its_referent(territoire_b, make_user):
    user = make_user()
    espace = services.open_espace(territoire_b, user)
    assert espace.slug == "bourg-lointain-99002"
    assert not espace.is_verified
    assert Adhesion.objects.get(espace=espace, user=user).role == Role.REFERENT
    assert espace.history.first().history_user == user


def test_a_second_space_for_the_same_territory_is_refused(espace_a, territoire_a, dana):
    with pytest.raises(EspaceError, match="a déjà un espace"):
        services.open_espace(territoire_a, dana)
    assert Espace.objects.filter(territoire=territoire_a).count() == 1


def test_a_territory_that_no_longer_exists_gets_no_new_space(territoire_b, dana):
    territoire_b.is_current = False
    territoire_b.save()
    with pytest.raises(EspaceError, match="n'existe plus"):
        services.open_espace(territoire_b, dana)
    assert not Espace.objects.exists()


def test_staff_verify_a_space(espace_a, make_user):
    staff = make_user(is_staff=True)
    services.verify_espace(espace_a, staff)
    espace_a.refresh_from_db()
    assert espace_a.is_verified and espace_a.verified_by == staff
    assert espace_a.history.first().history_user == staff
    with pytest.raises(EspaceError, match="déjà vérifié"):
        services.verify_espace(espace_a, staff)


def test_only_staff_verify_or_hand_over(espace_a, alice, dana):
    with pytest.raises(EspaceError):
        services.verify_espace(espace_a, alice)
    with pytest.raises(EspaceError):
        services.hand_over(espace_a, alice, dana)
    assert not Espace.objects.get(pk=espace_a.pk).is_verified


def test_hand_over_makes_the_new_referent_and_demotes_the_others(espace_a, alice, dana, make_user):
    staff = make_user(is_staff=True)
    services.hand_over(espace_a, staff, dana)
    roles = dict(espace_a.adhesions.values_list("user__email", "role"))
    assert roles["dana@example.org"] == Role.REFERENT
    assert roles["alice@example.org"] == Role.CONTRIBUTEUR
    assert espace_a.adhesions.get(user=dana).history.first().history_user == staff


def test_a_referent_invites_by_email_with_an_expiring_link(espace_a, alice):
    invitation, token = services.invite(espace_a, alice, "Eve@Example.org", Role.CONTRIBUTEUR)
    assert invitation.email == "eve@example.org"
    assert invitation.token_digest != token and len(invitation.token_digest) == 64
    assert timedelta(days=13) < invitation.expires_at - timezone.now() <= timedelta(days=14)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["eve@example.org"]
    assert f"/espaces/invitation/{token}/" in mail.outbox[0].body


def test_a_duplicate_pending_invitation_is_refused(espace_a, alice):
    services.invite(espace_a, alice, "eve@example.org", Role.LECTEUR)
    with pytest.raises(EspaceError, match="déjà en attente"):
        services.invite(espace_a, alice, "EVE@example.org", Role.LECTEUR)
    assert Invitation.objects.count() == 1


def test_inviting_an_existing_member_is_refused(espace_a, alice):
    with pytest.raises(EspaceError, match="déjà membre"):
        services.invite(espace_a, alice, "bob@example.org", Role.LECTEUR)
    assert not mail.outbox


@pytest.mark.parametrize("who", ["bob", "charlie", "dana"])
def test_inviting_into_a_space_one_does_not_manage_is_refused(espace_a, espace_b, who, request):
    with pytest.raises(EspaceError, match="référents"):
        services.invite(espace_a, request.getfixturevalue(who), "eve@example.org", Role.LECTEUR)
    assert not Invitation.objects.exists()


def test_an_unknown_role_is_refused(espace_a, alice):
    with pytest.raises(EspaceError, match="Rôle inconnu"):
        services.invite(espace_a, alice, "eve@example.org", "chef")


def test_accepting_an_invitation_makes_a_member(espace_a, alice, make_user):
    _invitation, token = services.invite(espace_a, alice, "eve@example.org", Role.CONTRIBUTEUR)
    eve = make_user("eve@example.org")
    adhesion = services.accept_invitation(token, eve)
    assert adhesion.role == Role.CONTRIBUTEUR
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == eve and invitation.accepted_at is not None


def test_an_invitation_cannot_be_used_twice(espace_a, alice, make_user):
    _invitation, token = services.invite(espace_a, alice, "eve@example.org", Role.LECTEUR)
    services.accept_invitation(token, make_user())
    with pytest.raises(EspaceError, match="déjà été utilisée"):
        services.accept_invitation(token, make_user())
    assert espace_a.adhesions.count() == 4


def test_an_expired_invitation_is_refused(espace_a, alice, make_user):
    invitation, token = services.invite(espace_a, alice, "eve@example.org", Role.LECTEUR)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    with pytest.raises(EspaceError, match="expiré"):
        services.accept_invitation(token, make_user())
    # An expired invitation no longer blocks a new one.
    services.invite(espace_a, alice, "eve@example.org", Role.LECTEUR)


def test_a_revoked_invitation_is_refused(espace_a, alice, make_user):
    invitation, token = services.invite(espace_a, alice, "eve@example.org", Role.LECTEUR)
    services.revoke_invitation(invitation, alice)
    with pytest.raises(EspaceError, match="annulée"):
        services.accept_invitation(token, make_user())


def test_an_unknown_token_is_refused(espace_a, alice):
    with pytest.raises(EspaceError, match="pas valide"):
        services.accept_invitation("faux-jeton", alice)


def test_a_referent_changes_a_role_and_history_keeps_the_author(espace_a, alice, bob):
    adhesion = espace_a.adhesions.get(user=bob)
    services.change_role(espace_a, alice, adhesion, Role.CONTRIBUTEUR)
    adhesion.refresh_from_db()
    assert adhesion.role == Role.CONTRIBUTEUR
    assert adhesion.history.first().history_user == alice


def test_a_contributor_cannot_change_roles(espace_a, charlie, bob):
    with pytest.raises(EspaceError):
        services.change_role(espace_a, charlie, espace_a.adhesions.get(user=bob), Role.REFERENT)
    assert espace_a.adhesions.get(user=bob).role == Role.LECTEUR


def test_the_last_referent_cannot_be_demoted_or_leave(espace_a, alice):
    own = espace_a.adhesions.get(user=alice)
    with pytest.raises(EspaceError, match="au moins un référent"):
        services.change_role(espace_a, alice, own, Role.LECTEUR)
    with pytest.raises(EspaceError, match="au moins un référent"):
        services.leave(espace_a, alice)
    assert espace_a.adhesions.get(user=alice).role == Role.REFERENT


def test_a_referent_can_leave_after_naming_another(espace_a, alice, charlie):
    services.change_role(espace_a, alice, espace_a.adhesions.get(user=charlie), Role.REFERENT)
    services.leave(espace_a, alice)
    assert not espace_a.adhesions.filter(user=alice).exists()


def test_a_member_leaves(espace_a, bob):
    services.leave(espace_a, bob)
    assert not espace_a.adhesions.filter(user=bob).exists()
    with pytest.raises(EspaceError, match="pas membre"):
        services.leave(espace_a, bob)


def test_a_referent_removes_a_member_with_history(espace_a, alice, bob):
    adhesion = espace_a.adhesions.get(user=bob)
    services.remove_member(espace_a, alice, adhesion)
    assert not espace_a.adhesions.filter(user=bob).exists()
    last = Adhesion.history.filter(id=adhesion.pk).first()
    assert last.history_type == "-" and last.history_user == alice


def test_the_last_referent_cannot_be_removed(espace_a, alice):
    with pytest.raises(EspaceError, match="au moins un référent"):
        services.remove_member(espace_a, alice, espace_a.adhesions.get(user=alice))


def test_default_visibility_is_set_by_referents_only(espace_a, alice, charlie):
    services.set_default_visibility(espace_a, alice, "public")
    assert Espace.objects.get(pk=espace_a.pk).default_visibility == "public"
    with pytest.raises(EspaceError):
        services.set_default_visibility(espace_a, charlie, "prive")
    with pytest.raises(EspaceError, match="inconnue"):
        services.set_default_visibility(espace_a, alice, "secret")
    assert Espace.objects.get(pk=espace_a.pk).default_visibility == "public"
