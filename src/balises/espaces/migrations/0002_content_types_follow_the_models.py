"""The content types of the moved models follow them into the espaces app, so that permissions
and admin log entries that point to them keep pointing to the same models."""

from django.db import migrations

MODELS = (
    "espace",
    "adhesion",
    "invitation",
    "historicalespace",
    "historicaladhesion",
    "historicalinvitation",
)


def rename(apps, schema_editor, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if ContentType.objects.filter(app_label=new, model=model).exists():
            continue  # already created for the new app (e.g. a database migrated twice)
        ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, "territoires", "espaces")


def backwards(apps, schema_editor):
    rename(apps, schema_editor, "espaces", "territoires")


class Migration(migrations.Migration):
    dependencies = [
        ("espaces", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
