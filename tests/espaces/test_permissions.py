"""The access rules of territory spaces and the records they hold."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from balises.espaces import permissions
from balises.espaces.models import Espace, Role, Visibility
from balises.espaces.permissions import (
    can_manage,
    can_read_private,
    can_write,
    get_espace_for_user,
    readable_espace_ids,
    record_visibility_q,
    role_of,
)

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def test_readable_espace_ids_lists_the_spaces_a_user_is_member_of(
    espace_a, espace_b, alice, bob, charlie, dana
):
    assert readable_espace_ids(alice) == {espace_a.pk}
    assert readable_espace_ids(bob) == {espace_a.pk}
    assert readable_espace_ids(charlie) == {espace_a.pk}
    assert readable_espace_ids(dana) == {espace_b.pk}


def test_readable_espace_ids_is_empty_for_anonymous_and_none(espace_a):
    assert readable_espace_ids(AnonymousUser()) == set()
    assert readable_espace_ids(None) == set()


def test_staff_read_no_private_records_without_membership(espace_a, make_user):
    staff = make_user(is_staff=True)
    assert readable_espace_ids(staff) == set()
    assert not can_read_private(staff, espace_a)
    assert permissions.can_verify(staff)


def test_an_inactive_member_has_no_role(espace_a, bob):
    bob.is_active = False
    bob.save()
    assert role_of(bob, espace_a) is None
    assert readable_espace_ids(bob) == set()


def test_roles_grant_increasing_rights(espace_a, alice, bob, charlie, dana):
    assert role_of(alice, espace_a) == Role.REFERENT
    assert [can_read_private(u, espace_a) for u in (alice, bob, charlie, dana)] == [
        True,
        True,
        True,
        False,
    ]
    assert [can_write(u, espace_a) for u in (alice, bob, charlie, dana)] == [
        True,
        False,
        True,
        False,
    ]
    assert [can_manage(u, espace_a) for u in (alice, bob, charlie, dana)] == [
        True,
        False,
        False,
        False,
    ]


def test_every_space_is_visible_to_everyone(espace_a, espace_b):
    assert set(Espace.objects.visible_to(AnonymousUser())) == {espace_a, espace_b}


def test_helper_gives_404_for_an_unknown_slug(espace_a, alice):
    with pytest.raises(Http404):
        get_espace_for_user(_request(alice), "nulle-part-00000")


def test_helper_gives_404_to_an_outsider_asking_for_the_private_side(espace_a, dana):
    get_espace_for_user(_request(dana), espace_a.slug)
    for flags in ({"private": True}, {"write": True}, {"manage": True}):
        with pytest.raises(Http404):
            get_espace_for_user(_request(dana), espace_a.slug, **flags)
    with pytest.raises(Http404):
        get_espace_for_user(_request(None), espace_a.slug, private=True)


def test_helper_gives_403_to_a_reader_who_wants_to_write(espace_a, bob, charlie):
    assert get_espace_for_user(_request(bob), espace_a.slug, private=True) == espace_a
    with pytest.raises(PermissionDenied):
        get_espace_for_user(_request(bob), espace_a.slug, write=True)
    assert get_espace_for_user(_request(charlie), espace_a.slug, write=True) == espace_a
    with pytest.raises(PermissionDenied):
        get_espace_for_user(_request(charlie), espace_a.slug, manage=True)


def _seen_by(user, espace_a, espace_b):
    """Each space's default visibility stands for a record of that space and visibility."""
    rule = record_visibility_q(user, espace_field="pk", field="default_visibility")
    return set(Espace.objects.filter(rule).values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("visibility", "seen_by"),
    [
        (Visibility.PUBLIC, {"anonymous", "alice", "bob", "dana"}),
        (Visibility.RESEAU, {"alice", "bob", "dana"}),
        (Visibility.PRIVE, {"alice", "bob"}),
    ],
)
def test_record_visibility_rule_by_role(espace_a, espace_b, alice, bob, dana, visibility, seen_by):
    espace_a.default_visibility = visibility
    espace_a.save()
    espace_b.default_visibility = Visibility.PRIVE
    espace_b.save()
    users = {"anonymous": AnonymousUser(), "alice": alice, "bob": bob, "dana": dana}
    actual = {name for name, u in users.items() if espace_a.slug in _seen_by(u, espace_a, espace_b)}
    assert actual == seen_by
    assert espace_b.slug in _seen_by(dana, espace_a, espace_b)


def test_can_see_record_matches_the_queryset_rule(espace_a, bob, dana):
    assert permissions.can_see_record(None, espace_a, Visibility.PUBLIC)
    assert not permissions.can_see_record(None, espace_a, Visibility.RESEAU)
    assert permissions.can_see_record(dana, espace_a, Visibility.RESEAU)
    assert not permissions.can_see_record(dana, espace_a, Visibility.PRIVE)
    assert permissions.can_see_record(bob, espace_a, Visibility.PRIVE)


def test_a_role_source_grants_access_without_membership(espace_a, dana):
    def facilitators(user):
        return [(espace_a.pk, Role.LECTEUR)] if user.email == "dana@example.org" else []

    permissions.register_role_source(facilitators)
    try:
        assert role_of(dana, espace_a) == Role.LECTEUR
        assert espace_a.pk in readable_espace_ids(dana)
        assert not can_write(dana, espace_a)
    finally:
        permissions.unregister_role_source(facilitators)
    assert role_of(dana, espace_a) is None


def test_rules_permissions_follow_the_same_functions(espace_a, alice, bob):
    assert alice.has_perm("espaces.manage_espace", espace_a)
    assert bob.has_perm("espaces.read_private_espace", espace_a)
    assert not bob.has_perm("espaces.write_espace", espace_a)


def test_every_model_of_space_records_declares_its_access_policy():
    from django.apps import apps

    from balises.espaces.models import SpaceRecord
    from balises.espaces.policies import policy_for

    models = [m for m in apps.get_models() if issubclass(m, SpaceRecord)]
    assert len(models) >= 8
    for model in models:
        assert policy_for(model).model is model


def test_managers_visible_to_apply_the_declared_policy(espace_a, espace_b, alice, bob, dana):
    from balises.trajectoires import services
    from balises.trajectoires.models import Action
    from balises.trajectoires.policies import ACTION

    for visibility in Visibility:
        services.create_action(
            espace_a, alice, {"title": f"A {visibility}", "visibility": visibility}
        )
    for user in (AnonymousUser(), bob, dana):
        assert set(Action.objects.visible_to(user)) == set(ACTION.scope(Action.objects.all(), user))
    assert Action.objects.visible_to(bob).count() == 3
    assert Action.objects.visible_to(dana).count() == 2  # réseau and public
    assert Action.objects.visible_to(AnonymousUser()).count() == 1
