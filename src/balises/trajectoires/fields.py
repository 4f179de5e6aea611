"""Form fields of trajectories, reusable by any form of the project.

PartialDateField accepts « 2014 », « 03/2014 », « 2014-03 », « 12/03/2014 » and cleans to
(date, precision) or None; the form stores both parts.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from balises.trajectoires.dates import PartialDateError, input_partial_date, parse_partial_date


class PartialDateField(forms.CharField):
    default_help_text = _("Une année (2014), un mois (03/2014) ou un jour (12/03/2014).")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", self.default_help_text)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_partial_date(text)
        except PartialDateError as error:
            raise ValidationError(str(error), code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, tuple):
            return input_partial_date(*value)
        if isinstance(value, date):
            return input_partial_date(value, "day")
        return value


def partial_initial(value: date | None, precision: str) -> tuple[date, str] | None:
    """Initial value of a PartialDateField from a model's date and precision fields."""
    return (value, precision) if value is not None else None
