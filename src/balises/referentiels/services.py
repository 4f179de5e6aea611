"""Business operations on référentiels, shared by pages, API, admin and commands."""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from balises.core.progress import ProgressCallback, no_progress

from . import diff as diff_module
from .formats import canonical, generic_csv, skos, tet_csv
from .formats.document import ElementDoc, KindDoc, LevelDoc, LinkDoc, ReferentielDocument
from .formats.errors import FormatError
from .models import Element, ElementKind, Lien, MaturityLevel, Referentiel

IMPORT_FORMATS = ("canonical", "csv", "tet")
EXPORT_FORMATS = {
    # name: (content type, file extension)
    "yaml": ("application/yaml; charset=utf-8", "yaml"),
    "json": ("application/json; charset=utf-8", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "ttl": ("text/turtle; charset=utf-8", "ttl"),
    "jsonld": ("application/ld+json; charset=utf-8", "jsonld"),
}


@dataclass
class ImportResult:
    referentiel: Referentiel
    warnings: list[str] = field(default_factory=list)


def read_document(
    path: Path | str, format: str = "canonical", *, text: str | None = None
) -> ReferentielDocument:
    """Parse a file into plain data without touching the database."""
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise FormatError(
                _("lecture impossible : %(error)s") % {"error": error}, file=path.name
            ) from None
    if format == "canonical":
        return canonical.read(text, path.name)
    if format == "csv":
        return generic_csv.read(text, path.name)
    if format == "tet":
        return tet_csv.read(text, path.name)
    raise FormatError(
        _("format inconnu : %(format)s") % {"format": format}, expected=", ".join(IMPORT_FORMATS)
    )


def import_referentiel(
    path: Path | str,
    format: str = "canonical",
    *,
    text: str | None = None,
    owner=None,
    is_builtin: bool = False,
    slug: str | None = None,
    version: str | None = None,
    title: str | None = None,
    progress: ProgressCallback = no_progress,
) -> ImportResult:
    """Read a file and save it as a new référentiel version, all or nothing.

    `slug`, `version` and `title` override what the file says (CSV files say little).
    Raises FormatError, naming file, line and column, and then nothing is written.
    """
    document = read_document(path, format, text=text)
    document.slug = slug or document.slug
    document.version = version or document.version
    document.title_fr = title or document.title_fr
    referentiel = save_document(document, owner=owner, is_builtin=is_builtin, progress=progress)
    return ImportResult(referentiel, document.warnings)


@transaction.atomic
def save_document(
    document: ReferentielDocument,
    *,
    owner=None,
    is_builtin: bool = False,
    derived_from: Referentiel | None = None,
    progress: ProgressCallback = no_progress,
) -> Referentiel:
    if Referentiel.objects.filter(slug=document.slug, version=document.version).exists():
        raise FormatError(
            _("le référentiel « %(slug)s » existe déjà en version « %(version)s »")
            % {"slug": document.slug, "version": document.version},
            expected=_("un autre numéro de version"),
        )
    referentiel = Referentiel.objects.create(
        slug=document.slug, version=document.version, title_fr=document.title_fr,
        title_en=document.title_en, date=document.date, licence=document.licence,
        source_title=document.source_title, source_url=document.source_url,
        authors=document.authors, languages=document.languages,
        description_fr=document.description_fr, description_en=document.description_en,
        attribution_fr=document.attribution_fr, attribution_en=document.attribution_en,
        scale_note_fr=document.scale_note_fr, scale_note_en=document.scale_note_en,
        is_builtin=is_builtin, derived_from=derived_from, owner=owner,
    )  # fmt: skip
    kinds = ElementKind.objects.bulk_create(
        ElementKind(referentiel=referentiel, code=k.code, label_fr=k.label_fr,
                    label_en=k.label_en, order=index)
        for index, k in enumerate(document.kinds)
    )  # fmt: skip
    history = {"default_user": owner, "default_change_reason": _("import")}
    levels = [
        MaturityLevel(referentiel=referentiel, level=lv.level, label_fr=lv.label_fr,
                      label_en=lv.label_en, description_fr=lv.description_fr,
                      description_en=lv.description_en)
        for lv in document.levels
    ]  # fmt: skip
    bulk_create_with_history(levels, MaturityLevel, **history)
    kind_ids = {k.code: k.pk for k in kinds}
    ids = _save_elements(referentiel, document, kind_ids, progress, history)
    _save_links(referentiel, document, ids, history)
    return referentiel


def _save_elements(
    referentiel: Referentiel,
    document: ReferentielDocument,
    kind_ids: dict[str, int],
    progress: ProgressCallback,
    history: dict,
) -> dict[str, int]:
    """Insert elements one depth at a time, so every parent has its id before its children."""
    total = len(document.elements)
    depth: dict[str, int] = {}
    order: dict[str | None, int] = {}
    levels: list[list[Element]] = []
    for position, doc in enumerate(document.elements):
        level = 0 if doc.parent_code is None else depth[doc.parent_code] + 1
        depth[doc.code] = level
        order[doc.parent_code] = order.get(doc.parent_code, -1) + 1
        if level == len(levels):
            levels.append([])
        levels[level].append(
            Element(
                referentiel=referentiel, kind_id=kind_ids[doc.kind], code=doc.code, key=doc.key,
                order=order[doc.parent_code], position=position, depth=level,
                label_fr=doc.label_fr, label_en=doc.label_en, label_origin=doc.label_origin,
                label_note_fr=doc.label_note_fr, label_note_en=doc.label_note_en,
                description_fr=doc.description_fr, description_en=doc.description_en,
                evidence_fr=doc.evidence_fr, evidence_en=doc.evidence_en, points=doc.points,
                is_interpretation=doc.is_interpretation, source_ref=doc.source_ref,
                sections=doc.sections,
            )
        )  # fmt: skip
    parents = {doc.code: doc.parent_code for doc in document.elements}
    ids: dict[str, int] = {}
    done = 0
    for elements in levels:
        for element in elements:
            parent_code = parents[element.code]
            element.parent_id = ids[parent_code] if parent_code is not None else None
        # With history rows, so that every element has a « created by import » entry.
        bulk_create_with_history(elements, Element, batch_size=500, **history)
        ids.update((element.code, element.pk) for element in elements)
        done += len(elements)
        progress(done, total, _("éléments"))
    return ids


def _save_links(
    referentiel: Referentiel, document: ReferentielDocument, ids: dict[str, int], history: dict
) -> None:
    external = _external_targets(referentiel, document.links)
    seen: set[tuple[int, int, str]] = set()
    links = []
    for link in document.links:
        source = ids.get(link.source_code)
        if source is None:
            raise link.where.error(
                _("lien depuis un code inconnu : « %(code)s »") % {"code": link.source_code},
                _("le code d'un élément du référentiel"),
            )
        if link.target_pk is not None:
            target: int | None = link.target_pk
        elif link.target_slug is None:
            target = ids.get(link.target_code)
        else:
            target = external.get((link.target_slug, link.target_code))
        if target is None:
            name = (
                f"{link.target_slug}:{link.target_code}" if link.target_slug else link.target_code
            )
            if link.optional:
                document.warnings.append(
                    _("%(where)s : cible « %(name)s » introuvable, lien ignoré")
                    % {"where": link.where.describe(), "name": name}
                )
                continue
            raise link.where.error(
                _("lien vers un élément introuvable : « %(name)s »") % {"name": name},
                _("un code du référentiel, ou « identifiant:code » d'un référentiel importé"),
            )
        identity = (source, target, link.kind)
        if identity in seen:
            if link.optional:
                continue
            raise link.where.error(_("lien répété"), _("chaque lien une seule fois"))
        seen.add(identity)
        links.append(Lien(source_id=source, target_id=target, kind=link.kind,
                          weight=link.weight, note=link.note))  # fmt: skip
    bulk_create_with_history(links, Lien, batch_size=500, **history)


def _external_targets(referentiel: Referentiel, links: list[LinkDoc]) -> dict[tuple[str, str], int]:
    """Element ids of the latest version of each other référentiel the links name."""
    wanted: dict[str, set[str]] = {}
    for link in links:
        if link.target_slug and link.target_pk is None:
            wanted.setdefault(link.target_slug, set()).add(link.target_code)
    found: dict[tuple[str, str], int] = {}
    others = Referentiel.objects.filter(slug__in=wanted).exclude(pk=referentiel.pk)
    for other in others.latest_versions():
        rows = Element.objects.filter(referentiel=other, code__in=wanted[other.slug])
        found.update(((other.slug, code), pk) for code, pk in rows.values_list("code", "pk"))
    return found


def document_from_db(referentiel: Referentiel) -> ReferentielDocument:
    """The référentiel as plain data: what every writer and `derive_version` start from."""
    fields = ["slug", "version", "title_fr", "title_en", "date", "licence", "source_title",
              "source_url", "authors", "languages", "description_fr", "description_en",
              "attribution_fr", "attribution_en", "scale_note_fr", "scale_note_en"]  # fmt: skip
    document = ReferentielDocument(**{name: getattr(referentiel, name) for name in fields})
    document.authors = list(document.authors)
    document.languages = list(document.languages)
    document.kinds = [KindDoc(k.code, k.label_fr, k.label_en) for k in referentiel.kinds.all()]
    document.levels = [
        LevelDoc(lv.level, lv.label_fr, lv.label_en, lv.description_fr, lv.description_en)
        for lv in referentiel.maturity_levels.all()
    ]
    codes: dict[int, str] = {}
    for element in referentiel.elements.select_related("kind").order_by("position"):
        codes[element.pk] = element.code
        document.elements.append(
            ElementDoc(
                code=element.code, key=element.key, kind=element.kind.code,
                parent_code=codes.get(element.parent_id) if element.parent_id else None,
                label_fr=element.label_fr, label_en=element.label_en,
                label_origin=element.label_origin, label_note_fr=element.label_note_fr,
                label_note_en=element.label_note_en,
                description_fr=element.description_fr, description_en=element.description_en,
                evidence_fr=element.evidence_fr, evidence_en=element.evidence_en,
                points=element.points.normalize() if element.points is not None else None,
                is_interpretation=element.is_interpretation, source_ref=element.source_ref,
                sections=list(element.sections),
            )
        )  # fmt: skip
    links = Lien.objects.filter(source__referentiel=referentiel).select_related(
        "source", "target__referentiel"
    )
    for lien in links.order_by("source__position", "pk"):
        same = lien.target.referentiel_id == referentiel.pk
        document.links.append(
            LinkDoc(
                source_code=lien.source.code, target_code=lien.target.code, kind=lien.kind,
                target_slug=None if same else lien.target.referentiel.slug,
                weight=lien.weight.normalize() if lien.weight is not None else None,
                note=lien.note, target_pk=None if same else lien.target_id,
                target_version="" if same else lien.target.referentiel.version,
            )
        )  # fmt: skip
    return document


def export_referentiel(referentiel: Referentiel, format: str) -> str:
    """The référentiel as text in one of EXPORT_FORMATS."""
    document = document_from_db(referentiel)
    if format == "yaml":
        return canonical.write_yaml(document)
    if format == "json":
        return canonical.write_json(document)
    if format == "csv":
        return generic_csv.write(document)
    if format in ("ttl", "jsonld"):
        return skos.write(document, format)
    raise FormatError(
        _("format d'export inconnu : %(format)s") % {"format": format},
        expected=", ".join(EXPORT_FORMATS),
    )


def derive_version(
    referentiel: Referentiel, version: str, *, owner=None, title: str = ""
) -> Referentiel:
    """A new, editable version with the same elements (same keys), kinds, levels and links."""
    document = document_from_db(referentiel)
    document.version = version
    document.title_fr = title or document.title_fr
    return save_document(document, owner=owner, derived_from=referentiel)


def diff_versions(old: Referentiel, new: Referentiel) -> diff_module.Diff:
    return diff_module.diff_elements(_rows(old), _rows(new))


def _rows(referentiel: Referentiel) -> list[diff_module.ElementRow]:
    elements = referentiel.elements.order_by("position").values_list(
        "pk", "key", "code", "kind__code", "parent_id", "label_fr", "label_en",
        "description_fr", "description_en",
    )  # fmt: skip
    keys: dict[int, str] = {}
    rows = []
    for pk, key, code, kind, parent_id, *texts in elements:
        keys[pk] = key
        rows.append(diff_module.ElementRow(key, code, kind, keys.get(parent_id), *texts))
    return rows


def renumber_elements(referentiel: Referentiel) -> None:
    """Recompute depth and tree position after an edit moved, added or removed elements."""
    elements = list(referentiel.elements.only("pk", "parent_id", "order", "depth", "position"))
    children: dict[int | None, list[Element]] = {}
    for element in sorted(elements, key=lambda e: (e.order, e.pk)):
        children.setdefault(element.parent_id, []).append(element)
    changed = []
    stack = [(element, 0) for element in reversed(children.get(None, []))]
    position = 0
    while stack:
        element, depth = stack.pop()
        if (element.position, element.depth) != (position, depth):
            element.position, element.depth = position, depth
            changed.append(element)
        position += 1
        stack.extend((child, depth + 1) for child in reversed(children.get(element.pk, [])))
    Element.objects.bulk_update(changed, ["position", "depth"], batch_size=500)


def can_edit(referentiel: Referentiel, user) -> bool:
    """Built-in référentiels change only through a new version; others by their owner."""
    if referentiel.is_builtin or not user.is_authenticated or not user.is_staff:
        return False
    return referentiel.owner_id == user.pk or user.is_superuser


def ensure_editable(referentiel: Referentiel, user) -> None:
    if not can_edit(referentiel, user):
        raise PermissionDenied(
            _("Ce référentiel est intégré : créez-en une nouvelle version pour le modifier.")
            if referentiel.is_builtin
            else _("Seul le propriétaire de ce référentiel peut le modifier.")
        )
