"""The errors of the value calculations: each carries a French message meant for the user."""

from __future__ import annotations


class ValeurError(ValueError):
    """Input that a value calculation refuses; the message says what is wrong, in French."""


class AnneeEuroError(ValeurError):
    """Amounts expressed in different (or unknown) euro years were about to be combined."""
