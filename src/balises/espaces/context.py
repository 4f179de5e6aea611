"""What every page of a space gives its template: the space, the viewer's role and rights,
and the tabs they may follow. The one ``space_context`` of every app's space pages."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from .models import Espace, Role
from .permissions import role_allows, role_of
from .tabs import space_tabs


def space_context(request: HttpRequest, espace: Espace, tab: str = "", **extra) -> dict:
    role = role_of(request.user, espace)
    rights = {
        "": True,
        "member": role is not None,
        "manager": role_allows(role, Role.REFERENT),
    }
    tabs = [
        {
            "key": t.key,
            "label": t.label,
            "url": reverse(t.url_name, args=[espace.slug]),
            "current": t.key == tab,
        }
        for t in space_tabs()
        if rights[t.needs]
    ]
    return {
        "espace": espace,
        "territoire": espace.territoire,
        "role": role,
        "role_label": Role(role).label if role else "",
        "is_member": rights["member"],
        "can_write": role_allows(role, Role.CONTRIBUTEUR),
        "can_manage": rights["manager"],
        "tab": tab,
        "space_tabs": tabs,
        **extra,
    }
