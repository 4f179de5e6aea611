"""SQLite backend: an FTS5 table of stemmed, folded text, ranked with bm25.

The FTS table holds `text.stems` of the title and body (never the original text), so French
plurals and accents are resolved before SQLite sees anything; its own tokenizer only splits on
spaces. Its rowid is the document id; a trigger forgets a document's row when the document is
deleted, however that happens.
"""

from typing import Any

from ..permissions import Access
from ..query import ParsedQuery
from ..text import stems
from . import MAX_INDEXED_CHARS, Entry, Ranked, access_sql


class SqliteBackend:
    vendor = "sqlite"
    install_sql = [
        "CREATE VIRTUAL TABLE recherche_document_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')",
        # Title matches weigh ten times body matches.
        "INSERT INTO recherche_document_fts(recherche_document_fts, rank) "
        "VALUES ('rank', 'bm25(10.0, 1.0)')",
        "CREATE TRIGGER recherche_document_fts_forget AFTER DELETE ON recherche_document "
        "BEGIN DELETE FROM recherche_document_fts WHERE rowid = old.id; END",
    ]
    uninstall_sql = [
        "DROP TRIGGER IF EXISTS recherche_document_fts_forget",
        "DROP TABLE IF EXISTS recherche_document_fts",
    ]

    def upsert(self, cursor: Any, entries: list[Entry]) -> None:
        self.delete(cursor, [entry.document_id for entry in entries])
        cursor.executemany(
            "INSERT INTO recherche_document_fts (rowid, title, body) VALUES (%s, %s, %s)",
            [
                (
                    entry.document_id,
                    " ".join(stems(entry.title)),
                    " ".join(stems(entry.body[:MAX_INDEXED_CHARS])),
                )
                for entry in entries
            ],
        )

    def delete(self, cursor: Any, document_ids: list[int]) -> None:
        cursor.executemany(
            "DELETE FROM recherche_document_fts WHERE rowid = %s", [(i,) for i in document_ids]
        )

    @staticmethod
    def match_expression(query: ParsedQuery) -> str:
        """An FTS5 expression where every stem is a quoted string: no operator can slip in."""
        terms = ['"' + stem.replace('"', '""') + '"' for stem in query.stems]
        if query.prefix:
            terms[-1] += " *"
        return " ".join(terms)

    def search(
        self,
        cursor: Any,
        query: ParsedQuery,
        access: Access,
        kinds: tuple[str, ...],
        limit: int,
        offset: int,
    ) -> tuple[list[Ranked], int]:
        if query.is_empty:
            return [], 0
        where, params = access_sql(access, kinds)
        # CROSS JOIN keeps the FTS table as the outer loop: the match drives, documents are
        # then looked up by primary key and filtered.
        source = (
            "FROM recherche_document_fts f CROSS JOIN recherche_document d ON d.id = f.rowid "
            f"WHERE recherche_document_fts MATCH %s AND {where}"
        )
        params = [self.match_expression(query), *params]
        cursor.execute(f"SELECT count(*) {source}", params)
        total = cursor.fetchone()[0]
        if not total or offset >= total:
            return [], total
        cursor.execute(
            f"SELECT d.id, f.rank {source} ORDER BY f.rank, d.id LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [Ranked(row[0], -row[1]) for row in cursor.fetchall()], total
