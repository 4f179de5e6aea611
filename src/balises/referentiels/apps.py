from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

BUILTIN_FILES = [Path(__file__).parent / "data" / "villes-pairs-2019.yaml"]


class ReferentielsConfig(AppConfig):
    name = "balises.referentiels"
    label = "referentiels"
    verbose_name = _("Référentiels")

    def seed(self, stdout) -> None:
        """Load the built-in référentiels whose version is not in the database yet."""
        from .builtin import load_builtin

        for path in BUILTIN_FILES:
            referentiel = load_builtin(path)
            if referentiel is not None:
                stdout.write(f"Référentiel intégré chargé : {referentiel}")
