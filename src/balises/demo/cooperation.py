"""A demo town's actors, participations and contributions: its ``cooperation`` section.

The section uses the format of ``balises.cooperation.services.loader``; citations in comments
become the source's label followed by its address, since comments are plain text.
"""

from __future__ import annotations

from balises.cooperation.models import Acteur, Contribution, Participation
from balises.cooperation.services.loader import load_cooperation
from balises.espaces.models import Espace

from .files import TownFile

LINKS = ("participations", "contributions")


def cooperation_data(town: TownFile) -> dict[str, list[dict]]:
    """The section with its citations rewritten, ready for the cooperation loader."""
    section = town.doc.get("cooperation") or {}
    data = {
        "acteurs": [
            {**row, "description": town.render(str(row.get("description") or ""))}
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
