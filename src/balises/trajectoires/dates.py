"""Dates known to the year, the month or the day: parsing what people type, and showing them.

Stored as a DateField (the first day of the year or month when less is known) plus a
precision (`Precision`). Pure functions, no ORM.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from balises.core.errors import ServiceError
from balises.trajectoires.models.choices import Precision

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
]  # fmt: skip

_PATTERNS = [
    (re.compile(r"^(\d{4})$"), ("year",)),
    (re.compile(r"^(\d{1,2})[/.-](\d{4})$"), ("month", "year")),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), ("year", "month")),
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$"), ("day", "month", "year")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("year", "month", "day")),
]


class PartialDateError(ServiceError, ValueError):
    """The text is not a date we understand; the message says what is expected, in French."""


def parse_partial_date(text: str) -> tuple[date, str] | None:
    """« 2014 », « 03/2014 », « 2014-03 », « 12/03/2014 », « 2014-03-12 » → (date, precision).

    Empty text gives None. Anything else raises PartialDateError.
    """
    text = (text or "").strip()
    if not text:
        return None
    for pattern, names in _PATTERNS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(names, (int(group) for group in match.groups()), strict=True))
            precision = (
                Precision.DAY
                if "day" in parts
                else Precision.MONTH
                if "month" in parts
                else Precision.YEAR
            )
            try:
                value = date(parts["year"], parts.get("month", 1), parts.get("day", 1))
            except ValueError:
                raise PartialDateError(
                    _("« %(text)s » n'est pas une date qui existe.") % {"text": text}
                ) from None
            if value.year < 1000:
                raise PartialDateError(_("L'année doit avoir quatre chiffres."))
            return value, str(precision)
    raise PartialDateError(
        _(
            "« %(text)s » n'est pas une date reconnue : écrivez une année (2014), un mois "
            "(03/2014 ou 2014-03) ou un jour (12/03/2014)."
        )
        % {"text": text}
    )


def format_partial_date(value: date | None, precision: str | None = Precision.DAY) -> str:
    """The date as French readers expect it: « 2014 », « mars 2014 », « 12 mars 2014 »."""
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return str(value.year)
    if precision == Precision.MONTH:
        return f"{MONTHS[value.month - 1]} {value.year}"
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def last_day(value: date, precision: str | None) -> date:
    """The last day a partial date may stand for: « 2014 » may be any day up to 31/12/2014."""
    if precision == Precision.YEAR:
        return date(value.year, 12, 31)
    if precision == Precision.MONTH:
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return value


def certainly_after(
    value: date | None, precision: str | None, other: date | None, other_precision: str | None
) -> bool:
    """Whether ``value`` is later than ``other`` whatever days they stand for: its first
    possible day comes after the last possible day of ``other``. « 2018 » is not certainly
    after « mars 2018 », « avril 2018 » is. An unknown date is never certainly anything."""
    if value is None or other is None:
        return False
    return value > last_day(other, other_precision)


def input_partial_date(value: date | None, precision: str | None) -> str:
    """The text a form shows for a stored date, so that saving it again changes nothing."""
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return str(value.year)
    if precision == Precision.MONTH:
        return f"{value.month:02d}/{value.year}"
    return formats.date_format(value, "d/m/Y")
