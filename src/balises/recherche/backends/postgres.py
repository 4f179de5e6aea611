"""PostgreSQL backend: a tsvector per document in a GIN-indexed table, ranked with ts_rank.

The `balises_french` configuration is PostgreSQL's French stemmer preceded by `unaccent`, the
same pipeline as `text.stems` (fold, then stem). Titles weigh A and bodies B. Queries are built
from folded words only, each quoted, so nothing typed can become a tsquery operator.
"""

from typing import Any

from ..permissions import Access
from ..query import ParsedQuery
from . import MAX_INDEXED_CHARS, Entry, Ranked, access_sql


class PostgresBackend:
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
        "CREATE TABLE recherche_document_vector "
        "(document_id integer PRIMARY KEY, vector tsvector NOT NULL)",
        "CREATE INDEX recherche_document_vector_gin "
        "ON recherche_document_vector USING gin (vector)",
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
            "INSERT INTO recherche_document_vector (document_id, vector) VALUES (%s, "
            "setweight(to_tsvector('balises_french', %s), 'A') || "
            "setweight(to_tsvector('balises_french', %s), 'B')) "
            "ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector",
            [(entry.document_id, entry.title, entry.body[:MAX_INDEXED_CHARS]) for entry in entries],
        )

    def delete(self, cursor: Any, document_ids: list[int]) -> None:
        cursor.execute(
            "DELETE FROM recherche_document_vector WHERE document_id = ANY(%s)", [document_ids]
        )

    @staticmethod
    def tsquery(query: ParsedQuery) -> str:
        """A to_tsquery text where every word is a quoted lexeme, all joined with AND."""
        terms = ["'" + word.replace("\\", "").replace("'", "") + "'" for word in query.words]
        if query.prefix:
            terms[-1] += ":*"
        return " & ".join(terms)

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
        source = (
            f"FROM recherche_document_vector v JOIN recherche_document d ON d.id = v.document_id, "
            f"to_tsquery('balises_french', %s) AS q "
            f"WHERE v.vector @@ q AND {where}"
        )
        params = [self.tsquery(query), *params]
        cursor.execute(f"SELECT count(*) {source}", params)
        total = cursor.fetchone()[0]
        if not total or offset >= total:
            return [], total
        cursor.execute(
            f"SELECT d.id, ts_rank(v.vector, q) AS score {source} "
            "ORDER BY score DESC, d.id LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        return [Ranked(row[0], float(row[1])) for row in cursor.fetchall()], total
