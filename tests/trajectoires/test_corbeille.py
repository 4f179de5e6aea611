"""Restoring deleted actions: with what can come back, refusing what cannot."""

import pytest

from balises.core.history import RestoreError
from balises.trajectoires import services
from balises.trajectoires.models import Action, LienAction

from .actions_samples import make_actions

pytestmark = pytest.mark.django_db


def test_a_link_whose_other_action_is_gone_stays_deleted(espace_a, alice):
    actions = make_actions(espace_a, alice)
    services.link_actions(alice, actions["prive"], actions["public"], "entraine")
    services.link_actions(alice, actions["reseau"], actions["prive"], "prolonge")
    prive_pk = actions["prive"].pk  # delete() forgets the primary key of the instance
    services.delete_action(actions["prive"], alice)
    services.delete_action(actions["public"], alice)
    restored = services.restore_action(espace_a, alice, prive_pk)
    assert restored.pk == prive_pk
    assert list(LienAction.objects.values_list("source_id", "target_id")) == [
        (actions["reseau"].pk, prive_pk)
    ]


def test_an_action_of_another_space_or_not_deleted_cannot_be_restored(
    espace_a, espace_b, alice, dana
):
    actions = make_actions(espace_a, alice)
    with pytest.raises(RestoreError):
        services.restore_action(espace_a, alice, actions["public"].pk)
    other = services.create_action(espace_b, dana, {"title": "De B"})
    other_pk = other.pk
    services.delete_action(other, dana)
    with pytest.raises(RestoreError):
        services.restore_action(espace_a, alice, other_pk)
    assert not Action.objects.filter(pk=other_pk).exists()


def test_a_restored_action_refuses_forms_opened_before_its_deletion(espace_a, alice):
    action = make_actions(espace_a, alice)["public"]
    opened_at, pk = action.version, action.pk
    services.delete_action(action, alice)
    restored = services.restore_action(espace_a, alice, pk)
    assert restored.version > opened_at
    with pytest.raises(services.ConflictError):
        services.update_action(restored, alice, {"title": "Ancien formulaire"}, opened_at)
