"""The tabs of a space's pages, declared by the apps that own them.

An app adds its tab by setting ``space_tabs`` on its AppConfig (a sequence of ``SpaceTab``);
the space's base template draws them in ``order``. The space's own tabs (home, members,
settings) are declared by the espaces app the same way. Nothing here imports models, so any
app's ``apps.py`` may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.functional import Promise


@dataclass(frozen=True)
class SpaceTab:
    key: str  # the ``tab`` a page passes to ``space_context`` to mark it as current
    label: str | Promise
    url_name: str  # reversed with the space's slug
    order: int
    needs: str = ""  # "" for everyone who sees the space, "member" or "manager"


@cache
def space_tabs() -> tuple[SpaceTab, ...]:
    tabs = [tab for config in apps.get_app_configs() for tab in getattr(config, "space_tabs", ())]
    return tuple(sorted(tabs, key=lambda tab: (tab.order, tab.key)))
