"""One way to cut a list into pages, for the JSON twins of the pages and the API alike.

Every list answers with the same envelope::

    {"count": 132, "page": 2, "pages": 6, "per_page": 25, "results": [...]}

`page` starts at 1 and `pages` is at least 1 (an empty list has one empty page). A page past
the last one is empty rather than an error: `count` and `pages` tell the client where the list
ends. `limit` and `offset`, the parameters of the first API lists, are still read as the older
names of `per_page` and of the first item's rank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

MAX_PAGE = 100_000
MAX_PER_PAGE = 500
# For lists whose page shows every record: a page of the twin holds as many as most spaces have.
DEFAULT_PER_PAGE = 100
_DIGITS = re.compile(r"[0-9]{1,12}")


class PageError(ValueError):
    """A page the client asked for that cannot be served; the message is French."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PageRequest:
    number: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page


@dataclass(frozen=True)
class ListPage:
    count: int
    number: int
    per_page: int
    items: list = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.per_page))


def _integer(name: str, text: str, low: int, high: int) -> int:
    text = text.strip()
    if _DIGITS.fullmatch(text) and low <= int(text) <= high:
        return int(text)
    raise PageError(
        name,
        _("« %(name)s » doit être un nombre entier de %(low)s à %(high)s (reçu : « %(text)s »).")
        % {"name": name, "low": low, "high": high, "text": text[:30]},
    )


def page_from_offset(offset: int, per_page: int, name: str = "offset") -> int:
    """The page that starts at `offset`; an offset inside a page cannot be served as a page."""
    if offset % per_page:
        raise PageError(
            name,
            _(
                "« offset » (%(offset)s) doit être un multiple de la taille de page "
                "(%(per_page)s) : utilisez plutôt « page » et « per_page »."
            )
            % {"offset": offset, "per_page": per_page},
        )
    number = offset // per_page + 1
    if number > MAX_PAGE:
        raise PageError(name, _("« offset » dépasse la dernière page possible."))
    return number


def read_page(query: Mapping[str, Any], *, per_page: int = DEFAULT_PER_PAGE) -> PageRequest:
    """The page asked for in a query string (`page`, `per_page`, or `offset`, `limit`).

    Raises PageError on a value that is not a whole number within bounds; an empty value is
    taken as absent, as forms send them.
    """
    size_name = "per_page" if query.get("per_page") else "limit" if query.get("limit") else ""
    if size_name:
        per_page = _integer(size_name, str(query[size_name]), 1, MAX_PER_PAGE)
    if query.get("page"):
        return PageRequest(_integer("page", str(query["page"]), 1, MAX_PAGE), per_page)
    if query.get("offset"):
        offset = _integer("offset", str(query["offset"]), 0, MAX_PAGE * MAX_PER_PAGE)
        return PageRequest(page_from_offset(offset, per_page), per_page)
    return PageRequest(1, per_page)


def paginate(items: QuerySet | Sequence, wanted: PageRequest) -> ListPage:
    """One page of a queryset (two queries, count and slice) or of a list."""
    if isinstance(items, QuerySet) and not items.ordered:
        items = items.order_by("pk")  # pages of an unordered query could overlap
    count = items.count() if isinstance(items, QuerySet) else len(items)
    rows = list(items[wanted.offset : wanted.offset + wanted.per_page])
    return ListPage(count, wanted.number, wanted.per_page, rows)


def envelope(page: ListPage, results: list) -> dict[str, Any]:
    """The answer of every list: ``results`` are the page's items as the client reads them."""
    return {
        "count": page.count,
        "page": page.number,
        "pages": page.pages,
        "per_page": page.per_page,
        "results": results,
    }
