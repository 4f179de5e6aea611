"""Checks of what every space record shares: its visibility."""

from __future__ import annotations

from balises.core.validation import check_choice
from balises.espaces.models import Visibility


def check_visibility(errors: dict, value: str) -> None:
    check_choice(errors, "visibility", value, Visibility.values)
