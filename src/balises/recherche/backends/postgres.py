# ruff: noqa: S608 - SQL here interpolates constants and placeholders only; values are parameters.
"""PostgreSQL backend: a tsvector per document in a GIN-indexed table, ranked with ts_rank.

The `balises_french` configuration is PostgreSQL's French stemmer preceded by `unaccent`, the
same pipeline as `text.stems` (fold, then stem). Titles weigh A and bodies B. The table also
copies the kind, visibility and space of each document, so a search reads this table alone.
Queries are built from folded words only, each quoted, so nothing typed can become a tsquery
operator.
"""

from typing import Any

from ..permissions import Access
from ..query import ParsedQuery
from . import MAX_INDEXED_CHARS, Backend, Entry, Ranked, Tier, access_sql


class PostgresBackend(Backend):
    vendor = "postgresql"
    install_sql = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        """DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'balises_french') THEN
                CREATE TEXT SEARCH CONFIGURATION balises_french (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION balises_french
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
            END IF;
        END $$""",
        "CREATE TABLE recherche_document_vector ("
        "document_id integer PRIMARY KEY, kind varchar(40) NOT NULL, "
        "visibility varchar(10) NOT NULL, espace_id integer NULL, vector tsvector NOT NULL, "
        "title_vector tsvector NOT NULL)",
        "CREATE INDEX recherche_document_vector_gin "
        "ON recherche_document_vector USING gin (vector)",
        # Title-only words, so that "every word in the title" needs no recheck of each match.
        "CREATE INDEX recherche_document_vector_title_gin "
        "ON recherche_document_vector USING gin (title_vector)",
        # No foreign key: Django's flush truncates recherche_document alone, which a reference
        # would forbid. Triggers keep the two tables in step instead.
        """CREATE FUNCTION recherche_document_vector_forget() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                TRUNCATE recherche_document_vector;
            ELSE
                DELETE FROM recherche_document_vector WHERE document_id = OLD.id;
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER recherche_document_vector_forget AFTER DELETE ON recherche_document "
        "FOR EACH ROW EXECUTE FUNCTION recherche_document_vector_forget()",
        "CREATE TRIGGER recherche_document_vector_forget_all AFTER TRUNCATE ON recherche_document "
        "FOR EACH STATEMENT EXECUTE FUNCTION recherche_document_vector_forget()",
    ]
    uninstall_sql = [
        "DROP TRIGGER IF EXISTS recherche_document_vector_forget_all ON recherche_document",
        "DROP TRIGGER IF EXISTS recherche_document_vector_forget ON recherche_document",
        "DROP FUNCTION IF EXISTS recherche_document_vector_forget()",
        "DROP TABLE IF EXISTS recherche_document_vector",
        # The configuration and the extension may serve others: they stay.
    ]

    def upsert(self, cursor: Any, entries: list[Entry]) -> None:
        cursor.executemany(
            "INSERT INTO recherche_document_vector "
            "(document_id, kind, visibility, espace_id, title_vector, vector) "
            "SELECT %s, %s, %s, %s, t.title, setweight(t.title, 'A') || "
            "setweight(to_tsvector('balises_french', %s), 'B') "
            "FROM (SELECT to_tsvector('balises_french', %s) AS title) t "
            "ON CONFLICT (document_id) DO UPDATE SET kind = EXCLUDED.kind, "
            "visibility = EXCLUDED.visibility, espace_id = EXCLUDED.espace_id, "
            "title_vector = EXCLUDED.title_vector, vector = EXCLUDED.vector",
            [
                (
                    entry.document_id,
                    entry.kind,
                    entry.visibility,
                    entry.espace_id,
                    entry.body[:MAX_INDEXED_CHARS],
                    entry.title,
                )
                for entry in entries
            ],
        )

    def delete(self, cursor: Any, document_ids: list[int]) -> None:
        cursor.execute(
            "DELETE FROM recherche_document_vector WHERE document_id = ANY(%s)", [document_ids]
        )

    @staticmethod
    def tsquery(query: ParsedQuery) -> str:
        """A to_tsquery text where every word is a quoted lexeme, all joined with AND."""
        terms = [f"'{word}'" for word in query.words]
        if query.prefix:
            terms[-1] += ":*"
        return " & ".join(terms)

    def _where(
        self, query: ParsedQuery, access: Access, kinds: tuple[str, ...], tier: Tier
    ) -> tuple[str, list]:
        where, params = access_sql(access, kinds, "v")
        column = "v.title_vector" if tier == "title" else "v.vector"
        condition = f"{column} @@ to_tsquery('balises_french', %s)"
        if tier == "body":
            condition += " AND NOT v.title_vector @@ to_tsquery('balises_french', %s)"
            params = [self.tsquery(query), *params]
        return f"{condition} AND {where}", [self.tsquery(query), *params]

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
            cursor.execute(
                "SELECT count(*) FROM recherche_document_vector v WHERE " + where, params
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM recherche_document_vector v "
                f"WHERE {where} LIMIT %s) s",
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
        column = "v.title_vector" if tier == "title" else "v.vector"
        cursor.execute(
            f"SELECT v.document_id, ts_rank({column}, to_tsquery('balises_french', %s)) "
            f"AS score FROM recherche_document_vector v WHERE {where} "
            "ORDER BY score DESC, v.document_id LIMIT %s OFFSET %s",
            [self.tsquery(query), *params, limit, offset],
        )
        return [Ranked(row[0], float(row[1])) for row in cursor.fetchall()]
