"""The whole suite, as `make test` runs it.

1. Every test on SQLite, browser tests included where Debian's chromium is installed.
2. Every test but the browser ones again on PostgreSQL when BALISES_TEST_POSTGRES holds a
   database URL (postgres://user@host:port/name); the test database is created next to it.

BALISES_REQUIRE_E2E=1 and BALISES_REQUIRE_POSTGRES=1 (set by .ci/run) turn a missing browser or
database into a failure instead of a visible skip. Extra arguments go to pytest.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pytest(args: list[str], env: dict[str, str]) -> int:
    command = [sys.executable, "-m", "pytest", *args]
    print("$", " ".join(command), flush=True)
    return subprocess.call(command, cwd=ROOT, env=env)


def main() -> int:
    extra = sys.argv[1:]
    env = {**os.environ}
    env.pop("DATABASE_URL", None)
    status = pytest(extra, env)
    postgres = os.environ.get("BALISES_TEST_POSTGRES", "")
    if postgres:
        print("\n=== PostgreSQL ===", flush=True)
        status = pytest(["-m", "not e2e", *extra], {**env, "DATABASE_URL": postgres}) or status
    elif os.environ.get("BALISES_REQUIRE_POSTGRES") == "1":
        print("BALISES_REQUIRE_POSTGRES=1 mais BALISES_TEST_POSTGRES est vide.", file=sys.stderr)
        status = status or 1
    else:
        print("\nPostgreSQL : suite non lancée (BALISES_TEST_POSTGRES non défini).", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
