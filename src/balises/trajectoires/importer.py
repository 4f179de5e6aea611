"""Import actions from a spreadsheet (CSV or XLSX): read, check every line, then write all.

read_rows(name, content) -> list of rows or ImportFileError (not a spreadsheet, wrong headers,
bad encoding, too big); check_rows(rows, espace) -> a preview whose lines carry their errors;
write_preview(preview, espace, user) writes every line in one transaction, or nothing.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from balises.core.csv_export import csv_lines
from balises.core.errors import ServiceError
from balises.espaces.models import Espace, Visibility
from balises.trajectoires import services
from balises.trajectoires.dates import PartialDateError, input_partial_date, parse_partial_date
from balises.trajectoires.models import Scale, Status, Theme

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
# (header, action field) in the order of the template.
COLUMNS = [
    ("titre", "title"),
    ("résumé", "summary"),
    ("statut", "status"),
    ("début", "start"),
    ("fin", "end"),
    ("thèmes", "themes"),
    ("échelle", "scale"),
    ("visibilité", "visibility"),
    ("contexte", "recit_contexte"),
    ("déclencheur", "recit_declencheur"),
    ("ce qui a été fait", "recit_realisation"),
    ("obstacles", "recit_obstacles"),
    ("tournants", "recit_tournants"),
    ("effets", "recit_effets"),
    ("enseignements", "recit_enseignements"),
    ("source_url", "source_url"),
    ("source_titre", "source_title"),
]
HEADERS = [header for header, _field in COLUMNS]
# The columns the preview shows (the récit sections would make it too wide to read).
PREVIEW_HEADERS = ["titre", "statut", "début", "fin", "thèmes", "échelle", "visibilité"]
COLUMN_OF = {name: header for header, name in COLUMNS}
EXAMPLE = {
    "titre": "Jardins partagés du quartier des Tilleuls",
    "résumé": "Des parcelles cultivées par les habitants sur une friche de la commune.",
    "statut": "en cours",
    "début": "03/2014",
    "fin": "",
    "thèmes": "alimentation ; solidarité",
    "échelle": "quartier",
    "visibilité": "privé",
    "contexte": "Une friche en attente de projet depuis dix ans.",
    "source_url": "https://example.org/jardins",
    "source_titre": "Article du bulletin municipal",
}


EXTRA = "__extra__"  # marks a line with more cells than the header


class ImportFileError(ServiceError, ValueError):
    """The file as a whole cannot be read; the message says why, in French."""


@dataclass
class Line:
    number: int  # line of the spreadsheet, the header being line 1
    cells: dict[str, str]
    data: dict = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)


@dataclass
class Preview:
    lines: list[Line]

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        return [(line.number, col, msg) for line in self.lines for col, msg in line.errors]

    @property
    def is_valid(self) -> bool:
        return bool(self.lines) and not self.errors


def _key(text: str) -> str:
    """« Visibilité » → « visibilite »: headers and words compared without case nor accents."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


_HEADER_KEYS = {_key(h): h for h in HEADERS}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return input_partial_date(value, "day")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(name: str, content: bytes) -> list[dict[str, str]]:
    """The lines of a CSV or XLSX file as dicts keyed by the template's headers."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers."))
    if content.startswith(b"PK\x03\x04"):
        table = _xlsx_table(content)
    elif name.lower().endswith((".xlsx", ".xls", ".ods", ".pdf", ".doc", ".docx")):
        raise ImportFileError(
            _("Ce fichier n'est ni un CSV ni un classeur XLSX lisible : utilisez le modèle.")
        )
    else:
        table = _csv_table(content)
    table = [row for row in table if any(_cell(v) for v in row)]
    if not table:
        raise ImportFileError(_("Le fichier est vide."))
    headers = _headers(table[0])
    if len(table) - 1 > MAX_ROWS:
        raise ImportFileError(
            _("Le fichier compte plus de %(max)s lignes : découpez-le.") % {"max": MAX_ROWS}
        )
    rows = []
    for row in table[1:]:
        cells = {h: _cell(row[i]) if i < len(row) else "" for i, h in enumerate(headers) if h}
        if any(_cell(value) for value in row[len(headers) :]):
            cells[EXTRA] = "1"
        rows.append(cells)
    return rows


def _headers(row) -> list[str]:
    headers = [_HEADER_KEYS.get(_key(_cell(v))) for v in row]
    unknown = [_cell(v) for v, h in zip(row, headers, strict=True) if h is None and _cell(v)]
    if unknown or "titre" not in headers:
        raise ImportFileError(
            _(
                "En-têtes non reconnus%(unknown)s. La première ligne doit reprendre les colonnes "
                "du modèle : %(headers)s."
            )
            % {
                "unknown": (" : « " + " », « ".join(unknown) + " »") if unknown else "",
                "headers": ", ".join(HEADERS),
            }
        )
    return [h or "" for h in headers]


def _csv_table(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "Le fichier n'est pas encodé en UTF-8 : dans votre tableur, enregistrez-le en "
                "« CSV UTF-8 »."
            )
        ) from None
    if "\x00" in text:
        raise ImportFileError(_("Ce fichier n'est pas un CSV lisible : utilisez le modèle."))
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileError(_("CSV illisible : %(error)s") % {"error": error}) from None


def _xlsx_table(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise ImportFileError(
            _("Ce fichier n'est ni un CSV ni un classeur XLSX lisible : utilisez le modèle.")
        ) from None
    sheet = workbook.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(list(row))
        if len(rows) > MAX_ROWS + 1:
            break
    workbook.close()
    return rows


def _choice(value: str, choices, column: str, errors: list) -> str | None:
    by_key = {_key(code): code for code, _label in choices}
    by_key.update({_key(str(label)): code for code, label in choices})
    code = by_key.get(_key(value))
    if code is None:
        errors.append(
            (
                column,
                _("« %(value)s » n'est pas reconnu ; attendu : %(expected)s.")
                % {"value": value, "expected": ", ".join(str(label) for _c, label in choices)},
            )
        )
    return code


def _line(number: int, cells: dict[str, str], espace: Espace) -> Line:
    line = Line(number, cells)
    data: dict = {"visibility": espace.default_visibility}
    if cells.pop(EXTRA, None):
        line.errors.append(
            (
                _("toutes"),
                _(
                    "Plus de cellules que de colonnes : un texte contenant « ; » doit être "
                    "entouré de guillemets."
                ),
            )
        )
    for header, name in COLUMNS:
        value = cells.get(header, "")
        if name in ("source_url", "source_title"):
            continue
        if name in ("start", "end"):
            try:
                parsed = parse_partial_date(value)
            except PartialDateError as error:
                line.errors.append((header, str(error)))
                continue
            data[name] = parsed[0] if parsed else None
            if parsed:
                data[f"{name}_precision"] = parsed[1]
        elif name == "themes":
            words = [w for w in value.replace(",", ";").split(";") if w.strip()]
            codes = [_choice(w, Theme.choices, header, line.errors) for w in words]
            data["themes"] = [c for c in codes if c]
        elif name in ("status", "scale", "visibility") and value:
            choices = {"status": Status, "scale": Scale, "visibility": Visibility}[name].choices
            data[name] = _choice(value, choices, header, line.errors)
        elif name not in ("status", "scale", "visibility"):
            data[name] = value
    # Check the rest even when a cell was unreadable, so that every error shows at once.
    source = _source(cells, line)
    columns_in_error = {column for column, _message in line.errors}
    try:
        data = services.validate_action({k: v for k, v in data.items() if v is not None}) | source
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            column = COLUMN_OF.get(key, key)
            if column not in columns_in_error:
                line.errors.extend((column, message) for message in messages)
    line.data = data
    return line


def _source(cells: dict[str, str], line: Line) -> dict:
    url, title = cells.get("source_url", ""), cells.get("source_titre", "")
    if not url and not title:
        return {}
    if not url.startswith(("http://", "https://")):
        line.errors.append(("source_url", _("Une adresse commençant par http:// ou https://.")))
    if not title:
        line.errors.append(
            ("source_titre", _("Le titre de la source, puisqu'une adresse est donnée."))
        )
    return {"source": {"url": url, "title": title or url}}


def check_rows(rows: list[dict[str, str]], espace: Espace) -> Preview:
    return Preview([_line(number, cells, espace) for number, cells in enumerate(rows, 2)])


@transaction.atomic
def write_preview(preview: Preview, espace: Espace, user) -> int:
    """Write every line, or nothing when one line fails."""
    if not preview.is_valid:
        raise ImportFileError(_("Le fichier contient des erreurs : rien n'a été enregistré."))
    for line in preview.lines:
        data = dict(line.data)
        source = data.pop("source", None)
        action = services.create_action(espace, user, data)
        if source:
            services.attach_source(user, action, source["url"], source["title"])
    return len(preview.lines)


def template_csv() -> bytes:
    lines = csv_lines(HEADERS, [[EXAMPLE.get(h, "") for h in HEADERS]])
    return "".join(lines).encode("utf-8")


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "actions"
    sheet.append(HEADERS)
    sheet.append([EXAMPLE.get(h, "") for h in HEADERS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
