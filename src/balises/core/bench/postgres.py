"""A throwaway PostgreSQL database for scenarios that measure on PostgreSQL too."""

import uuid
from urllib.parse import urlparse, urlunparse


class TemporaryPostgres:
    """CREATE a throwaway database on the server of BALISES_BENCH_POSTGRES, DROP it after."""

    def __init__(self, server_url: str) -> None:
        self.server = urlparse(server_url)
        self.name = f"balises_bench_{uuid.uuid4().hex[:10]}"

    def _execute(self, sql: str) -> None:
        import psycopg

        admin = urlunparse(self.server._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql)

    def __enter__(self) -> str:
        self._execute(f'CREATE DATABASE "{self.name}"')
        return urlunparse(self.server._replace(path=f"/{self.name}"))

    def __exit__(self, *exc) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
