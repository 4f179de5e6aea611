"""What every self-assessment page shares: the space context."""

from __future__ import annotations

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
        "can_manage": role_allows(role, Role.REFERENT),
        "tab": "diagnostics",
        **extra,
    }
