"""`balises referentiel import|export|diff`: the référentiel formats from the command line."""

import json
import sys
from pathlib import Path
from typing import TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from balises.core.progress import ConsoleProgress
from balises.referentiels import services
from balises.referentiels.formats.errors import FormatError
from balises.referentiels.permissions import get_referentiel


class Command(BaseCommand):
    help = "Importe, exporte ou compare des référentiels."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        importer = commands.add_parser("import", help="importer un fichier")
        importer.add_argument("file", help="fichier YAML, JSON ou CSV")
        importer.add_argument(
            "--format", choices=[*services.IMPORT_FORMATS, "auto"], default="auto",
            help="canonical (YAML/JSON), csv (générique) ou tet (Territoires en Transitions)",
        )  # fmt: skip
        importer.add_argument("--slug", help="identifiant (remplace celui du fichier)")
        importer.add_argument("--version", help="version (remplace celle du fichier)")
        importer.add_argument("--title", help="titre (remplace celui du fichier)")
        exporter = commands.add_parser("export", help="exporter un référentiel")
        exporter.add_argument("slug")
        exporter.add_argument("--version", help="version (par défaut la plus récente)")
        exporter.add_argument("--format", choices=list(services.EXPORT_FORMATS), required=True)
        exporter.add_argument("-o", "--output", help="fichier de sortie (par défaut, l'écran)")
        differ = commands.add_parser("diff", help="comparer deux versions")
        differ.add_argument("slug")
        differ.add_argument("old", help="version de départ")
        differ.add_argument("new", help="version d'arrivée")
        differ.add_argument("--json", action="store_true", help="sortie JSON")

    def handle(self, *args, action: str, **options) -> None:
        try:
            getattr(self, f"handle_{action}")(**options)
        except FormatError as error:
            raise CommandError(str(error)) from None

    def handle_import(self, file: str, format: str, slug=None, version=None, title=None, **_):
        path = Path(file)
        if format == "auto":
            format = guess_format(path)
        result = services.import_referentiel(
            path, format, slug=slug, version=version, title=title,
            progress=ConsoleProgress(cast(TextIO, self.stderr._out)),
        )  # fmt: skip
        for warning in result.warnings:
            self.stderr.write(f"attention : {warning}")
        referentiel = result.referentiel
        count = referentiel.elements.count()
        self.stdout.write(
            f"Importé : {referentiel.slug} version {referentiel.version}, {count} éléments."
        )

    def handle_export(self, slug: str, format: str, version=None, output=None, **_):
        referentiel = self.find(slug, version)
        text = services.export_referentiel(referentiel, format)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)

    def handle_diff(self, slug: str, old: str, new: str, json: bool = False, **_):
        changes = services.diff_versions(self.find(slug, old), self.find(slug, new))
        if json:
            self.stdout.write(dump_json(changes.as_dict()))
            return
        labels = {
            "added": "ajouté",
            "removed": "retiré",
            "moved": "déplacé",
            "reworded": "reformulé",
        }
        for name, label in labels.items():
            for change in getattr(changes, name):
                self.stdout.write(f"{label}\t{change.code}\t{change.label_fr}")
        if changes.is_empty:
            self.stdout.write("Aucune différence.")

    def find(self, slug: str, version: str | None):
        referentiel = get_referentiel(slug, version)
        if referentiel is None:
            raise CommandError(f"Référentiel introuvable : {slug} {version or ''}".strip())
        return referentiel


def guess_format(path: Path) -> str:
    if path.suffix.lower() != ".csv":
        return "canonical"
    with path.open(encoding="utf-8-sig") as stream:
        header = stream.readline().casefold()
    return "tet" if "identifiant" in header else "csv"


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
