"""Loading the référentiels shipped with Balises (called by `balises setup`).

A built-in référentiel is written by its file only: nobody edits it in the administration. When
the file of a version already in the database changes (a corrected heading, a reworded
description, a new element), `sync_builtin` brings the stored copy in line with it, in place, so
that the actions, assessments and campaigns that point at its elements keep pointing at them.
Every change is saved with its history entry. Nothing is ever removed but links: an element the
file no longer has stays (data may refer to it) and is reported.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from .formats.document import ElementDoc, ReferentielDocument
from .models import Element, ElementKind, Lien, MaturityLevel, Referentiel
from .services import read_document, renumber_elements, save_document

META_FIELDS = (
    "title_fr", "title_en", "date", "licence", "source_title", "source_url", "authors",
    "languages", "description_fr", "description_en", "attribution_fr", "attribution_en",
    "scale_note_fr", "scale_note_en",
)  # fmt: skip
ELEMENT_FIELDS = (
    "code", "label_fr", "label_en", "label_origin", "label_note_fr", "label_note_en",
    "description_fr", "description_en", "evidence_fr", "evidence_en", "points",
    "is_interpretation", "source_ref", "sections",
)  # fmt: skip
LEVEL_FIELDS = ("label_fr", "label_en", "description_fr", "description_en")


@dataclass
class SyncResult:
    referentiel: Referentiel
    created: bool = False
    changes: list[str] = field(default_factory=list)  # one line per changed row, for the log
    kept: list[str] = field(default_factory=list)  # codes the file no longer has


def load_builtin(path: Path) -> Referentiel | None:
    """Import `path` as a built-in référentiel; None when that version was already there
    (it is then brought up to date with the file, see `sync_builtin`)."""
    result = sync_builtin(path)
    return result.referentiel if result.created else None


def sync_builtin(path: Path) -> SyncResult:
    """Import the file as a new built-in version, or update the stored copy of that version."""
    document = read_document(path)
    existing = Referentiel.objects.filter(slug=document.slug, version=document.version).first()
    if existing is None:
        return SyncResult(save_document(document, is_builtin=True), created=True)
    if not existing.is_builtin:
        # Someone imported a file with the same slug and version: theirs, leave it alone.
        return SyncResult(existing)
    return _refresh(existing, document)


def _set(obj: Any, values: dict[str, Any]) -> list[str]:
    """Assign the values that differ; return the names of the fields that changed."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    return changed


def _save(obj: Any, reason: str) -> None:
    obj._change_reason = reason  # read by django-simple-history for the history entry
    obj.save()


@transaction.atomic
def _refresh(referentiel: Referentiel, document: ReferentielDocument) -> SyncResult:
    result = SyncResult(referentiel)
    reason = _("mise à jour du référentiel intégré depuis son fichier")
    changed = _set(referentiel, {name: getattr(document, name) for name in META_FIELDS})
    if changed:
        _save(referentiel, reason)
        result.changes.append(f"{referentiel.slug} {referentiel.version}: {', '.join(changed)}")
    kinds = _sync_kinds(referentiel, document, result)
    _sync_levels(referentiel, document, reason, result)
    ids = _sync_elements(referentiel, document, kinds, reason, result)
    _sync_links(referentiel, document, ids, reason, result)
    return result


def _sync_kinds(
    referentiel: Referentiel, document: ReferentielDocument, result: SyncResult
) -> dict[str, int]:
    stored = {kind.code: kind for kind in referentiel.kinds.all()}
    for order, doc in enumerate(document.kinds):
        kind = stored.get(doc.code) or ElementKind(referentiel=referentiel, code=doc.code)
        values = {"label_fr": doc.label_fr, "label_en": doc.label_en, "order": order}
        changed = _set(kind, values)
        if kind.pk is None or changed:
            kind.save()
            stored[doc.code] = kind
            result.changes.append(f"kind {doc.code}: {', '.join(changed) or 'new'}")
    return {code: kind.pk for code, kind in stored.items()}


def _sync_levels(
    referentiel: Referentiel, document: ReferentielDocument, reason: str, result: SyncResult
) -> None:
    stored = {level.level: level for level in referentiel.maturity_levels.all()}
    for doc in document.levels:
        level = stored.get(doc.level) or MaturityLevel(referentiel=referentiel, level=doc.level)
        changed = _set(level, {name: getattr(doc, name) for name in LEVEL_FIELDS})
        if level.pk is None or changed:
            _save(level, reason)
            result.changes.append(f"level {doc.level}: {', '.join(changed) or 'new'}")


def _element_values(doc: ElementDoc) -> dict[str, Any]:
    values = {name: getattr(doc, name) for name in ELEMENT_FIELDS}
    values["sections"] = list(doc.sections)
    return values


def _sync_elements(
    referentiel: Referentiel,
    document: ReferentielDocument,
    kinds: dict[str, int],
    reason: str,
    result: SyncResult,
) -> dict[str, int]:
    """Update elements matched by key, create the new ones; return {code: id}."""
    stored = {element.key: element for element in referentiel.elements.all()}
    ids: dict[str, int] = {}
    order: dict[str | None, int] = {}
    moved = False
    for doc in document.elements:  # depth-first: a parent is saved before its children
        order[doc.parent_code] = order.get(doc.parent_code, -1) + 1
        element = stored.pop(doc.key, None) or Element(referentiel=referentiel, key=doc.key)
        values = _element_values(doc)
        values["kind_id"] = kinds[doc.kind]
        values["parent_id"] = ids[doc.parent_code] if doc.parent_code is not None else None
        values["order"] = order[doc.parent_code]
        changed = _set(element, values)
        if element.pk is None or changed:
            moved = moved or element.pk is None or bool({"parent_id", "order"} & set(changed))
            _save(element, reason)
            result.changes.append(f"{doc.code}: {', '.join(changed) or 'new'}")
        ids[doc.code] = element.pk
    result.kept = sorted(element.code for element in stored.values())
    if moved:
        renumber_elements(referentiel)
    return ids


def _sync_links(
    referentiel: Referentiel,
    document: ReferentielDocument,
    ids: dict[str, int],
    reason: str,
    result: SyncResult,
) -> None:
    """Links between elements of this référentiel as the file has them; others stay."""
    wanted = {}
    for link in document.links:
        if link.target_slug is None and link.source_code in ids and link.target_code in ids:
            identity = (ids[link.source_code], ids[link.target_code], link.kind)
            wanted[identity] = {"weight": link.weight, "note": link.note}
    codes = {pk: code for code, pk in ids.items()}
    stored = Lien.objects.filter(source__referentiel=referentiel, target__referentiel=referentiel)
    for lien in stored:
        name = f"{codes.get(lien.source_id)} {lien.kind} {codes.get(lien.target_id)}"
        values = wanted.pop((lien.source_id, lien.target_id, lien.kind), None)
        if values is None:
            lien._change_reason = reason  # type: ignore[attr-defined]
            lien.delete()
            result.changes.append(f"{name}: removed")
        elif _set(lien, values):
            _save(lien, reason)
            result.changes.append(f"{name}: updated")
    for (source, target, kind), values in wanted.items():
        _save(Lien(source_id=source, target_id=target, kind=kind, **values), reason)
        result.changes.append(f"{codes[source]} {kind} {codes[target]}: new")
