"""The members page: list, invitations, roles, removal, leaving, and its JSON twin."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from balises.espaces.models import Invitation, Role

pytestmark = pytest.mark.django_db

MEMBERS = "/espaces/pontaval-sur-mer-99001/membres/"


@pytest.mark.parametrize("who", ["alice", "bob", "charlie"])
def test_members_see_the_member_list(espace_a, as_user, who, request):
    response = as_user(request.getfixturevalue(who)).get(MEMBERS)
    assert response.status_code == 200
    content = response.content.decode()
    assert "bob@example.org" in content and "charlie@example.org" in content


def test_only_referents_see_the_management_forms(espace_a, as_user, alice, bob):
    assert "/membres/inviter/" in as_user(alice).get(MEMBERS).content.decode()
    content = as_user(bob).get(MEMBERS).content.decode()
    assert "/membres/inviter/" not in content and "/quitter/" in content


def test_an_outsider_gets_404_on_the_member_list(espace_a, espace_b, as_user, dana, make_user):
    assert as_user(dana).get(MEMBERS).status_code == 404
    assert as_user(dana).get("/espaces/pontaval-sur-mer-99001/membres.json").status_code == 404
    staff = make_user(is_staff=True)
    assert as_user(staff).get(MEMBERS).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(espace_a, as_user):
    response = as_user(None).get(MEMBERS)
    assert response.status_code == 302 and "/comptes/login/" in response.url


def test_the_json_twin_lists_members_with_roles(espace_a, as_user, bob):
    data = as_user(bob).get("/espaces/pontaval-sur-mer-99001/membres.json").json()
    roles = {m["email"]: m["role"] for m in data["results"]}
    assert roles == {
        "alice@example.org": "referent",
        "bob@example.org": "lecteur",
        "charlie@example.org": "contributeur",
    }


def test_a_referent_invites_from_the_page(espace_a, as_user, alice):
    response = as_user(alice).post(
        MEMBERS + "inviter/", {"email": "eve@example.org", "role": "lecteur"}, follow=True
    )
    assert "Invitation envoyée à eve@example.org" in response.content.decode()
    assert len(mail.outbox) == 1
    assert Invitation.objects.get().email == "eve@example.org"


def test_a_bad_invitation_form_is_explained_and_changes_nothing(espace_a, as_user, alice):
    response = as_user(alice).post(MEMBERS + "inviter/", {"email": "pas-une-adresse", "role": "x"})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_inviting_a_member_again_gives_a_clear_message(espace_a, as_user, alice):
    response = as_user(alice).post(
        MEMBERS + "inviter/", {"email": "bob@example.org", "role": "lecteur"}, follow=True
    )
    assert "déjà membre" in response.content.decode()


@pytest.mark.parametrize("who", ["bob", "charlie"])
def test_a_non_referent_member_cannot_manage_members(espace_a, as_user, who, request, bob):
    client = as_user(request.getfixturevalue(who))
    bob_id = espace_a.adhesions.get(user=bob).pk
    assert (
        client.post(MEMBERS + "inviter/", {"email": "e@example.org", "role": "lecteur"}).status_code
        == 403
    )
    assert client.post(f"{MEMBERS}{bob_id}/role/", {"role": "referent"}).status_code == 403
    assert client.post(f"{MEMBERS}{bob_id}/retirer/").status_code == 403
    assert espace_a.adhesions.get(user=bob).role == Role.LECTEUR
    assert not Invitation.objects.exists()


def test_an_outsider_gets_404_on_member_actions(espace_a, espace_b, as_user, dana, bob):
    client = as_user(dana)
    bob_id = espace_a.adhesions.get(user=bob).pk
    assert (
        client.post(MEMBERS + "inviter/", {"email": "e@example.org", "role": "lecteur"}).status_code
        == 404
    )
    assert client.post(f"{MEMBERS}{bob_id}/retirer/").status_code == 404
    assert client.post("/espaces/pontaval-sur-mer-99001/quitter/").status_code == 404


def test_a_referent_changes_a_role_from_the_page(espace_a, as_user, alice, bob):
    bob_id = espace_a.adhesions.get(user=bob).pk
    response = as_user(alice).post(f"{MEMBERS}{bob_id}/role/", {"role": "contributeur"})
    assert response.status_code == 302
    assert espace_a.adhesions.get(user=bob).role == Role.CONTRIBUTEUR


def test_a_membership_of_another_space_is_not_found(espace_a, espace_b, as_user, alice, dana):
    dana_id = espace_b.adhesions.get(user=dana).pk
    assert as_user(alice).post(f"{MEMBERS}{dana_id}/retirer/").status_code == 404


def test_a_referent_removes_a_member_from_the_page(espace_a, as_user, alice, bob):
    bob_id = espace_a.adhesions.get(user=bob).pk
    as_user(alice).post(f"{MEMBERS}{bob_id}/retirer/")
    assert not espace_a.adhesions.filter(user=bob).exists()


def test_the_last_referent_is_told_to_name_another_before_leaving(espace_a, as_user, alice):
    response = as_user(alice).post("/espaces/pontaval-sur-mer-99001/quitter/", follow=True)
    assert "au moins un référent" in response.content.decode()
    assert espace_a.adhesions.filter(user=alice).exists()


def test_a_member_leaves_from_the_page(espace_a, as_user, bob):
    response = as_user(bob).post("/espaces/pontaval-sur-mer-99001/quitter/")
    assert response.status_code == 302 and response.url == "/espaces/"
    assert not espace_a.adhesions.filter(user=bob).exists()


def test_a_referent_revokes_a_pending_invitation(espace_a, as_user, alice):
    client = as_user(alice)
    client.post(MEMBERS + "inviter/", {"email": "eve@example.org", "role": "lecteur"})
    invitation = Invitation.objects.get()
    client.post(f"/espaces/pontaval-sur-mer-99001/invitations/{invitation.pk}/annuler/")
    invitation.refresh_from_db()
    assert invitation.revoked


def test_member_actions_need_post(espace_a, as_user, alice):
    assert as_user(alice).get(MEMBERS + "inviter/").status_code == 405


def test_the_member_list_costs_the_same_queries_whatever_its_size(
    espace_a, as_user, alice, make_user
):
    client = as_user(alice)
    client.get(MEMBERS)  # warm caches (session, content types)
    with CaptureQueriesContext(connection) as small:
        client.get(MEMBERS)
    for _ in range(15):
        espace_a.adhesions.create(user=make_user(), role=Role.LECTEUR)
    with CaptureQueriesContext(connection) as large:
        assert client.get(MEMBERS).status_code == 200
    assert len(large) == len(small)
