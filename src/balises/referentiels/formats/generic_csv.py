"""A generic CSV: one row per element, the parent named by its code.

Columns (header names without case or accents; only code, kind and label_fr are required):
code, parent_code, kind, key, label_fr, label_en, description_fr, description_en, evidence_fr,
evidence_en, points, interpretation, source_ref, label_origin, label_note_fr, label_note_en.
The file says nothing of the référentiel itself: its identifier and title come from the file
name unless the importer is told otherwise.
Kinds are declared in order of first use, labelled by their code; links are not part of it.
"""

import csv
import io
import re
from pathlib import PurePath

from django.utils.translation import gettext as _

from . import csv_rows
from .document import (
    LABEL_ORIGINS,
    ElementDoc,
    KindDoc,
    ReferentielDocument,
    check_tree,
    parse_decimal,
)

COLUMNS = [
    "code", "parent_code", "kind", "key", "label_fr", "label_en", "description_fr",
    "description_en", "evidence_fr", "evidence_en", "points", "interpretation", "source_ref",
    "label_origin", "label_note_fr", "label_note_en",
]  # fmt: skip
TRUE = {"1", "true", "vrai", "oui", "yes", "x"}
FALSE = {"", "0", "false", "faux", "non", "no"}


def read(text: str, file: str = "") -> ReferentielDocument:
    stem = PurePath(file).stem or "referentiel"
    document = ReferentielDocument(
        slug=re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "referentiel",
        version="1",
        title_fr=stem,
    )
    kinds: dict[str, KindDoc] = {}
    for where, row in csv_rows.rows(text, file, ("code", "kind", "label_fr")):
        for name in ("code", "kind", "label_fr"):
            if not row[name]:
                raise where.error(_("« %(name)s » vide") % {"name": name}, _("une valeur"))
        interpretation = row.get("interpretation", "").casefold()
        if interpretation not in TRUE | FALSE:
            raise where.error(
                _("« interpretation » invalide : %(value)r") % {"value": interpretation},
                _("oui ou non"),
            )
        label_origin = row.get("label_origin", "")
        if label_origin and label_origin not in LABEL_ORIGINS:
            raise where.error(
                _("« label_origin » invalide : %(value)r") % {"value": label_origin},
                _("une de : %(values)s") % {"values": ", ".join(LABEL_ORIGINS)},
            )
        kinds.setdefault(row["kind"], KindDoc(row["kind"], row["kind"]))
        document.elements.append(
            ElementDoc(
                code=row["code"], kind=row["kind"], parent_code=row.get("parent_code") or None,
                key=row.get("key", ""), label_fr=row["label_fr"], label_en=row.get("label_en", ""),
                description_fr=row.get("description_fr", ""),
                description_en=row.get("description_en", ""),
                evidence_fr=row.get("evidence_fr", ""), evidence_en=row.get("evidence_en", ""),
                points=parse_decimal(row.get("points"), where, _("nombre de points")),
                is_interpretation=interpretation in TRUE, source_ref=row.get("source_ref", ""),
                label_origin=label_origin, label_note_fr=row.get("label_note_fr", ""),
                label_note_en=row.get("label_note_en", ""), where=where,
            )
        )  # fmt: skip
    document.kinds = list(kinds.values())
    return check_tree(document)


def write(document: ReferentielDocument) -> str:
    # Not the spreadsheet dialect of balises.core.csv_export: this is an interchange format,
    # specified in docs/referentiels-format.md and read back by `read`, so points keep their
    # decimal dot, cells are not prefixed against formulas (it would change codes and labels on
    # a round trip) and the layout stays the documented one (commas, no byte order mark).
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in document.elements:
        writer.writerow([
            e.code, e.parent_code or "", e.kind, e.key, e.label_fr, e.label_en,
            e.description_fr, e.description_en, e.evidence_fr, e.evidence_en,
            "" if e.points is None else str(e.points), "oui" if e.is_interpretation else "",
            e.source_ref, e.label_origin, e.label_note_fr, e.label_note_en,
        ])  # fmt: skip
    return output.getvalue()
