from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

BUILTIN_FILES = [Path(__file__).parent / "data" / "villes-pairs-2019.yaml"]


class ReferentielsConfig(AppConfig):
    name = "balises.referentiels"
    label = "referentiels"
    verbose_name = _("Référentiels")

    def seed(self, stdout) -> None:
        """Load the built-in référentiels whose version is not in the database yet, and bring
        the stored ones up to date with their file (silent when nothing changed)."""
        from .builtin import sync_builtin

        for path in BUILTIN_FILES:
            result = sync_builtin(path)
            if result.created:
                stdout.write(f"Référentiel intégré chargé : {result.referentiel}")
            elif result.changes:
                stdout.write(
                    f"Référentiel intégré mis à jour : {result.referentiel} "
                    f"({len(result.changes)} changement(s), voir l'historique)"
                )
            if result.kept:
                stdout.write(f"Éléments absents du fichier, conservés : {', '.join(result.kept)}")
