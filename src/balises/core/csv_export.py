"""CSV for people who open it in a spreadsheet program: one dialect for France.

- `;` between cells and UTF-8 with a byte order mark: a spreadsheet set to French opens the file
  directly, with its accents, instead of putting each line in one cell;
- numbers meant for calculation (Decimal, float) are written with a decimal comma, « 320,5 »,
  since a French spreadsheet reads « 320.5 » as text; integers as they are; dates in ISO 8601;
- a text cell that starts with « = », « + », « - », « @ » (or a tab / carriage return) is read
  as a formula, so text typed by one member could run in another member's spreadsheet: such
  cells are prefixed with an apostrophe, which spreadsheets show as plain text.

`csv_response` answers at once; `csv_streaming_response` writes line by line, for exports too
big to hold in memory. Both give the same bytes. Interchange formats with a specification of
their own (the référentiel CSV format, read back by Balises) use the plain csv module instead.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DELIMITER = ";"
BOM = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def decimal_comma(value: Decimal | float) -> str:
    """« 320,5 »: fixed-point (never « 1E+2 »), with the comma of French spreadsheets."""
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format(number, "f").replace(".", ",")


def spreadsheet_cell(value: Any) -> Any:
    """One cell as a French spreadsheet should read it (see the module's docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool | int):
        return value
    if isinstance(value, Decimal | float):
        # Computed from numbers only, so never a formula: « -2,5 » stays a negative number.
        return decimal_comma(value)
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return neutralise(str(value))


class SafeWriter:
    """`csv.writer` with formula neutralisation, for writers that choose their own dialect."""

    def __init__(self, stream: Any, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Sequence[Any]) -> Any:
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _Echo:
    """A file whose write gives the text back, so the csv module yields one line at a time."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The lines of the file, the byte order mark first."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield BOM + writer.writerow([spreadsheet_cell(value) for value in header])
    for row in rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])


def _attachment(response: HttpResponse | StreamingHttpResponse, filename: str) -> None:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    response = HttpResponse("".join(csv_lines(header, rows)), content_type=CONTENT_TYPE)
    _attachment(response, filename)
    return response


def csv_streaming_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """For exports of thousands of lines: `rows` is read as the client downloads."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type=CONTENT_TYPE)
    _attachment(response, filename)
    return response
