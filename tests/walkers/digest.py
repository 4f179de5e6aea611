"""A digest of everything the database holds, to prove that a refused request wrote nothing."""

from __future__ import annotations

import hashlib

from django.apps import apps

# Tables a refused request may legitimately touch: the session of the person who asked (the
# messages framework and the login keep state there).
IGNORED = {"django_session"}
# Columns of bookkeeping a refused request may update: when a token was last presented.
IGNORED_COLUMNS = {"core_apitoken": {"last_used_at"}}


def database_state() -> dict[str, tuple[int, str]]:
    """table → (row count, digest of its rows)."""
    state = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in IGNORED or table in state:
            continue
        skip = IGNORED_COLUMNS.get(table, set())
        columns = [f.attname for f in model._meta.concrete_fields if f.attname not in skip]
        rows = list(model._base_manager.order_by("pk").values_list(*columns))
        state[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    return state


def changes(before: dict, after: dict) -> list[str]:
    """The tables whose rows differ, with their counts: « table (3 → 4) »."""
    return [
        f"{table} ({before.get(table, (0,))[0]} → {after[table][0]})"
        for table in sorted(after)
        if before.get(table) != after[table]
    ]
