"""Events, phases and leaps as the JSON twins and the API give them."""

from __future__ import annotations

from typing import Any

from balises.trajectoires.dates import format_partial_date


def _actions(record: Any) -> list[dict]:
    actions = getattr(record, "visible_actions", None)
    if actions is None:
        return []
    return [{"id": a.pk, "title": a.title} for a in actions]


def record_data(kind: str, record: Any) -> dict:
    base = {"id": record.pk, "visibility": record.visibility, "description": record.description}
    if kind == "phases":
        return {
            **base,
            "name": record.name,
            "start": record.start.isoformat(),
            "end": record.end.isoformat() if record.end else None,
        }
    data = {
        **base,
        "title": record.title,
        "date": record.date.isoformat(),
        "date_precision": record.date_precision,
        "date_label": format_partial_date(record.date, record.date_precision),
        "actions": _actions(record),
    }
    if kind == "evenements":
        data["kind"] = record.kind
    else:
        data["widened"] = list(record.widened)
    return data
