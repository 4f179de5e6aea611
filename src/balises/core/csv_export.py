"""CSV writers for exports that people open in spreadsheet programs.

A cell that starts with « = », « + », « - », « @ » (or a tab / carriage return) is read as a
formula by spreadsheet programs, so text typed by one member could run in another member's
spreadsheet. Exports therefore prefix such text cells with an apostrophe, which spreadsheets
show as plain text. Numbers are left as they are. Formats meant to be read back by Balises
(the référentiel CSV format) use the plain csv module instead.
"""

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """Same interface as `csv.writer` for what exports use: writerow and writerows."""

    def __init__(self, stream: Any, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Sequence[Any]) -> Any:
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    def writerow(self, rowdict: Mapping[Any, Any]) -> Any:
        return super().writerow({key: neutralise(value) for key, value in rowdict.items()})
