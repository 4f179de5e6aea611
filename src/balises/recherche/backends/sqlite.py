# ruff: noqa: S608 - SQL here interpolates constants and placeholders only; values are parameters.
"""SQLite backend: an FTS5 table of stemmed, folded text, ranked with bm25.

The FTS table holds `text.stems` of the title and body (never the original text), so French
plurals and accents are resolved before SQLite sees anything.

Access rules cost almost nothing because they are written in the FTS rowid: the document id
in the low 32 bits, the private space above it, the visibility class in the top bits. Public
documents thus form one rowid range that FTS5 seeks directly, and the other rules are
arithmetic on the rowid, with no lookup per match. Kinds, needed less often, are tokens of a
`filters` column. Triggers on recherche_document forget a row when its document is deleted or
changes visibility, however that happens.
"""

from typing import Any

from balises.core.text import stems

from ..permissions import Access
from ..query import ParsedQuery
from . import MAX_INDEXED_CHARS, Backend, Entry, Ranked, Tier

CLASS_SHIFT, SPACE_SHIFT = 58, 32
CLASSES = {"public": 0, "reseau": 1, "prive": 2}
MAX_DOCUMENT_ID, MAX_SPACE_ID = (1 << SPACE_SHIFT) - 1, (1 << (CLASS_SHIFT - SPACE_SHIFT)) - 1

# The same computation in SQL, for the triggers (`old` is the document row before the change).
_OLD_ROWID = (
    "((CASE old.visibility WHEN 'public' THEN 0 WHEN 'reseau' THEN 1 ELSE 2 END) << 58) "
    "| ((CASE WHEN old.visibility = 'prive' THEN coalesce(old.espace_id, 0) ELSE 0 END) << 32) "
    "| old.id"
)


def fts_rowid(document_id: int, visibility: str, espace_id: int | None) -> int:
    space = espace_id or 0 if visibility == "prive" else 0
    if not (0 < document_id <= MAX_DOCUMENT_ID and 0 <= space <= MAX_SPACE_ID):
        raise ValueError("identifiant de document ou d'espace hors des limites de l'index")
    return (CLASSES[visibility] << CLASS_SHIFT) | (space << SPACE_SHIFT) | document_id


def kind_token(kind: str) -> str:
    # Hex keeps any kind name a single unambiguous token.
    return "k" + kind.encode().hex()


def _quoted(tokens: list[str]) -> list[str]:
    return ['"' + token.replace('"', '""') + '"' for token in tokens]


def access_condition(access: Access) -> tuple[str, list[int]]:
    """SQL on the FTS rowid (with parameters) selecting what `access` may find."""
    parts, params = [], []
    for visibility in access.visibilities:
        low = CLASSES[visibility] << CLASS_SHIFT
        parts.append("rowid BETWEEN %s AND %s")
        params += [low, low + (1 << CLASS_SHIFT) - 1]
    if access.espace_ids:
        spaces = ", ".join(["%s"] * len(access.espace_ids))
        parts.append(
            f"(rowid >> {CLASS_SHIFT} = 2 AND (rowid >> {SPACE_SHIFT}) & {MAX_SPACE_ID} "
            f"IN ({spaces}))"
        )
        params += list(access.espace_ids)
    return "(" + " OR ".join(parts) + ")", params


class SqliteBackend(Backend):
    vendor = "sqlite"
    install_sql = [
        "CREATE VIRTUAL TABLE recherche_document_fts USING fts5("
        "title, body, filters, tokenize = 'unicode61 remove_diacritics 2')",
        # Title matches weigh ten times body matches; filters do not count.
        "INSERT INTO recherche_document_fts(recherche_document_fts, rank) "
        "VALUES ('rank', 'bm25(10.0, 1.0, 0.0)')",
        "CREATE TRIGGER recherche_document_fts_forget AFTER DELETE ON recherche_document "
        f"BEGIN DELETE FROM recherche_document_fts WHERE rowid = {_OLD_ROWID}; END",
        "CREATE TRIGGER recherche_document_fts_move "
        "AFTER UPDATE OF visibility, espace_id ON recherche_document "
        f"BEGIN DELETE FROM recherche_document_fts WHERE rowid = {_OLD_ROWID}; END",
    ]
    uninstall_sql = [
        "DROP TRIGGER IF EXISTS recherche_document_fts_move",
        "DROP TRIGGER IF EXISTS recherche_document_fts_forget",
        "DROP TABLE IF EXISTS recherche_document_fts",
    ]

    def upsert(self, cursor: Any, entries: list[Entry]) -> None:
        rows = [
            (
                fts_rowid(entry.document_id, entry.visibility, entry.espace_id),
                " ".join(stems(entry.title)),
                " ".join(stems(entry.body[:MAX_INDEXED_CHARS])),
                kind_token(entry.kind),
            )
            for entry in entries
        ]
        cursor.executemany(
            "DELETE FROM recherche_document_fts WHERE rowid = %s", [(row[0],) for row in rows]
        )
        cursor.executemany(
            "INSERT INTO recherche_document_fts (rowid, title, body, filters) "
            "VALUES (%s, %s, %s, %s)",
            rows,
        )

    def delete(self, cursor: Any, document_ids: list[int]) -> None:
        cursor.executemany(
            f"DELETE FROM recherche_document_fts WHERE rowid & {MAX_DOCUMENT_ID} = %s",
            [(i,) for i in document_ids],
        )

    @staticmethod
    def match_expression(
        query: ParsedQuery, kinds: tuple[str, ...] = (), tier: Tier = "all"
    ) -> str:
        """An FTS5 expression where every token is a quoted string: no operator can slip in."""
        terms = _quoted(list(query.stems))
        if query.prefix:
            terms[-1] += " *"
        words = " ".join(terms)
        kind_filter = ""
        if kinds:
            kind_filter = f" AND filters : ({' OR '.join(_quoted([kind_token(k) for k in kinds]))})"
        if tier == "title":
            return f"title : ({words}){kind_filter}"
        everywhere = f"{{title body}} : ({words}){kind_filter}"
        if tier == "body":
            return f"({everywhere}) NOT title : ({words})"
        return everywhere

    def _where(
        self, query: ParsedQuery, access: Access, kinds: tuple[str, ...], tier: Tier
    ) -> tuple[str, list]:
        condition, params = access_condition(access)
        where = f"recherche_document_fts MATCH %s AND {condition}"
        return where, [self.match_expression(query, kinds, tier), *params]

    def count(
        self,
        cursor: Any,
        query: ParsedQuery,
        access: Access,
        kinds: tuple[str, ...],
        tier: Tier,
        up_to: int | None = None,
    ) -> int:
        where, params = self._where(query, access, kinds, tier)
        if up_to is None:
            cursor.execute("SELECT count(*) FROM recherche_document_fts WHERE " + where, params)
        else:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM recherche_document_fts WHERE "
                f"{where} LIMIT %s)",
                [*params, up_to + 1],
            )
        return cursor.fetchone()[0]

    def rank(
        self,
        cursor: Any,
        query: ParsedQuery,
        access: Access,
        kinds: tuple[str, ...],
        tier: Tier,
        limit: int,
        offset: int,
    ) -> list[Ranked]:
        where, params = self._where(query, access, kinds, tier)
        cursor.execute(
            f"SELECT rowid & {MAX_DOCUMENT_ID}, rank FROM recherche_document_fts WHERE {where} "
            "ORDER BY rank, rowid LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [Ranked(row[0], -row[1]) for row in cursor.fetchall()]
