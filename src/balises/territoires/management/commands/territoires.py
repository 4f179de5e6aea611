"""`balises territoires import [--from FILE]`: load or update the national reference."""

import sys

from django.core.management.base import BaseCommand, CommandError

from balises.core.progress import ConsoleProgress
from balises.territoires.dataset import DatasetError
from balises.territoires.services import import_territoires


class Command(BaseCommand):
    help = "Référentiel national des territoires (communes, EPCI, départements, régions)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser(
            "import",
            help="charge ou met à jour les territoires depuis un fichier",
            description=(
                "Charge ou met à jour les territoires depuis le jeu livré avec Balises, un jeu "
                "compact (.json.gz) ou le paquet npm @etalab/decoupage-administratif (.tgz). "
                "Relancer la commande avec le même fichier ne change rien."
            ),
        )
        load.add_argument(
            "--from",
            dest="path",
            default=None,
            help="fichier à charger (par défaut : le jeu livré avec Balises)",
        )

    def handle(self, *args, action: str, path: str | None = None, **options):
        try:
            report = import_territoires(path, progress=ConsoleProgress(sys.stderr))
        except DatasetError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
