"""Participations and contributions: checks, warnings and saving."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from balises.cooperation.models import (
    Contribution,
    InKind,
    Level,
    Nature,
    Participation,
    ParticipationRole,
    PeriodKind,
    Unit,
)
from balises.cooperation.services.common import check_choice, with_author
from balises.cooperation.units import UNITS_BY_NATURE, unit_allowed
from balises.espaces.models import Espace

PARTICIPATION_FIELDS = ("action", "acteur", "level", "role", "since", "comment")
CONTRIBUTION_FIELDS = (
    "action",
    "acteur",
    "nature",
    "in_kind",
    "amount",
    "unit",
    "period_start",
    "period_kind",
    "comment",
)


def _check_same_space(errors: dict, espace: Espace, data: dict) -> None:
    for field in ("action", "acteur"):
        record = data.get(field)
        if record is None:
            errors[field] = _("Ce champ est obligatoire.")
        elif record.espace_id != espace.pk:
            errors[field] = _("Choisissez un élément de cet espace.")


def validate_participation(espace: Espace, data: dict) -> dict:
    errors: dict = {}
    _check_same_space(errors, espace, data)
    check_choice(errors, "level", data.get("level", ""), Level.values)
    check_choice(errors, "role", data.get("role", ""), ParticipationRole.values)
    if errors:
        raise ValidationError(errors)
    return data


def save_participation(
    espace: Espace, user, data: dict, instance: Participation | None = None
) -> Participation:
    data = validate_participation(espace, data)
    participation = instance or Participation()
    for field in PARTICIPATION_FIELDS:
        if field in data:
            setattr(participation, field, data[field])
    try:
        with transaction.atomic():
            with_author(participation, user).save()
    except IntegrityError:
        raise ValidationError(
            _("Cet acteur a déjà ce rôle dans cette action : modifiez sa participation.")
        ) from None
    return participation


def parse_amount(value) -> Decimal:
    """A Decimal ≥ 0 from « 12,5 », « 12.5 » or a number; ValidationError otherwise."""
    try:
        amount = Decimal(
            str(value).strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
        )
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {"amount": _("Montant illisible : « %(value)s ».") % {"value": value}}
        ) from None
    if not amount.is_finite():
        raise ValidationError(
            {"amount": _("Montant illisible : « %(value)s ».") % {"value": value}}
        )
    if amount < 0:
        raise ValidationError({"amount": _("Le montant ne peut pas être négatif.")})
    return amount


def period_bounds(start: date, kind: str) -> tuple[date, date]:
    """First and last day of the month or year beginning at ``start``'s month or year."""
    if kind == PeriodKind.MONTH:
        first = start.replace(day=1)
        following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, date.fromordinal(following.toordinal() - 1)
    return date(start.year, 1, 1), date(start.year, 12, 31)


def validate_contribution(espace: Espace, data: dict) -> dict:
    errors: dict = {}
    _check_same_space(errors, espace, data)
    nature, unit = data.get("nature", ""), data.get("unit", "")
    check_choice(errors, "nature", nature, Nature.values)
    check_choice(errors, "period_kind", data.get("period_kind", ""), PeriodKind.values)
    if unit not in Unit.values:
        errors["unit"] = _("Unité inconnue : « %(unit)s ». Unités possibles : %(units)s.") % {
            "unit": unit,
            "units": ", ".join(Unit.values),
        }
    elif nature in Nature.values and not unit_allowed(nature, unit):
        errors["unit"] = _("Une contribution en %(nature)s se compte en : %(units)s.") % {
            "nature": Nature(nature).label,
            "units": ", ".join(str(Unit(u).label) for u in UNITS_BY_NATURE[nature]),
        }
    in_kind = data.get("in_kind", "") or ""
    if in_kind and (nature != Nature.EN_NATURE or in_kind not in InKind.values):
        errors["in_kind"] = _("Précisez l'apport seulement pour une contribution en nature.")
    if data.get("period_start") is None:
        errors["period_start"] = _("Indiquez le mois ou l'année de la contribution.")
    try:
        data = {**data, "amount": parse_amount(data.get("amount", ""))}
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    first, _last = period_bounds(data["period_start"], data["period_kind"])
    return {**data, "period_start": first, "in_kind": in_kind}


def period_warnings(contribution: Contribution) -> list[str]:
    """Warnings (not errors): a contribution outside its action's period may be a typo."""
    action = contribution.action
    first, last = period_bounds(contribution.period_start, contribution.period_kind)
    if action.start is not None and last < action.start.replace(day=1):
        return [
            _("Cette contribution précède le début de l'action (%(start)s) : vérifiez la période.")
            % {"start": action.start.strftime("%m/%Y")}
        ]
    if action.end is not None and first > action.end:
        return [
            _("Cette contribution suit la fin de l'action (%(end)s) : vérifiez la période.")
            % {"end": action.end.strftime("%m/%Y")}
        ]
    return []


def save_contribution(
    espace: Espace, user, data: dict, instance: Contribution | None = None
) -> tuple[Contribution, list[str]]:
    """Save and return the contribution with its warnings."""
    data = validate_contribution(espace, data)
    contribution = instance or Contribution(declared_by=user)
    for field in CONTRIBUTION_FIELDS:
        if field in data:
            setattr(contribution, field, data[field])
    with_author(contribution, user).save()
    return contribution, period_warnings(contribution)


def delete_link(record, user) -> None:
    """Delete a participation or a contribution, signed in the history."""
    with_author(record, user).delete()
