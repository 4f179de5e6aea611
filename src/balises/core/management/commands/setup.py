"""Bring a database up to date and load the built-in data it lacks.

Each app that ships built-in data defines `seed(stdout)` on its AppConfig. Seeds run in the
order of INSTALLED_APPS; each must be idempotent and cheap when its data is already there, so
that `balises setup` (and therefore `make run`) can run every time.
"""

import hashlib
import os

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand

STATIC_STAMP = ".balises-static-fingerprint"


def static_fingerprint() -> str:
    """Fingerprint of every static source file (path, size, mtime): unchanged → nothing to do."""
    digest = hashlib.sha256(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}:{stat.st_size}:{int(stat.st_mtime)}\n".encode())
    return digest.hexdigest()


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
            self._collect_static()
        if no_seed:
            return
        for config in apps.get_app_configs():
            seed = getattr(config, "seed", None)
            if callable(seed):
                seed(self.stdout)

    def _collect_static(self) -> None:
        # Compressing and hashing the static files takes tens of seconds: only when they changed.
        stamp = settings.STATIC_ROOT / STATIC_STAMP
        fingerprint = static_fingerprint()
        if stamp.exists() and stamp.read_text() == fingerprint:
            return
        self.stdout.write("Préparation des fichiers statiques (une seule fois, ~30 s)…")
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp.write_text(fingerprint)
