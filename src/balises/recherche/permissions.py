"""Who may find which indexed document.

Anonymous visitors find public documents; signed-in people also find documents shared with the
network ("reseau"); private documents are found only by people who may read their space.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from .models import Document, Visibility


@dataclass(frozen=True)
class Access:
    """What one person may find, in a form both the ORM and the raw full-text SQL can use."""

    visibilities: tuple[str, ...]  # found whatever their space
    espace_ids: tuple[int, ...] = ()  # private documents of these spaces are found too

    def q(self) -> Q:
        condition = Q(visibility__in=self.visibilities)
        if self.espace_ids:
            condition |= Q(visibility=Visibility.PRIVE, espace_id__in=self.espace_ids)
        return condition


# Which spaces a person may read is decided by the spaces app, a layer above this one: it
# registers its rule here when it starts (EspacesConfig.ready). Without it, no private space.
_readable_spaces: Callable[[Any], Iterable[int]] | None = None


def set_readable_spaces(rule: Callable[[Any], Iterable[int]] | None) -> None:
    global _readable_spaces
    _readable_spaces = rule


def readable_espace_ids(user: Any) -> set[int]:
    """Ids of the spaces `user` may read, as decided by the spaces app."""
    return set(_readable_spaces(user)) if _readable_spaces is not None else set()


def document_access(user: Any) -> Access:
    if user is None or not user.is_authenticated:
        return Access((Visibility.PUBLIC,))
    espace_ids = tuple(sorted(readable_espace_ids(user)))
    return Access((Visibility.PUBLIC, Visibility.RESEAU), espace_ids)


def visible_to(user: Any) -> QuerySet[Document]:
    return Document.objects.filter(document_access(user).q())
