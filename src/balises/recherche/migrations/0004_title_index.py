"""Rebuild the full-text index once more: PostgreSQL gains a title-only vector and its index.

Written by hand; see 0003. Ranking the documents whose title holds every word then reads only
those documents, which keeps broad queries within the search budget.
"""

from django.db import migrations


def rebuild(apps, schema_editor):
    from balises.recherche.backends import rebuild_index

    Document = apps.get_model("recherche", "Document")
    rebuild_index(schema_editor, Document.objects.using(schema_editor.connection.alias))


class Migration(migrations.Migration):
    dependencies = [("recherche", "0003_index_access_columns")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop, elidable=False)]
