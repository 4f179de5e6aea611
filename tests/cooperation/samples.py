"""Cooperation records of space A for the tests: actions, actors, participations and
contributions, one of each visibility, created through the services."""

from __future__ import annotations

from datetime import date

from balises.cooperation import services
from balises.espaces.models import Visibility
from balises.trajectoires import services as trajectoires

ACTEUR_PRIVE = "Régie privée coop-8101"
ACTEUR_RESEAU = "Association réseau coop-8102"
ACTEUR_PUBLIC = "Direction publique coop-8103"
HABITANT = "Jeanne Habitante coop-8104"


def make_action(
    espace,
    user,
    title,
    visibility=Visibility.PUBLIC,
    start=date(2018, 1, 1),
    end=None,
    themes=("energie",),
):
    return trajectoires.create_action(
        espace,
        user,
        {
            "title": title,
            "visibility": visibility,
            "start": start,
            "start_precision": "month",
            "end": end,
            "themes": list(themes),
        },
    )


def make_cooperation(espace, user) -> dict:
    made = {
        "action": make_action(espace, user, "Chaufferie bois coop", end=date(2022, 12, 31)),
        "action_privee": make_action(
            espace, user, "Action privée coop", Visibility.PRIVE, themes=("mobilite",)
        ),
    }
    for key, name, kind, visibility in [
        ("prive", ACTEUR_PRIVE, "entreprise", Visibility.PRIVE),
        ("reseau", ACTEUR_RESEAU, "association", Visibility.RESEAU),
        ("public", ACTEUR_PUBLIC, "service", Visibility.PUBLIC),
        ("habitant", HABITANT, "habitant", Visibility.PUBLIC),
    ]:
        made[key] = services.create_acteur(
            espace, user, {"name": name, "kind": kind, "visibility": visibility}
        )
    for key in ("prive", "reseau", "public", "habitant"):
        made[f"participation_{key}"] = services.save_participation(
            espace,
            user,
            {
                "action": made["action"],
                "acteur": made[key],
                "level": "concertation",
                "role": "partenaire",
            },
        )
        made[f"contribution_{key}"], _warnings = services.save_contribution(
            espace,
            user,
            {
                "action": made["action"],
                "acteur": made[key],
                "nature": "temps",
                "amount": "0.5",
                "unit": "etp",
                "period_start": date(2019, 1, 1),
                "period_kind": "year",
            },
        )
    return made
