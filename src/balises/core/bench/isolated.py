"""Helpers for scenarios that measure pages on a throwaway database in a child process.

A scenario module defines `_child(repeat) -> dict` (plain JSON data); `run_child` runs it in a
new Python process whose data directory and SQLite database are temporary, so that the bench
never touches the instance's own data and each run starts cold and identical.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run_child(module: str, repeat: int, *, database_url: str = "", timeout: int = 900) -> dict:
    """Run `module._child(repeat)` in a child process and return what it printed as JSON."""
    with tempfile.TemporaryDirectory(prefix="balises-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in {"BALISES_DEV", "DATABASE_URL"}}
        env.update(
            BALISES_DATA_DIR=tmp,
            DATABASE_URL=database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            DJANGO_SETTINGS_MODULE="balises.settings",
        )
        code = (
            f"import json, sys; from {module} import _child; "
            "print(json.dumps(_child(int(sys.argv[1]))))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(repeat)],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"la mesure a échoué :\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def prepare_child_database() -> None:
    """In the child: set Django up on the temporary database and create its tables."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balises.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["*"]
    # No collectstatic in a throwaway data directory: plain static names, as in the tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)


def time_pages(urls: dict[str, str], clients: dict[str, Any], repeat: int) -> dict[str, dict]:
    """Server time (ms) and SQL queries of each page for each client, after one warm-up call.

    Returns {"<page label> (<client label>)": {"timings": [...], "queries": n}}.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages: dict[str, dict] = {}
    for label, url in urls.items():
        for who, client in clients.items():
            client.get(url)  # warm caches (templates, translations)
            timings, queries = [], 0
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    begin = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - begin) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                queries = len(captured)
            pages[f"{label} ({who})"] = {"timings": timings, "queries": queries}
    return pages


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
