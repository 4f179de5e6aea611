"""A demo town's actors, participations and contributions: its ``cooperation`` section.

The section uses the format of ``balises.cooperation.services.loader``; citations in comments
become the source's label followed by its address, since comments are plain text.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from balises.cooperation.models import (
    Acteur,
    ActeurKind,
    Collectif,
    Contribution,
    Participation,
    TempsReflexif,
    Voyage,
)
from balises.cooperation.services.dispositifs import save_record
from balises.cooperation.services.loader import load_cooperation
from balises.espaces.models import Espace
from balises.referentiels.models import Element

from .files import TownFile, as_partial_date

LINKS = ("participations", "contributions")


def cooperation_data(town: TownFile) -> dict[str, list[dict]]:
    """The section with its citations rewritten, ready for the cooperation loader."""
    section = town.doc.get("cooperation") or {}
    data = {
        "acteurs": [
            {
                **row,
                "description": town.render(str(row.get("description") or ""), urls=True),
                # Groups of inhabitants are named as the public sources name them: no person
                # can be picked out (the file check refuses an individual habitant).
                "consent_public": row.get("kind") == ActeurKind.HABITANT
                and bool(row.get("is_group")),
            }
            for row in section.get("acteurs") or []
        ]
    }
    for part in LINKS:
        data[part] = [
            {**row, "comment": town.render(str(row.get("comment") or ""), urls=True)}
            for row in section.get(part) or []
        ]
    return data


def load_town_cooperation(town: TownFile, espace: Espace, reason: str) -> dict[str, int]:
    """Create the town's cooperation records; ValidationError (nothing written) if one is wrong."""
    counts = load_cooperation(espace, None, cooperation_data(town))
    # The cooperation loader signs its history entries without a reason: give them ours.
    Acteur.history.filter(espace_id=espace.pk).update(history_change_reason=reason)
    for model in (Participation, Contribution):
        model.history.filter(action__espace_id=espace.pk).update(history_change_reason=reason)
    return counts


def _territoire(ident: dict | None):
    from balises.territoires.models import Territoire

    if not ident:
        return None
    found = Territoire.objects.filter(kind=ident.get("kind"), code=str(ident.get("code"))).first()
    if found is None:
        where = f"{ident.get('kind')} {ident.get('code')}"
        raise ValidationError(f"territoire visité introuvable : {where}")
    return found


def load_town_dispositifs(
    town: TownFile, espace: Espace, actions: dict, reason: str
) -> dict[str, int]:
    """Clubs, learning visits and reflexive sessions of the ``dispositifs`` section.

    Their texts are plain: citations become the source's label followed by its address.
    """
    section = town.doc.get("dispositifs") or {}
    acteurs = {a.name: a for a in Acteur.objects.filter(espace=espace)}
    elements: dict[str, Element] = {}
    counts = {"clubs et collectifs": 0, "voyages": 0, "temps réflexifs": 0}
    for row in section.get("collectifs") or []:
        save_record(
            Collectif,
            espace,
            None,
            {
                "name": row["name"],
                "themes": list(row.get("themes") or []),
                "description": town.render(str(row.get("description") or ""), urls=True),
                "visibility": espace.default_visibility,
                "members": [acteurs[name] for name in row.get("members") or []],
            },
        )
        counts["clubs et collectifs"] += 1
    for row in section.get("voyages") or []:
        save_record(
            Voyage,
            espace,
            None,
            {
                "title": row["title"],
                "territoire": _territoire(row.get("territoire")),
                "destination": str(row.get("destination") or ""),
                "date": _day(row.get("date"), row["title"]),
                "learnt": town.render(str(row.get("learnt") or ""), urls=True),
                "visibility": espace.default_visibility,
                "participants": [acteurs[name] for name in row.get("participants") or []],
                "actions": [actions[key] for key in row.get("actions") or []],
            },
        )
        counts["voyages"] += 1
    for row in section.get("temps_reflexifs") or []:
        if row.get("balises") and not elements:
            elements = {e.code: e for e in Element.objects.filter(referentiel__slug="villes-pairs")}
        save_record(
            TempsReflexif,
            espace,
            None,
            {
                "title": row["title"],
                "date": _day(row.get("date"), row["title"]),
                **{
                    field: town.render(str(row.get(field) or ""), urls=True)
                    for field in ("what_worked", "what_did_not", "decisions")
                },
                "visibility": espace.default_visibility,
                "participants": [acteurs[name] for name in row.get("participants") or []],
                "actions": [actions[key] for key in row.get("actions") or []],
                "balises": [elements[code] for code in row.get("balises") or []],
            },
        )
        counts["temps réflexifs"] += 1
    for model in (Collectif, Voyage, TempsReflexif):
        model.history.filter(espace_id=espace.pk).update(history_change_reason=reason)
    return counts


def _day(value, title: str):
    """The first day of a partial date (« 2019 », « mars 2019 »), or None when there is none."""
    parsed = as_partial_date(value, title)
    return parsed[0] if parsed else None
