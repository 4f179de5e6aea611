"""The whole suite, as `make test` runs it, in three runs of pytest:

1. every test but the browser ones, on SQLite;
2. the browser tests (tests/e2e, marker e2e), on SQLite, where Debian's chromium is installed
   (skipped with a visible reason elsewhere);
3. every test but the browser ones again on PostgreSQL when BALISES_TEST_POSTGRES holds a
   database URL (postgres://user@host:port/name); the test database is created next to it.

The browser tests run on their own because Playwright keeps an event loop in the test thread,
which Django's async-safety check would otherwise see in the tests that follow.

BALISES_REQUIRE_E2E=1 and BALISES_REQUIRE_POSTGRES=1 (set by .ci/run) turn a missing browser or
database into a failure instead of a visible skip. A run that collects no test at all (pytest
exit code 5) is a failure too. Extra arguments go to every run of pytest. A summary at the end
says which suites ran and how they ended.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NO_TESTS_COLLECTED = 5


def pytest(title: str, args: list[str], env: dict[str, str]) -> int:
    command = [sys.executable, "-m", "pytest", *args]
    print(f"\n=== {title} ===\n$ {' '.join(command)}", flush=True)
    status = subprocess.call(command, cwd=ROOT, env=env)
    if status == NO_TESTS_COLLECTED:
        print(f"{title} : aucun test collecté, c'est une erreur.", file=sys.stderr, flush=True)
        return 1
    return status


def main() -> int:
    extra = sys.argv[1:]
    env = {**os.environ}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    results: list[tuple[str, str]] = []

    def run(title: str, args: list[str], run_env: dict[str, str]) -> int:
        status = pytest(title, args, run_env)
        results.append((title, "réussie" if status == 0 else f"ÉCHEC (code {status})"))
        return status

    status = run("SQLite", ["-m", "not e2e", *extra], env)
    status = run("Navigateur (SQLite)", ["-m", "e2e", "tests/e2e", *extra], env) or status

    postgres = os.environ.get("BALISES_TEST_POSTGRES", "")
    if postgres:
        pg_env = {**env, "DATABASE_URL": postgres}
        status = run("PostgreSQL", ["-m", "not e2e", *extra], pg_env) or status
    elif os.environ.get("BALISES_REQUIRE_POSTGRES") == "1":
        results.append(
            ("PostgreSQL", "ÉCHEC : BALISES_REQUIRE_POSTGRES=1 sans BALISES_TEST_POSTGRES")
        )
        status = status or 1
    else:
        results.append(("PostgreSQL", "non lancée (BALISES_TEST_POSTGRES non défini)"))

    print("\n=== Résumé ===")
    for title, outcome in results:
        print(f"  {title:<22} {outcome}")
    if not Path("/usr/bin/chromium").exists():
        print(
            "  (navigateur absent : les tests e2e ont été ignorés, voir les « SKIPPED » ci-dessus)"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
