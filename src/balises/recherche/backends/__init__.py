"""Full-text index backends, one per database vendor, behind the same small interface.

A backend owns a side structure next to the `recherche_document` table (an FTS5 table on
SQLite, a tsvector table on PostgreSQL), keyed by the document id and carrying a copy of what
access rules need (kind, visibility, space), so that a search never joins the documents: it
counts and ranks inside the index. The structure is created by the migrations from
`install_sql`, filled by `upsert`, emptied by `delete`, and read by `search`.

Ranking: when a query matches at most RANK_ALL_LIMIT documents, all are ranked by relevance
(bm25 on SQLite, ts_rank on PostgreSQL; titles weigh more than bodies). Beyond, ranking every
match would cost more than the search budget, so results come in two tiers, each ranked by
relevance: documents whose title holds every word, then the others. Titles outrank bodies
anyway, so the order differs little from a full ranking, and pages stay consistent.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Literal

from ..permissions import Access
from ..query import ParsedQuery

# Very long texts are indexed on their beginning only: PostgreSQL refuses tsvectors over 1 MB
# and a search result is never about the hundred-thousandth character.
MAX_INDEXED_CHARS = 100_000
RANK_ALL_LIMIT = 5_000

Tier = Literal["all", "title", "body"]  # body: matches whose title lacks some word


@dataclass(frozen=True)
class Entry:
    document_id: int
    kind: str
    title: str
    body: str
    visibility: str
    espace_id: int | None


@dataclass(frozen=True)
class Ranked:
    document_id: int
    score: float  # higher is better


class Backend(ABC):
    vendor: str
    install_sql: list[str]
    uninstall_sql: list[str]

    @abstractmethod
    def upsert(self, cursor: Any, entries: list[Entry]) -> None: ...

    @abstractmethod
    def delete(self, cursor: Any, document_ids: list[int]) -> None: ...

    @abstractmethod
    def count(
        self, cursor: Any, query: ParsedQuery, access: Access, kinds: tuple[str, ...], tier: Tier
    ) -> int: ...

    @abstractmethod
    def rank(
        self,
        cursor: Any,
        query: ParsedQuery,
        access: Access,
        kinds: tuple[str, ...],
        tier: Tier,
        limit: int,
        offset: int,
    ) -> list[Ranked]: ...

    def search(
        self,
        cursor: Any,
        query: ParsedQuery,
        access: Access,
        kinds: tuple[str, ...],
        limit: int,
        offset: int,
    ) -> tuple[list[Ranked], int]:
        """One page of matches `access` may see, restricted to `kinds` (all when empty)."""
        if query.is_empty:
            return [], 0
        total = self.count(cursor, query, access, kinds, "all")
        if not total or offset >= total:
            return [], total
        if total <= RANK_ALL_LIMIT:
            return self.rank(cursor, query, access, kinds, "all", limit, offset), total
        in_title = self.count(cursor, query, access, kinds, "title")
        ranked: list[Ranked] = []
        if offset < in_title:
            ranked = self.rank(cursor, query, access, kinds, "title", limit, offset)
        if len(ranked) < limit:
            rest = self.rank(
                cursor, query, access, kinds, "body", limit - len(ranked), max(0, offset - in_title)
            )
            ranked += rest
        return ranked, total


def access_sql(access: Access, kinds: tuple[str, ...], alias: str) -> tuple[str, list]:
    """The WHERE fragment (with parameters) for what `access` may find, restricted to `kinds`."""
    visibilities = ", ".join(["%s"] * len(access.visibilities))
    condition = f"{alias}.visibility IN ({visibilities})"
    params: list = list(access.visibilities)
    if access.espace_ids:
        spaces = ", ".join(["%s"] * len(access.espace_ids))
        condition = (
            f"({condition} OR ({alias}.visibility = 'prive' AND {alias}.espace_id IN ({spaces})))"
        )
        params += list(access.espace_ids)
    if kinds:
        condition += f" AND {alias}.kind IN ({', '.join(['%s'] * len(kinds))})"
        params += list(kinds)
    return condition, params


def get_backend(connection: Any) -> Backend:
    if connection.vendor == "sqlite":
        from .sqlite import SqliteBackend

        return SqliteBackend()
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    raise NotImplementedError(f"recherche : base {connection.vendor!r} non prise en charge")
