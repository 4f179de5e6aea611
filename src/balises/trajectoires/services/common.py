"""Checks shared by the services of trajectories."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from balises.espaces.models import Visibility
from balises.trajectoires.dates import format_partial_date
from balises.trajectoires.models import Precision


def check_choice(errors: dict, field: str, value: str, choices: Iterable[str]) -> None:
    if value not in set(choices):
        errors.setdefault(field, []).append(
            _("« %(value)s » n'est pas une valeur possible (%(choices)s).")
            % {"value": value, "choices": ", ".join(choices)}
        )


def check_codes(errors: dict, field: str, codes: Iterable[str], choices: Iterable[str]) -> None:
    allowed = set(choices)
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        errors.setdefault(field, []).append(
            _("Valeur inconnue : %(unknown)s (possibles : %(choices)s).")
            % {"unknown": ", ".join(unknown), "choices": ", ".join(sorted(allowed))}
        )


def check_visibility(errors: dict, value: str) -> None:
    check_choice(errors, "visibility", value, Visibility.values)


def check_period(
    errors: dict,
    start: date | None,
    end: date | None,
    start_precision: str = Precision.DAY,
    end_precision: str = Precision.DAY,
) -> None:
    if start is not None and end is not None and end < start:
        errors.setdefault("end", []).append(
            _("La fin (%(end)s) ne peut pas précéder le début (%(start)s).")
            % {
                "end": format_partial_date(end, end_precision),
                "start": format_partial_date(start, start_precision),
            }
        )


def check_required(errors: dict, data: dict, *fields: str) -> None:
    for field in fields:
        value = data.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors.setdefault(field, []).append(_("Ce champ est obligatoire."))


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
