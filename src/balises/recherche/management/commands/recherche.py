"""`balises recherche reindex [--kind K]`: rebuild the search index from the registered apps."""

from typing import TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from balises.core.progress import ConsoleProgress

from ... import registry, services


class Command(BaseCommand):
    help = "Gère l'index de recherche."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="action", required=True, title="actions")
        reindex = subcommands.add_parser(
            "reindex", help="reconstruit l'index à partir des applications qui le fournissent"
        )
        reindex.add_argument(
            "--kind", help="un seul type de document (par défaut : tous les types connus)"
        )

    def handle(self, *args, action: str, kind: str | None = None, **options) -> None:
        if action == "reindex":
            self.reindex(kind)

    def reindex(self, kind: str | None) -> None:
        if not registry.providers():
            self.stdout.write("Aucun type de document n'est déclaré : rien à indexer.")
            return
        try:
            counts = services.reindex(
                kind, progress=ConsoleProgress(cast(TextIO, self.stderr._out))
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        for name, count in counts.items():
            self.stdout.write(f"{name} : {count} document(s) indexé(s)")
