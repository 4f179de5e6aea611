"""Bench scenario of the référentiels: importing Territoires en Transitions' CAE file.

The measure runs in a child process on a temporary database (SQLite, and PostgreSQL when
BALISES_BENCH_POSTGRES holds a server URL), so the caller's database is never touched. The
CAE file is the test copy kept in the repository: the scenario runs from a checkout.
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

IMPORT_BUDGET = 5.0  # seconds
PLAIN_STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"
CAE_FILE = (
    Path(__file__).resolve().parents[3]
    / "tests" / "referentiels" / "data" / "tet" / "referentiel-cae-structure.csv"
)  # fmt: skip


def _child(repeat: int) -> dict:
    """Runs in the child process: migrate, import the CAE `repeat` times, render its tree."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balises.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    from balises.referentiels.services import import_referentiel

    call_command("migrate", interactive=False, verbosity=0)
    imports = []
    for index in range(repeat):
        started = time.perf_counter()
        import_referentiel(CAE_FILE, "tet", version=f"bench-{index}")
        imports.append(time.perf_counter() - started)
    client = Client(SERVER_NAME="127.0.0.1")
    pages = []
    # No collectstatic in a throwaway data directory: serve static names unhashed.
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC}}
    with override_settings(STORAGES=storages):
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get("/referentiels/cae/bench-0/")
            pages.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"page de l'arborescence : HTTP {response.status_code}")
    return {"imports": imports, "pages": pages}


def _run_child(repeat: int, database_url: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="balises-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "BALISES_DEV"}
        env.update(
            BALISES_DATA_DIR=tmp,
            DATABASE_URL=database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            DJANGO_SETTINGS_MODULE="balises.settings",
        )
        code = (
            "import json, sys; from balises.referentiels.bench import _child; "
            "print(json.dumps(_child(int(sys.argv[1]))))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(repeat)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"la mesure a échoué :\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


@scenario(
    "referentiels-import-cae",
    "Import du référentiel Climat-Air-Énergie de Territoires en Transitions (1 470 lignes) "
    "dans une base vide, puis affichage de son arborescence",
)
def import_cae(context: BenchContext) -> list[Result]:
    if not CAE_FILE.exists():
        raise RuntimeError(f"fichier de mesure absent : {CAE_FILE.name} (lancer depuis le dépôt)")

    repeat = 1 if context.quick else max(1, min(context.repeat, 5))
    databases: list[tuple[str, str | None]] = [("sqlite", None)]
    if os.environ.get("BALISES_BENCH_POSTGRES"):
        databases.append(("postgresql", os.environ["BALISES_BENCH_POSTGRES"]))
    results = []
    for label, server in databases:
        if server:
            with TemporaryPostgres(server) as url:
                measured = _run_child(repeat, url)
        else:
            measured = _run_child(repeat, "")
        imports = measured["imports"]
        results.append(
            Result(
                imports,
                "s",
                f"import, {label}",
                budget=f"< {IMPORT_BUDGET:.0f} s",
                within_budget=max(imports) < IMPORT_BUDGET,
            )
        )
        pages = [sample * 1000 for sample in measured["pages"]]
        results.append(
            Result(
                pages,
                "ms",
                f"page de l'arborescence, {label}",
                notes=f"médiane {statistics.median(pages):.0f} ms, requêtes SQL fixes",
            )
        )
    return results
