"""The checks every service shares. A service gathers its refusals in a dict (field → list of
French messages) and raises one ValidationError with all of them, so that a form shows each
message on its field and the API answers them together."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _


def add_error(errors: dict, field: str, message: str) -> None:
    current = errors.get(field)
    if current is None:
        errors[field] = [message]
    elif isinstance(current, list):
        current.append(message)
    else:
        errors[field] = [current, message]


def check_choice(errors: dict, field: str, value: str, choices: Iterable[str]) -> None:
    """A value of a closed vocabulary; the message lists the possible values."""
    allowed = list(choices)
    if value not in allowed:
        add_error(
            errors,
            field,
            _("« %(value)s » n'est pas une valeur possible (%(choices)s).")
            % {"value": value, "choices": ", ".join(allowed)},
        )


def check_codes(errors: dict, field: str, codes: Iterable[str], choices: Iterable[str]) -> None:
    """Several codes of a closed vocabulary (themes, widenings)."""
    allowed = set(choices)
    unknown = [code for code in codes if code not in allowed]
    if unknown:
        add_error(
            errors,
            field,
            _("Valeur inconnue : %(unknown)s (possibles : %(choices)s).")
            % {"unknown": ", ".join(unknown), "choices": ", ".join(sorted(allowed))},
        )
