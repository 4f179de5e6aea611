"""A one-line description of the machine a benchmark ran on (numbers mean little without it)."""

import os
import platform
import sqlite3
from pathlib import Path

from django.db import connection


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return " ".join(line.split(":", 1)[1].split())
    except OSError:
        pass
    return platform.processor() or platform.machine() or "processeur inconnu"


def memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def describe_machine() -> str:
    memory = memory_gib()
    parts = [
        cpu_model(),
        f"{os.cpu_count() or '?'} cœurs",
        f"{memory:.1f} Go".replace(".", ",") if memory else "mémoire inconnue",
        f"Python {platform.python_version()}",
        f"SQLite {sqlite3.sqlite_version}",
        f"base {connection.vendor}",
    ]
    return ", ".join(parts)
