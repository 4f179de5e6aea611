"""Bring a database up to date and load the built-in data it lacks.

Each app that ships built-in data defines `seed(stdout)` on its AppConfig. Seeds run in the
order of INSTALLED_APPS; each must be idempotent and cheap when its data is already there, so
that `balises setup` (and therefore `make run`) can run every time.
"""

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Migre la base, prépare le cache et les fichiers statiques, charge les données intégrées."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-seed", action="store_true", help="ne pas charger de données")
        parser.add_argument(
            "--no-static", action="store_true", help="ne pas collecter les statiques"
        )

    def handle(self, *args, no_seed: bool = False, no_static: bool = False, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        if not no_static:
            call_command("collectstatic", interactive=False, verbosity=0)
        if no_seed:
            return
        for config in apps.get_app_configs():
            seed = getattr(config, "seed", None)
            if callable(seed):
                seed(self.stdout)
