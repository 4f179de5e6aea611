"""Rebuild the full-text index with a copy of each document's kind, visibility and space.

Written by hand. Searches then count and rank inside the index without joining the documents.
The index is derived data: it is dropped, recreated and refilled from recherche_document.
"""

from django.db import migrations

BATCH_SIZE = 1000


def rebuild(apps, schema_editor):
    from balises.recherche.backends import Entry, get_backend

    backend = get_backend(schema_editor.connection)
    for statement in backend.uninstall_sql + backend.install_sql:
        schema_editor.execute(statement, params=None)
    Document = apps.get_model("recherche", "Document")
    documents = Document.objects.using(schema_editor.connection.alias).order_by("pk")
    batch: list = []
    with schema_editor.connection.cursor() as cursor:
        for document in documents.iterator(chunk_size=BATCH_SIZE):
            batch.append(
                Entry(
                    document.pk,
                    document.kind,
                    document.title,
                    document.body,
                    document.visibility,
                    document.espace_id,
                )
            )
            if len(batch) >= BATCH_SIZE:
                backend.upsert(cursor, batch)
                batch = []
        backend.upsert(cursor, batch)


class Migration(migrations.Migration):
    dependencies = [("recherche", "0002_full_text_index")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=False)]
