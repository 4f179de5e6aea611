"""`balises demo load|remove|status`: the demo spaces of the four Villes pairs towns."""

from django.core.management.base import BaseCommand, CommandError

from balises.demo.files import DemoFileError
from balises.demo.loader import DemoError, demo_status, load_demo, reload_demo, remove_demo


class Command(BaseCommand):
    help = (
        "Données de démonstration : les quatre villes pilotes du référentiel Villes pairs, "
        "tirées de faits publics sourcés."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser(
            "load",
            help="charge les villes de démonstration qui ne le sont pas encore",
            description="Charge les espaces de démonstration absents ; relancer ne change rien.",
        )
        actions.add_parser(
            "remove",
            help="supprime tous les espaces de démonstration et leur contenu",
            description="Supprime les espaces marqués « démonstration » et rien d'autre.",
        )
        actions.add_parser(
            "reload",
            help="recharge les espaces de démonstration depuis les fichiers corrigés",
            description="Supprime les espaces de démonstration puis les charge de nouveau.",
        )
        actions.add_parser("status", help="liste les espaces de démonstration chargés")

    def handle(self, *args, action: str, **options):
        if action == "load":
            try:
                report = load_demo(stdout=self.stdout)
            except (DemoError, DemoFileError) as error:
                raise CommandError(str(error)) from error
            if not report.loaded and not report.skipped:
                self.stdout.write("Aucune ville de démonstration à charger.")
        elif action == "reload":
            try:
                reload_demo(stdout=self.stdout)
            except (DemoError, DemoFileError) as error:
                raise CommandError(str(error)) from error
        elif action == "remove":
            remove_demo(stdout=self.stdout)
        else:
            rows = demo_status()
            if not rows:
                self.stdout.write("Aucun espace de démonstration.")
            for row in rows:
                self.stdout.write(
                    f"{row['name']} (/{row['slug']}) : {row['actions']} actions, "
                    f"{row['evenements']} événements, {row['phases']} phases, "
                    f"{row['sauts']} sauts systémiques, {row['sources']} sources"
                )
