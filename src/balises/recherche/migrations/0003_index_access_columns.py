"""Rebuild the full-text index with a copy of each document's kind, visibility and space.

Written by hand. Searches then count and rank inside the index without joining the documents.
The index is derived data: it is dropped, recreated and refilled from recherche_document.
"""

from django.db import migrations


def rebuild(apps, schema_editor):
    from balises.recherche.backends import rebuild_index

    Document = apps.get_model("recherche", "Document")
    rebuild_index(schema_editor, Document.objects.using(schema_editor.connection.alias))


class Migration(migrations.Migration):
    dependencies = [("recherche", "0002_full_text_index")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=False)]
