"""Plain dictionaries of cooperation records, shared by the JSON twins, CSV and the API."""

from __future__ import annotations

from balises.cooperation.models import Acteur, Contribution, Participation
from balises.cooperation.units import normalise


def acteur_data(acteur: Acteur, is_member: bool) -> dict:
    protected = not is_member and acteur.is_protected
    return {
        "id": acteur.pk,
        "kind": acteur.kind,
        "kind_label": str(acteur.get_kind_display()),
        "name": acteur.name_for(is_member),
        "organisation": "" if protected else acteur.organisation,
        "delegation": acteur.delegation,
        "parent_id": acteur.parent_id,
        "is_group": acteur.is_group,
        "description": "" if protected else acteur.description,
        "visibility": acteur.visibility,
    }


def participation_data(record: Participation, is_member: bool) -> dict:
    return {
        "id": record.pk,
        "action_id": record.action_id,
        "action": record.action.title,
        "acteur_id": record.acteur_id,
        "acteur": record.acteur.name_for(is_member),
        "level": record.level,
        "level_label": str(record.get_level_display()),
        "role": record.role,
        "role_label": str(record.get_role_display()),
        "since": record.since.isoformat() if record.since else None,
    }


def contribution_data(record: Contribution, is_member: bool) -> dict:
    measure, value = normalise(record.amount, record.unit, record.period_kind)
    return {
        "id": record.pk,
        "action_id": record.action_id,
        "action": record.action.title,
        "acteur_id": record.acteur_id,
        "acteur": record.acteur.name_for(is_member),
        "nature": record.nature,
        "in_kind": record.in_kind,
        "amount": str(record.amount),
        "unit": record.unit,
        "period_start": record.period_start.isoformat(),
        "period_kind": record.period_kind,
        "measure": measure,
        "value_in_measure": str(round(value, 2)),
        "comment": record.comment if is_member or not record.acteur.is_protected else "",
    }
