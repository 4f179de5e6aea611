"""Bench scenarios of the national reference: loading it, and searching it by name.

Each measure runs in a child process on a database of its own (a temporary SQLite file, or a
temporary PostgreSQL database when BALISES_BENCH_POSTGRES holds a server URL), so the caller's
database is never touched and every load starts from an empty table.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from balises.core.bench import BenchContext, Result, scenario
from balises.core.bench.postgres import TemporaryPostgres

LOAD_BUDGET = 30.0  # seconds
SEARCH_BUDGET = 50.0  # milliseconds, p95
# Names as people type them: no accents, wrong hyphens, a letter missing or doubled.
QUERIES = (
    "loos en gohele",
    "le mene",
    "grande synthe",
    "marseile",
    "montpelier",
    "st etienne",
    "saint germain en lay",
    "villeneuve d asq",
    "aix en provance",
    "strasbourgg",
    "bordeaux metropole",
    "ca de lens lievin",
    "chateauneuf",
    "lyon",
    "boulogne sur mere",
    "clermont ferand",
    "perpignant",
    "la roche sur yon",
    "besancon",
    "saint",
)


def _child(mode: str, repeat: int) -> dict:
    """Runs in the child process: migrate the empty database, load, then measure."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balises.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from balises.territoires import directory
    from balises.territoires.services import import_territoires

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    report = import_territoires()
    result: dict = {"load": time.perf_counter() - started, "rows": sum(report.totals.values())}
    if mode == "search":
        started = time.perf_counter()
        directory.get_index()
        result["index"] = time.perf_counter() - started
        timings = []
        for _ in range(repeat):
            for text in QUERIES:
                started = time.perf_counter()
                ids = directory.search(directory.Query(text=text))
                directory.fetch(ids[:25])
                timings.append((time.perf_counter() - started) * 1000)
        result["timings"] = timings
    return result


def _run_child(mode: str, repeat: int, database_url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="balises-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in {"BALISES_DEV"}}
        env.update(
            BALISES_DATA_DIR=tmp,
            DATABASE_URL=database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            DJANGO_SETTINGS_MODULE="balises.settings",
        )
        code = (
            "import json, sys; from balises.territoires.bench import _child; "
            "print(json.dumps(_child(sys.argv[1], int(sys.argv[2]))))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, mode, str(repeat)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"la mesure a échoué :\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def _databases() -> list[tuple[str, str | None]]:
    server = os.environ.get("BALISES_BENCH_POSTGRES", "")
    return [("sqlite", None)] + ([("postgresql", server)] if server else [])


@scenario(
    "territoires-chargement",
    "Chargement du référentiel national (36 359 territoires) dans une base vide : SQLite, "
    "et PostgreSQL si BALISES_BENCH_POSTGRES est défini",
)
def national_load(context: BenchContext) -> list[Result]:
    repeat = 1 if context.quick else max(1, min(context.repeat, 3))
    results = []
    for label, server in _databases():
        samples = []
        for _ in range(repeat):
            if server:
                with TemporaryPostgres(server) as url:
                    samples.append(_run_child("load", 1, url)["load"])
            else:
                samples.append(_run_child("load", 1, "")["load"])
        results.append(
            Result(
                samples,
                "s",
                label,
                budget=f"< {LOAD_BUDGET:.0f} s",
                within_budget=max(samples) < LOAD_BUDGET,
            )
        )
    return results


@scenario(
    "territoires-recherche-nom",
    "Recherche par nom avec fautes de frappe dans l'annuaire national (20 requêtes, "
    "première page de résultats comprise) : p95 et index en mémoire",
)
def name_search(context: BenchContext) -> list[Result]:
    repeat = 2 if context.quick else max(1, context.repeat) * 5
    measured = _run_child("search", repeat, "")
    timings = measured["timings"]
    per_round = len(QUERIES)
    rounds = [timings[i : i + per_round] for i in range(0, len(timings), per_round)]
    p95s = [statistics.quantiles(r, n=20)[-1] for r in rounds]
    return [
        Result(
            p95s,
            "ms",
            "p95 par série de requêtes",
            budget=f"< {SEARCH_BUDGET:.0f} ms",
            within_budget=statistics.median(p95s) < SEARCH_BUDGET,
        ),
        Result([statistics.median(r) for r in rounds], "ms", "médiane par série"),
        Result([measured["index"]], "s", "construction de l'index (une fois par processus)"),
    ]
