"""CSV reading shared by the CSV formats: header names folded, each row with its first line."""

import csv
import io
import re
import unicodedata
from collections.abc import Iterator

from django.utils.translation import gettext as _

from .document import Where
from .errors import FormatError


def header_key(name: str) -> str:
    """« Retours d'expérience » → "retours_d_experience": no case, accents or punctuation."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def rows(text: str, file: str, required: tuple[str, ...]) -> Iterator[tuple[Where, dict[str, str]]]:
    """Yield (where the row starts, {folded header: stripped cell}) for each non-empty row."""
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [header_key(name) for name in next(reader)]
    except StopIteration:
        raise FormatError(
            _("fichier vide"), file=file, line=1, expected=_("une ligne d'en-tête")
        ) from None
    except csv.Error as error:
        raise FormatError(
            _("CSV invalide : %(error)s") % {"error": error}, file=file, line=1
        ) from None
    for name in required:
        if name not in header:
            raise FormatError(
                _("colonne « %(name)s » absente") % {"name": name},
                file=file,
                line=1,
                expected=_("les colonnes %(names)s") % {"names": ", ".join(required)},
            )
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FormatError(
                _("CSV invalide : %(error)s") % {"error": error}, file=file, line=start
            ) from None
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            raise FormatError(
                _("%(count)s cellules pour %(columns)s colonnes")
                % {"count": len(cells), "columns": len(header)},
                file=file,
                line=start,
                expected=_("autant de cellules que de colonnes d'en-tête"),
            )
        yield (
            Where(file, start),
            {name: cell.strip() for name, cell in zip(header, cells, strict=False)},
        )
