"""Checks shared by the services: every refusal is a ValidationError with a French message."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from balises.espaces.models import Visibility


def check_choice(errors: dict, field: str, value: str, choices: Iterable[str]) -> None:
    if value not in set(choices):
        errors[field] = _("Valeur inconnue : « %(value)s ».") % {"value": value}


def check_visibility(errors: dict, value: str) -> None:
    if value not in Visibility.values:
        errors["visibility"] = _("Visibilité inconnue : « %(value)s ».") % {"value": value}


def with_author(instance, user, reason: str = ""):
    """Sign the next save in the history, also outside a request (commands, loaders)."""
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    return instance
