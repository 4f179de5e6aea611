"""A référentiel as plain data: what readers produce, writers consume and the importer saves."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .errors import FormatError

LINK_KINDS = ("serves", "illustrates", "corresponds_to", "refines")
# Whose words a label is: the source's, the source's corrected, reported but unchecked, ours.
LABEL_ORIGINS = ("source", "corrected", "reported", "ours")
FORMAT_ID = "balises-referentiel/1"
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass
class Where:
    """A place in a source file, for error messages."""

    file: str = ""
    line: int | None = None
    column: int | None = None

    def describe(self) -> str:
        """« fichier.csv, ligne 12 », for warnings."""
        return str(FormatError("", file=self.file, line=self.line, column=self.column)).rstrip(" :")

    def error(self, message: str, expected: str = "") -> FormatError:
        return FormatError(
            message, file=self.file, line=self.line, column=self.column, expected=expected
        )


@dataclass
class KindDoc:
    code: str
    label_fr: str
    label_en: str = ""


@dataclass
class LevelDoc:
    level: int
    label_fr: str
    label_en: str = ""
    description_fr: str = ""
    description_en: str = ""


@dataclass
class ElementDoc:
    code: str
    kind: str
    label_fr: str
    parent_code: str | None = None
    key: str = ""
    label_en: str = ""
    label_origin: str = ""
    label_note_fr: str = ""
    label_note_en: str = ""
    description_fr: str = ""
    description_en: str = ""
    evidence_fr: str = ""
    evidence_en: str = ""
    points: Decimal | None = None
    is_interpretation: bool = False
    source_ref: str = ""
    sections: list[dict[str, str]] = field(default_factory=list)
    where: Where = field(default_factory=Where)

    def __post_init__(self) -> None:
        self.key = self.key or self.code


@dataclass
class LinkDoc:
    source_code: str
    target_code: str
    kind: str
    target_slug: str | None = None  # None: an element of the same référentiel
    weight: Decimal | None = None
    note: str = ""
    where: Where = field(default_factory=Where)
    # Readers of third-party files set this: an unknown target is then reported, not fatal.
    optional: bool = False
    target_pk: int | None = None  # set when deriving a version: keep the very same target
    target_version: str = ""  # known when read from the database, for SKOS addresses


@dataclass
class ReferentielDocument:
    slug: str
    version: str
    title_fr: str
    title_en: str = ""
    date: datetime.date | None = None
    licence: str = ""
    source_title: str = ""
    source_url: str = ""
    authors: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    description_fr: str = ""
    description_en: str = ""
    attribution_fr: str = ""
    attribution_en: str = ""
    scale_note_fr: str = ""
    scale_note_en: str = ""
    kinds: list[KindDoc] = field(default_factory=list)
    levels: list[LevelDoc] = field(default_factory=list)
    # Depth-first, siblings in order: a parent always comes before its children.
    elements: list[ElementDoc] = field(default_factory=list)
    links: list[LinkDoc] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_decimal(value: object, where: Where, what: str) -> Decimal | None:
    """A decimal from a number or a string written with a dot or a French comma."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise where.error(
            _("%(what)s invalide : %(value)r") % {"what": what, "value": value}, _("un nombre")
        )
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise where.error(
            _("%(what)s invalide : %(value)r") % {"what": what, "value": value}, _("un nombre")
        ) from None
    if not number.is_finite():
        raise where.error(
            _("%(what)s invalide : %(value)r") % {"what": what, "value": value}, _("un nombre")
        )
    return number


def check_tree(document: ReferentielDocument) -> ReferentielDocument:
    """Check codes, keys, kinds and parents, and put elements in depth-first order.

    Readers whose rows may list a child before its parent (CSV) rely on this to order them.
    """
    kinds = {kind.code for kind in document.kinds}
    by_code: dict[str, ElementDoc] = {}
    keys: set[str] = set()
    for element in document.elements:
        if element.code in by_code:
            raise element.where.error(
                _("code « %(code)s » déjà utilisé") % {"code": element.code},
                _("un code unique dans le référentiel"),
            )
        if element.key in keys:
            raise element.where.error(
                _("clé « %(key)s » déjà utilisée") % {"key": element.key},
                _("une clé unique dans le référentiel"),
            )
        if element.kind not in kinds:
            raise element.where.error(
                _("nature « %(kind)s » non déclarée") % {"kind": element.kind},
                _("une de : %(kinds)s") % {"kinds": ", ".join(sorted(kinds)) or "—"},
            )
        by_code[element.code] = element
        keys.add(element.key)
    children: dict[str | None, list[ElementDoc]] = {}
    for element in document.elements:
        if element.parent_code is not None and element.parent_code not in by_code:
            raise element.where.error(
                _("parent « %(code)s » introuvable") % {"code": element.parent_code},
                _("le code d'un élément du référentiel"),
            )
        children.setdefault(element.parent_code, []).append(element)
    ordered: list[ElementDoc] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        element = stack.pop()
        ordered.append(element)
        stack.extend(reversed(children.get(element.code, [])))
    if len(ordered) != len(document.elements):
        placed = {id(element) for element in ordered}
        looping = next(e for e in document.elements if id(e) not in placed)
        raise looping.where.error(
            _("l'élément « %(code)s » est son propre ancêtre") % {"code": looping.code},
            _("un arbre sans boucle"),
        )
    document.elements = ordered
    return document
