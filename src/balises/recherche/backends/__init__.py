"""Full-text index backends, one per database vendor, behind the same small interface.

A backend owns a side structure next to the `recherche_document` table (an FTS5 table on
SQLite, a tsvector table on PostgreSQL), keyed by the document id. It is created by the
migration from `install_sql`, filled by `upsert`, emptied by `delete`, and read by `search`,
which applies the access rules and kinds in SQL so that totals and pages are exact.
"""

from dataclasses import dataclass
from typing import Any, Protocol

from ..permissions import Access
from ..query import ParsedQuery

# Very long texts are indexed on their beginning only: PostgreSQL refuses tsvectors over 1 MB
# and a search result is never about the hundred-thousandth character.
MAX_INDEXED_CHARS = 100_000


@dataclass(frozen=True)
class Entry:
    document_id: int
    title: str
    body: str


@dataclass(frozen=True)
class Ranked:
    document_id: int
    score: float  # higher is better


class Backend(Protocol):
    vendor: str
    install_sql: list[str]
    uninstall_sql: list[str]

    def upsert(self, cursor: Any, entries: list[Entry]) -> None: ...

    def delete(self, cursor: Any, document_ids: list[int]) -> None: ...

    def search(
        self,
        cursor: Any,
        query: ParsedQuery,
        access: Access,
        kinds: tuple[str, ...],
        limit: int,
        offset: int,
    ) -> tuple[list[Ranked], int]: ...


def access_sql(access: Access, kinds: tuple[str, ...], alias: str = "d") -> tuple[str, list]:
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
