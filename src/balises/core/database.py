"""Turn BALISES_DATABASE_URL / DATABASE_URL into a Django DATABASES entry.

SQLite is the default (one file in the data directory). Its options make it fit for a web
server and a worker writing at the same time: WAL journal, a busy timeout, and IMMEDIATE
transactions so that a writer takes the lock when it starts rather than failing halfway.
"""

from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

SQLITE_INIT = (
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA busy_timeout=10000;"
    "PRAGMA foreign_keys=ON;"
)


def sqlite_database(path: Path) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {"init_command": SQLITE_INIT, "transaction_mode": "IMMEDIATE", "timeout": 10},
    }


def database_from_url(url: str, data_dir: Path) -> dict:
    if not url:
        return sqlite_database(data_dir / "balises.sqlite3")
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return sqlite_database(Path(unquote(parsed.path)))
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise ValueError(f"DATABASE_URL : schéma inconnu {parsed.scheme!r} (sqlite ou postgres)")
    options = dict(parse_qsl(parsed.query))
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")) or "balises",
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": options,
    }
