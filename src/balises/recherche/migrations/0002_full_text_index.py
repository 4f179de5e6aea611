"""The full-text index beside recherche_document, in the form the database vendor offers.

Written by hand: SQLite gets an FTS5 table, PostgreSQL the `balises_french` configuration
(French stemming after `unaccent`) and a GIN-indexed tsvector table. The SQL lives with each
backend, which also uses it to build temporary indexes for benchmarks.
"""

from django.db import migrations


def install(apps, schema_editor):
    from balises.recherche.backends import get_backend

    for statement in get_backend(schema_editor.connection).install_sql:
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    from balises.recherche.backends import get_backend

    for statement in get_backend(schema_editor.connection).uninstall_sql:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("recherche", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
