"""Checks shared by the services of trajectories (the project's own are in core.validation)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from balises.core.validation import add_error, check_choice, check_codes
from balises.espaces.validation import check_visibility
from balises.trajectoires.dates import format_partial_date
from balises.trajectoires.models import Precision

# The project's checks, with those of trajectories, for the services of this app.
__all__ = [
    "add_error",
    "check_choice",
    "check_codes",
    "check_period",
    "check_required",
    "check_visibility",
    "raise_if",
]


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
