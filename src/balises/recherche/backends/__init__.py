"""Full-text index backends, one per database vendor, behind the same small interface.

A backend owns a side structure next to the `recherche_document` table (an FTS5 table on
SQLite, a tsvector table on PostgreSQL), keyed by the document id and carrying a copy of what
access rules need (kind, visibility, space), so that a search never joins the documents: it
counts and ranks inside the index. The structure is created by the migrations from
`install_sql`, filled by `upsert`, emptied by `delete`, and read by `search`.

Counting and ranking every match of a very broad query (a third of 200,000 documents) costs
more than the search budget, so:
- totals are exact up to COUNT_LIMIT; beyond, the total says "more than COUNT_LIMIT"
  (`exact` is False) and pages go on as long as there are results;
- up to COUNT_LIMIT matches, all are ranked by relevance (bm25 on SQLite, ts_rank on
  PostgreSQL; titles weigh more than bodies). Beyond, results come in two tiers, each ranked
  by relevance: documents whose title holds every word, then the others. Titles outrank
  bodies anyway, so the order differs little from a full ranking, and pages stay consistent.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Literal

from django.core.exceptions import ImproperlyConfigured

from ..permissions import Access
from ..query import ParsedQuery

# Very long texts are indexed on their beginning only: PostgreSQL refuses tsvectors over 1 MB
# and a search result is never about the hundred-thousandth character.
MAX_INDEXED_CHARS = 100_000
COUNT_LIMIT = 1_000

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


@dataclass(frozen=True)
class Found:
    ranked: list[Ranked]
    total: int  # all matches, or COUNT_LIMIT when there are more
    exact: bool = True  # False: more than `total` matches


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
        self,
        cursor: Any,
        query: ParsedQuery,
        access: Access,
        kinds: tuple[str, ...],
        tier: Tier,
        up_to: int | None = None,
    ) -> int:
        """Matches in `tier`; when `up_to` is given, stops counting after `up_to + 1`."""

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
    ) -> Found:
        """One page of matches `access` may see, restricted to `kinds` (all when empty)."""
        if query.is_empty:
            return Found([], 0)
        total = self.count(cursor, query, access, kinds, "all", up_to=COUNT_LIMIT)
        if total <= COUNT_LIMIT:
            if offset >= total:
                return Found([], total)
            return Found(self.rank(cursor, query, access, kinds, "all", limit, offset), total)
        in_title = self.count(cursor, query, access, kinds, "title")
        ranked: list[Ranked] = []
        if offset < in_title:
            ranked = self.rank(cursor, query, access, kinds, "title", limit, offset)
        if len(ranked) < limit:
            rest = self.rank(
                cursor, query, access, kinds, "body", limit - len(ranked), max(0, offset - in_title)
            )
            ranked += rest
        return Found(ranked, COUNT_LIMIT, exact=False)


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


def rebuild_index(schema_editor: Any, documents: Any, batch_size: int = 1000) -> None:
    """Drop, recreate and refill the index from `documents` (a queryset of that database).

    For migrations: the index is derived data, so a change of its structure rebuilds it.
    """
    backend = get_backend(schema_editor.connection)
    for statement in backend.uninstall_sql + backend.install_sql:
        schema_editor.execute(statement, params=None)
    batch: list[Entry] = []
    with schema_editor.connection.cursor() as cursor:
        for document in documents.order_by("pk").iterator(chunk_size=batch_size):
            batch.append(
                Entry(
                    document.pk,
                    document.kind,
                    document.title,
                    document.body,
                    document.visibility,
                    document.espace_id,
                )
            )
            if len(batch) >= batch_size:
                backend.upsert(cursor, batch)
                batch = []
        backend.upsert(cursor, batch)


def get_backend(connection: Any) -> Backend:
    if connection.vendor == "sqlite":
        from .sqlite import SqliteBackend

        return SqliteBackend()
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    # Balises runs on SQLite and PostgreSQL only (see README); any other database is a
    # configuration error, not a missing feature.
    raise ImproperlyConfigured(f"recherche : base {connection.vendor!r} non prise en charge")
