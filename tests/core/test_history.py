import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from balises.core.history import history_entries

pytestmark = pytest.mark.django_db

User = get_user_model()


def rename(user, *names):
    for name in names:
        user.name = name
        user.save()


def test_a_profile_edit_in_the_account_page_is_traced_with_its_author(client, make_user):
    alice = make_user("alice@example.org", name="Alice")
    client.force_login(alice)
    client.post("/compte/", {"name": "Alice Martin"})
    entry = history_entries(alice)[0]
    assert (entry.type, entry.type_code, entry.who) == ("modifié", "~", "Alice Martin")
    assert [(c.field, c.old, c.new) for c in entry.changes] == [
        ("nom affiché", "Alice", "Alice Martin")
    ]


def test_changes_made_outside_a_request_are_signed_by_the_system(make_user):
    alice = make_user(name="Alice")
    rename(alice, "Alice B.")
    assert history_entries(alice)[0].who == "système"


def test_the_creation_lists_initial_values_and_comes_last(make_user):
    alice = make_user("alice@example.org", name="Alice")
    rename(alice, "Alice B.")
    created = history_entries(alice)[-1]
    assert created.type == "créé"
    fields = {change.field: change.new for change in created.changes}
    assert fields["adresse e-mail"] == "alice@example.org"
    assert fields["nom affiché"] == "Alice"
    assert all(change.old == "—" for change in created.changes)


def test_password_and_login_times_are_never_in_the_history(client, make_user):
    alice = make_user("alice@example.org")
    before = alice.history.count()
    alice.set_password("un-autre-mot-de-passe-42")
    alice.save()
    client.login(email="alice@example.org", password="un-autre-mot-de-passe-42")
    assert alice.history.count() == before + 1  # the full save, not the login
    assert not hasattr(alice.history.first(), "password")
    assert not hasattr(alice.history.first(), "last_login")
    assert [entry.type for entry in history_entries(alice)] == ["créé"]


def test_booleans_are_shown_in_words(make_user):
    alice = make_user()
    alice.is_staff = True
    alice.save()
    change = history_entries(alice)[0].changes[0]
    assert (change.old, change.new) == ("non", "oui")


def test_history_takes_a_fixed_number_of_queries_whatever_its_length(make_user):
    short, long = make_user(), make_user()
    rename(short, "a")
    rename(long, *[f"nom {n}" for n in range(30)])
    with CaptureQueriesContext(connection) as few:
        history_entries(short)
    with CaptureQueriesContext(connection) as many:
        entries = history_entries(long)
    assert len(few) == len(many) == 1
    assert len(entries) == 31


def test_the_limit_keeps_the_newest_entries_and_diffs_the_oldest_shown(make_user):
    alice = make_user(name="n0")
    rename(alice, "n1", "n2", "n3")
    entries = history_entries(alice, limit=2)
    assert [(e.changes[0].old, e.changes[0].new) for e in entries] == [("n2", "n3"), ("n1", "n2")]


def test_deleting_an_account_deletes_its_own_history(make_user):
    alice = make_user(name="Alice")
    rename(alice, "Alice B.")
    pk = alice.pk
    alice.delete()
    assert not User.history.filter(id=pk).exists()


def test_the_history_fragment_renders_a_table_with_headers(make_user):
    alice = make_user(name="Alice")
    rename(alice, "Alice <b>")
    html = render_to_string("core/_history.html", {"entries": history_entries(alice)})
    for header in ("Date", "Auteur", "Changement", "Détail"):
        assert f'<th scope="col">{header}</th>' in html
    assert "<del>Alice</del>" in html and "<ins>Alice &lt;b&gt;</ins>" in html
    assert "Revenir à cette version" not in html


def test_the_history_fragment_says_when_there_is_nothing():
    html = render_to_string("core/_history.html", {"entries": []})
    assert "Aucune modification enregistrée." in html


def test_my_account_page_shows_my_profile_history(client, make_user):
    alice = make_user("alice@example.org", name="Alice")
    client.force_login(alice)
    client.post("/compte/", {"name": "Alice Martin"})
    body = client.get("/compte/").content.decode()
    assert "Historique" in body
    assert "<del>Alice</del>" in body and "<ins>Alice Martin</ins>" in body


def test_foreign_keys_are_shown_by_name_or_as_deleted():
    from types import SimpleNamespace

    from balises.core.history import _display
    from balises.core.models import ApiToken

    user_field = ApiToken._meta.get_field("user")
    names = {(User, 5): "Alice"}
    assert _display(user_field, SimpleNamespace(user_id=5), names) == "Alice"
    assert _display(user_field, SimpleNamespace(user_id=6), names) == "élément supprimé n° 6"
    assert _display(user_field, SimpleNamespace(user_id=None), names) == "—"
