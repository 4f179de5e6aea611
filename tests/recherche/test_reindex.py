"""Rebuilding the index from the kinds apps register, by service and by command."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command

from balises.recherche import registry
from balises.recherche.models import Document
from balises.recherche.services import index_document, reindex, search

pytestmark = pytest.mark.django_db


def fiches():
    yield {"object_id": 1, "title": "Fiche compostage", "body": "Des bacs partagés."}
    yield {"object_id": 2, "title": "Fiche réseau", "visibility": "reseau"}
    yield {"object_id": 3, "title": "Fiche privée", "visibility": "prive", "espace_id": 4}


@pytest.fixture
def fiche_kind():
    registry.register("fiche", "Fiche", fiches, count=lambda: 3)
    yield
    registry.unregister("fiche")


def test_a_registered_kind_is_listed_with_its_label(fiche_kind):
    assert registry.kind_labels()["fiche"] == "Fiche"
    assert registry.get("fiche").count() == 3


def test_reindex_replaces_all_documents_of_a_kind(fiche_kind):
    index_document("fiche", "99", title="Fiche disparue")
    index_document("action", "1", title="Action conservée")
    assert reindex("fiche") == {"fiche": 3}
    assert sorted(Document.objects.filter(kind="fiche").values_list("object_id", flat=True)) == [
        "1",
        "2",
        "3",
    ]
    assert Document.objects.filter(kind="action").exists()
    [hit] = search("bac compostage", user=AnonymousUser()).hits
    assert hit.object_id == "1" and "<mark>bacs</mark>" in hit.snippet_html
    assert search("disparue", user=AnonymousUser()).total == 0


def test_reindex_of_an_unknown_kind_is_refused_and_changes_nothing(fiche_kind):
    index_document("fiche", "99", title="Fiche ancienne")
    with pytest.raises(ValueError, match="inconnu"):
        reindex("nimporte")
    assert Document.objects.count() == 1


def test_a_provider_yielding_a_bad_document_changes_nothing(fiche_kind):
    index_document("fiche", "99", title="Fiche ancienne")

    def broken():
        yield {"object_id": 1, "title": "Bonne fiche"}
        yield {"object_id": 2, "title": "Mauvaise fiche", "visibility": "secret"}

    registry.register("fiche", "Fiche", broken)
    with pytest.raises(ValueError):
        reindex("fiche")
    assert list(Document.objects.values_list("object_id", flat=True)) == ["99"]
    assert search("ancienne", user=AnonymousUser()).total == 1


def test_the_command_rebuilds_one_kind_and_reports_progress(fiche_kind):
    out, err = io.StringIO(), io.StringIO()
    call_command("recherche", "reindex", "--kind", "fiche", stdout=out, stderr=err)
    assert "fiche : 3 document(s) indexé(s)" in out.getvalue()
    assert "3/3" in err.getvalue()
    assert Document.objects.filter(kind="fiche").count() == 3


def test_the_command_rebuilds_every_registered_kind(fiche_kind):
    out = io.StringIO()
    call_command("recherche", "reindex", stdout=out, stderr=io.StringIO())
    assert "fiche : 3" in out.getvalue()


def test_the_command_explains_an_unknown_kind(fiche_kind):
    with pytest.raises(CommandError, match="type de document inconnu"):
        call_command("recherche", "reindex", "--kind", "nimporte", stderr=io.StringIO())
