"""Load actors, participations and contributions from plain data (e.g. a parsed YAML file):

    acteurs:
      - {name: "Direction de l'énergie", kind: service, visibility: public}
      - {name: "Régie du réseau de chaleur", kind: service, parent: "Direction de l'énergie"}
    participations:
      - {acteur: "Régie du réseau de chaleur", action: "Chaufferie bois",
         level: co_production, role: porteur}
    contributions:
      - {acteur: "Régie du réseau de chaleur", action: "Chaufferie bois", nature: temps,
         amount: 0.5, unit: etp, period: "2019"}        # "2019" = the year, "2019-03" = a month

Actors and actions are named; actions must exist in the space. Everything or nothing is
loaded: an error names the list, the item's position and the field.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from balises.cooperation.models import Acteur
from balises.cooperation.services.acteurs import create_acteur
from balises.cooperation.services.contributions import save_contribution, save_participation
from balises.espaces.models import Espace
from balises.trajectoires.models import Action


def _period(value) -> tuple[date | None, str]:
    text = str(value or "").strip()
    try:
        if len(text) == 4:
            return date(int(text), 1, 1), "year"
        year, month = text.split("-")[:2]
        return date(int(year), int(month), 1), "month"
    except ValueError:
        return None, "year"


def _fail(section: str, index: int, error: ValidationError) -> ValidationError:
    detail = (
        "; ".join(
            f"{field} : {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        if hasattr(error, "error_dict")
        else " ".join(error.messages)
    )
    return ValidationError(
        _("%(section)s, élément n° %(index)s : %(detail)s")
        % {"section": section, "index": index, "detail": detail}
    )


@transaction.atomic
def load_cooperation(espace: Espace, user, data: dict) -> dict[str, int]:
    """Create what ``data`` describes; returns how many of each were created."""
    acteurs = {a.name: a for a in Acteur.objects.filter(espace=espace)}
    actions = {a.title: a for a in Action.objects.filter(espace=espace)}
    counts = {"acteurs": 0, "participations": 0, "contributions": 0}
    for index, item in enumerate(data.get("acteurs") or [], start=1):
        fields = {**item, "parent": acteurs.get(item["parent"]) if item.get("parent") else None}
        try:
            acteurs[item["name"]] = create_acteur(espace, user, fields)
        except (ValidationError, KeyError, TypeError) as error:
            raise _fail("acteurs", index, _as_error(error)) from None
        counts["acteurs"] += 1
    for section in ("participations", "contributions"):
        for index, item in enumerate(data.get(section) or [], start=1):
            fields = {
                **item,
                "acteur": acteurs.get(item.get("acteur", "")),
                "action": actions.get(item.get("action", "")),
            }
            try:
                if section == "participations":
                    save_participation(espace, user, fields)
                else:
                    start, kind = _period(item.get("period"))
                    fields.update(period_start=start, period_kind=kind)
                    save_contribution(espace, user, fields)
            except ValidationError as error:
                raise _fail(section, index, error) from None
            counts[section] += 1
    return counts


def _as_error(error: Exception) -> ValidationError:
    if isinstance(error, ValidationError):
        return error
    return ValidationError(_("champ manquant ou mal formé (%(error)s)") % {"error": error})
