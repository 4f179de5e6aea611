"""What every page of a trajectory shares: the space context and service errors on forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from balises.espaces.models import Espace, Role
from balises.espaces.permissions import role_allows, role_of


def space_context(request: HttpRequest, espace: Espace, **extra) -> dict:
    role = role_of(request.user, espace)
    return {
        "espace": espace,
        "territoire": espace.territoire,
        "role": role,
        "is_member": role is not None,
        "can_write": role_allows(role, Role.CONTRIBUTEUR),
        "can_manage": role_allows(role, Role.REFERENT),
        "tab": "trajectoire",
        **extra,
    }


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        target = field if field in form.fields else None
        if field == "end" and "end" not in form.fields:
            target = None
        for message in messages:
            form.add_error(target, message)
