"""Benchmark: full-text search over 200,000 synthetic actions, p95 < 50 ms per query.

The scenario builds its own index in a temporary SQLite file and, when BALISES_BENCH_POSTGRES
holds a PostgreSQL URL, in a temporary database created on that server and dropped afterwards.
Queries go through the whole service (parsing, SQL with access rules, loading, snippets), as an
anonymous visitor and as a member of a few spaces.
"""

import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from django.db import connections

from balises.core.bench import BenchContext, Result, scenario
from balises.core.database import database_from_url, sqlite_database

from .backends import get_backend
from .models import Document
from .permissions import Access
from .services import index_documents, search_with_access

ALIAS = "recherche_bench"
BUDGET_MS = 50.0

# Words an action would use, from very common to rare: the synthetic texts draw them with a
# Zipf law. As in real French, the most frequent words are articles and prepositions (which
# the index drops); the subject words then match from a third of the documents down.
FUNCTION_WORDS = "de la le les des et à en du pour un une dans".split()  # noqa: SIM905
COMMON_WORDS = """
    projet commune territoire énergie transition habitants mobilité rénovation écoles
    bâtiments économies réseau chaleur jardins partagés vélo déchets compostage collectif
    forêt eau biodiversité agriculture locale alimentation circuits courts sobriété éclairage
    énergétique public isolation logement social solaire photovoltaïque centrale citoyenne
    covoiturage piétons douce pistes cyclables haies bocagères zones humides restauration
    scolaire cantine bio marchés producteurs tiers-lieu ressourcerie réemploi réparation
    chauffage bois méthanisation agricole concertation budget participatif climat adaptation
    canicule îlots fraîcheur végétalisation cours d'école désimperméabilisation sols friches
""".split()  # noqa: SIM905 - a word list reads better as text

QUERIES = [
    ("énergie", False),
    ("rénovation écoles", False),
    ("economies energetiques", False),
    ("mobilité douce vélo", False),
    ("jardins partagés", False),
    ("méthanisation agricole", False),
    ("îlots de fraîcheur", False),
    ("désimperméabilisation", False),
    ("réno", True),
    ("compostage collectif quartier", False),
    ('NEAR("énergie" -solaire*) :', False),
    ("zzvq", False),
]


def _vocabulary(size: int, rng: np.random.Generator) -> list[str]:
    syllables = ["ba", "ré", "lo", "mi", "té", "ver", "gon", "cha", "pel", "ni", "sa", "tur"]
    tail = {"".join(rng.choice(syllables, size=int(rng.integers(2, 5)))) for _ in range(size * 2)}
    head = FUNCTION_WORDS + COMMON_WORDS
    return head + sorted(tail)[: max(0, size - len(head))]


def synthetic_documents(count: int, seed: int = 42) -> Iterator[dict[str, Any]]:
    """`count` reproducible actions: 70 % public, 20 % network, 10 % private in 100 spaces."""
    rng = np.random.default_rng(seed)
    vocabulary = np.array(_vocabulary(20_000, rng))
    weights = 1.0 / np.arange(1, len(vocabulary) + 1) ** 1.05
    weights /= weights.sum()
    words = rng.choice(len(vocabulary), size=(count, 68), p=weights)
    title_lengths = rng.integers(3, 9, size=count)
    visibility = rng.choice(3, size=count, p=[0.7, 0.2, 0.1])
    for number in range(count):
        title_length = title_lengths[number]
        row = vocabulary[words[number]]
        private = visibility[number] == 2
        yield {
            "object_id": number,
            "title": " ".join(row[:title_length]).capitalize(),
            "body": " ".join(row[8:]) + ".",
            "url": f"/actions/{number}/",
            "visibility": ("public", "reseau", "prive")[visibility[number]],
            "espace_id": int(number % 100) if private else None,
        }


@contextmanager
def temporary_alias(settings_dict: dict) -> Iterator[str]:
    """A database alias for the duration of the block, with the index schema installed."""
    configured = connections.configure_settings({"default": settings_dict})["default"]
    connections.settings[ALIAS] = configured
    try:
        connection = connections[ALIAS]
        with connection.schema_editor() as editor:
            editor.create_model(Document)
            for statement in get_backend(connection).install_sql:
                editor.execute(statement, params=None)
        yield ALIAS
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        del connections.settings[ALIAS]


@contextmanager
def temporary_postgres_database(url: str) -> Iterator[dict]:
    """A throwaway database on the server of `url`, dropped when the block ends."""
    import psycopg

    settings_dict = database_from_url(url, Path())
    name = f"balises_bench_recherche_{os.getpid()}"
    # The server's maintenance database: the one named in the URL may not exist yet.
    admin = psycopg.connect(
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"] or None,
        password=settings_dict["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    try:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        yield {**settings_dict, "NAME": name, "CONN_MAX_AGE": 0}
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _measure(label: str, settings_dict: dict, count: int, context: BenchContext) -> Result:
    with temporary_alias(settings_dict) as alias:
        started = time.perf_counter()
        index_documents("action", synthetic_documents(count), using=alias)
        if connections[alias].vendor == "postgresql":
            with connections[alias].cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        build = time.perf_counter() - started
        visitors = [Access(("public",)), Access(("public", "reseau"), tuple(range(0, 100, 20)))]
        # One unmeasured pass, as a running server would have warm caches.
        for access in visitors:
            for text, prefix in QUERIES:
                search_with_access(text, access, prefix=prefix, using=alias)
        p95s: list[float] = []
        latencies: list[float] = []
        for _ in range(context.repeat):
            run: list[float] = []
            for access in visitors:
                for text, prefix in QUERIES:
                    started = time.perf_counter()
                    search_with_access(text, access, prefix=prefix, using=alias)
                    run.append((time.perf_counter() - started) * 1000)
            p95s.append(float(np.percentile(run, 95)))
            latencies += run
    return Result(
        samples=p95s,
        unit="ms",
        label=f"{label} p95",
        budget=f"p95 < {BUDGET_MS:g} ms",
        within_budget=statistics.median(p95s) < BUDGET_MS,
        notes=(
            f"{count} documents ; p95 de {len(QUERIES)} requêtes × 2 profils par répétition ; "
            f"latence médiane {statistics.median(latencies):.1f} ms, "
            f"max {max(latencies):.1f} ms ; construction de l'index {build:.0f} s"
        ),
    )


@scenario(
    "recherche-plein-texte",
    "Recherche plein texte sur 200 000 actions synthétiques (SQLite, et PostgreSQL si "
    "BALISES_BENCH_POSTGRES est défini)",
)
def full_text_search(context: BenchContext) -> list[Result]:
    count = 2_000 if context.quick else 200_000
    results = []
    with tempfile.TemporaryDirectory(prefix="balises-recherche-") as directory:
        database = sqlite_database(Path(directory) / "recherche.sqlite3")
        results.append(_measure("sqlite", database, count, context))
    url = os.environ.get("BALISES_BENCH_POSTGRES", "")
    if url:
        with temporary_postgres_database(url) as database:
            results.append(_measure("postgresql", database, count, context))
    return results
