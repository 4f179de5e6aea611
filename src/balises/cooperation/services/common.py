"""What the services of cooperation share beyond the project's checks (balises.core.validation)."""

from __future__ import annotations

from balises.core.validation import add_error, check_choice
from balises.espaces.validation import check_visibility

__all__ = ["add_error", "check_choice", "check_visibility", "with_author"]


def with_author(instance, user, reason: str = ""):
    """Sign the next save in the history, also outside a request (commands, loaders)."""
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    return instance
