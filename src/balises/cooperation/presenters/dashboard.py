"""The dashboard as tables: what the page shows, and what CSV, XLSX and JSON export in full."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

from balises.cooperation.dashboard import ZERO, year_series
from balises.cooperation.models import ActeurKind, Nature
from balises.cooperation.queries import DashboardData
from balises.cooperation.units import hours_to_fte

PAGE_COLUMNS = 12  # projects shown as columns on the page (all of them in the exports)
PAGE_ROWS = 40  # actors shown as rows on the page
CENT = Decimal("0.01")


@dataclass
class MatrixRow:
    acteur_id: int
    name: str
    kind: str
    cells: list[Decimal]
    total: Decimal


def matrix(data: DashboardData, columns: int | None = None, rows: int | None = None):
    """(column actions, rows, column totals, rows left out) of the actor × project matrix."""
    board = data.dashboard
    action_ids = board.action_ids[:columns] if columns else board.action_ids
    acteur_ids = board.acteur_ids[:rows] if rows else board.acteur_ids
    lines = [
        MatrixRow(
            a,
            data.actors[a].name,
            data.actors[a].kind_label,
            [board.cells.get((a, b), ZERO) for b in action_ids],
            board.row_totals.get(a, ZERO),
        )
        for a in acteur_ids
    ]
    totals = [board.column_totals.get(b, ZERO) for b in action_ids]
    actions = [data.actions[b] for b in action_ids]
    return actions, lines, totals, len(board.acteur_ids) - len(acteur_ids)


def nature_rows(data: DashboardData) -> list[tuple[str, str, Decimal]]:
    labels = dict(Nature.choices)
    return [
        (str(labels.get(nature, nature)), measure, value)
        for nature, totals in data.dashboard.by_nature.items()
        for measure, value in sorted(totals.items())
    ]


def year_rows(data: DashboardData) -> list[tuple[int, str, Decimal]]:
    return [
        (year, measure, value)
        for year, totals in data.dashboard.by_year.items()
        for measure, value in sorted(totals.items())
    ]


def evolution(data: DashboardData) -> list[tuple[str, float]]:
    return [(str(y), float(v)) for y, v in year_series(data.dashboard, data.filters.measure)]


def transversality_rows(data: DashboardData):
    return [(data.actions[t.action_id], t) for t in data.dashboard.transversality]


def load_rows(data: DashboardData, limit: int | None = 10):
    loads = data.dashboard.load[:limit] if limit else data.dashboard.load
    return [(data.actors[item.acteur_id], item) for item in loads]


def fte(hours: Decimal) -> Decimal:
    return round(hours_to_fte(hours), 2)


def export_rows(data: DashboardData) -> tuple[list[str], list[list]]:
    """The full matrix, one line per actor, one column per project, then the total."""
    actions, lines, totals, _left = matrix(data)
    header = [_("Acteur"), _("Nature de l'acteur")] + [a.title for a in actions] + [_("Total")]
    body = [[line.name, line.kind, *line.cells, line.total] for line in lines]
    body.append([_("Total"), "", *totals, data.dashboard.grand_total])
    return header, body


def xlsx(data: DashboardData) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Matrice")[:31]
    header, body = export_rows(data)
    sheet.append([f"{_('Mesure')} : {data.filters.measure}"])
    sheet.append(header)
    for line in body:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in line])
    natures = book.create_sheet(_("Par nature")[:31])
    natures.append([_("Nature"), _("Mesure"), _("Total")])
    for row in nature_rows(data):
        natures.append([row[0], row[1], float(row[2])])
    years = book.create_sheet(_("Par année")[:31])
    years.append([_("Année"), _("Mesure"), _("Total")])
    for year_row in year_rows(data):
        years.append([year_row[0], year_row[1], float(year_row[2])])
    transversal = book.create_sheet(_("Transversalité")[:31])
    transversal.append([_("Projet"), _("Services"), _("Natures d'acteurs"), _("Acteurs")])
    for action, t in transversality_rows(data):
        transversal.append([action.title, t.services, t.kinds, t.actors])
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def _dec(value: Decimal) -> str:
    """Two decimals whatever the database's sum gave back (SQLite and PostgreSQL differ)."""
    return str(Decimal(value).quantize(CENT))


def json_data(data: DashboardData) -> dict:
    board = data.dashboard
    kinds = dict(ActeurKind.choices)
    return {
        "measure": board.measure,
        "grand_total": _dec(board.grand_total),
        "matrix": [
            {
                "acteur_id": a,
                "acteur": data.actors[a].name,
                "kind": data.actors[a].kind,
                "cells": {
                    str(b): _dec(board.cells[(a, b)])
                    for b in board.action_ids
                    if (a, b) in board.cells
                },
                "total": _dec(board.row_totals[a]),
            }
            for a in board.acteur_ids
        ],
        "actions": [{"id": b, "title": data.actions[b].title} for b in board.action_ids],
        "by_nature": {n: {m: _dec(v) for m, v in t.items()} for n, t in board.by_nature.items()},
        "by_year": {str(y): {m: _dec(v) for m, v in t.items()} for y, t in board.by_year.items()},
        "transversality": [
            {"action_id": t.action_id, "services": t.services, "kinds": t.kinds, "actors": t.actors}
            for t in board.transversality
        ],
        "load": [
            {
                "acteur_id": item.acteur_id,
                "kind": str(kinds.get(data.actors[item.acteur_id].kind, "")),
                "total": _dec(item.total),
                "share": round(item.share, 4),
            }
            for item in board.load
        ],
    }
