"""Start Balises locally: prepare the database, then the background worker and the web server.

Ctrl-C (or SIGTERM) stops both child processes before returning.
"""

import os
import signal
import subprocess
import sys
import time

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prépare la base puis lance le serveur web et le worker des tâches de fond."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("BALISES_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("BALISES_PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("BALISES_WEB_WORKERS", "2"))
        )
        parser.add_argument("--no-setup", action="store_true", help="ne pas migrer ni charger")

    def handle(self, host: str, port: int, workers: int, no_setup: bool, **options):
        if not no_setup:
            self.stdout.write("Préparation de la base de données…")
            call_command("setup", stdout=self.stdout)
        python = sys.executable
        # Children get their own session so that Ctrl-C in the terminal reaches only this
        # command, which then stops them in order (gunicorn's workers finish their requests).
        children = [
            subprocess.Popen([python, "-m", "balises", "db_worker"], start_new_session=True),
            subprocess.Popen(
                [
                    python,
                    "-m",
                    "gunicorn",
                    "balises.wsgi:application",
                    "--bind",
                    f"{host}:{port}",
                    "--workers",
                    str(workers),
                    "--threads",
                    "4",
                    "--graceful-timeout",
                    "5",
                    "--log-level",
                    "warning",
                ],
                start_new_session=True,
            ),
        ]
        self._print_welcome(host, port)
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.5)
        finally:
            self._stop(children)

    def _stop(self, children: list[subprocess.Popen]) -> None:
        self.stdout.write("\nArrêt de Balises…")
        for child in children:
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + 10
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()

    def _print_welcome(self, host: str, port: int) -> None:
        shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host  # noqa: S104
        url = f"http://{shown}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nBalises est lancé sur {url}"))
        lines = [
            f"  · Créez un compte : {url}comptes/signup/",
            "    (les e-mails de confirmation s'affichent dans ce terminal)",
            "  · Compte d'administration : balises createstaff VOTRE@ADRESSE",
            f"  · Données : {settings.DATABASES['default']['NAME']}",
            "  · Ctrl-C pour arrêter.",
        ]
        # An app may add lines by defining `run_hints(url) -> list[str]` on its AppConfig.
        for config in apps.get_app_configs():
            for hint in getattr(config, "run_hints", lambda url: [])(url):
                # An indented hint continues the previous one: no bullet.
                bullet = "   " if hint.startswith(" ") else "  ·"
                lines.insert(-1, f"{bullet} {hint}")
        self.stdout.write("\n".join(lines) + "\n")
