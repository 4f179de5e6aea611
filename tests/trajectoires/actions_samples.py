"""Actions of space A, one per visibility, for the tests of the action pages and the API."""

from __future__ import annotations

from datetime import date

from balises.espaces.models import Visibility
from balises.trajectoires import services

PRIVE = "Régie privée-5501"
RESEAU = "Covoiturage réseau-5502"
PUBLIC = "Chaufferie publique-5503"


def make_actions(espace, user) -> dict:
    """{"prive": action, "reseau": action, "public": action} created through the services."""
    made = {}
    for key, title, visibility, start in [
        ("prive", PRIVE, Visibility.PRIVE, date(2014, 3, 1)),
        ("reseau", RESEAU, Visibility.RESEAU, date(2016, 1, 1)),
        ("public", PUBLIC, Visibility.PUBLIC, date(2010, 1, 1)),
    ]:
        made[key] = services.create_action(
            espace,
            user,
            {
                "title": title,
                "summary": f"Résumé de {title}",
                "visibility": visibility,
                "start": start,
                "start_precision": "month",
                "themes": ["energie"],
                "recit_contexte": f"Le **contexte** de {title}.",
            },
        )
    return made
