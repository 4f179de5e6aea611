import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template.loader import render_to_string

from balises.core.history import RestoreError, history_entries, restore_version

pytestmark = pytest.mark.django_db

User = get_user_model()


def version_named(user_pk, name):
    return User.history.filter(id=user_pk, name=name).order_by("history_date").first()


def test_restoring_a_past_version_is_a_new_entry_by_the_restorer(make_user):
    staff = make_user(name="Admin", is_staff=True)
    alice = make_user(name="Alice")
    for name in ("Alice B.", "Alice C."):
        alice.name = name
        alice.save()
    restore_version(version_named(alice.pk, "Alice"), staff)
    alice.refresh_from_db()
    assert alice.name == "Alice"
    entry = history_entries(alice)[0]
    assert entry.who == "Admin" and entry.type == "modifié"
    assert entry.reason.startswith("Retour à la version du ")
    assert [(c.old, c.new) for c in entry.changes] == [("Alice C.", "Alice")]


def test_restoring_keeps_the_current_password(make_user):
    alice = make_user(name="Alice", password="premier-mot-de-passe-42")
    alice.name = "Alice B."
    alice.set_password("second-mot-de-passe-42")
    alice.save()
    restore_version(version_named(alice.pk, "Alice"), alice)
    alice.refresh_from_db()
    assert alice.check_password("second-mot-de-passe-42")


def test_a_deleted_object_comes_back_to_life():
    bob = User.objects.create_user("bob@example.org", name="Bob")
    bob.name = "Bob D."
    bob.save()
    record = version_named(bob.pk, "Bob D.")
    # Remove the row behind the history's back, as a deletion of a model whose history is kept.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_user WHERE id = %s", [bob.pk])
    assert not User.objects.filter(pk=bob.pk).exists()
    restore_version(record, None)
    assert User.objects.get(pk=bob.pk).name == "Bob D."


def test_a_deletion_record_itself_cannot_be_restored(make_user):
    record = make_user().history.first()
    record.history_type = "-"
    with pytest.raises(RestoreError, match="antérieure à la suppression"):
        restore_version(record, None)


def test_a_version_clashing_with_a_unique_value_changes_nothing(make_user):
    alice = make_user("alice@example.org")
    old = alice.history.first()
    alice.email = "alice.nouvelle@example.org"
    alice.save()
    User.objects.create_user("alice@example.org")  # someone took the old address
    with pytest.raises(RestoreError, match="conflit"):
        restore_version(old, None)
    alice.refresh_from_db()
    assert alice.email == "alice.nouvelle@example.org"


def test_the_fragment_offers_restore_buttons_on_past_versions_when_asked(make_user):
    alice = make_user(name="Alice")
    alice.name = "Alice B."
    alice.save()
    entries = history_entries(alice)
    html = render_to_string(
        "core/_history.html", {"entries": entries, "restore_url_name": "api_token_revoke"}
    )
    # api_token_revoke stands for an app's restore URL here: it takes one integer.
    assert html.count("Revenir à cette version") == 1
