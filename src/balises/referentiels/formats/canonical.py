"""Our canonical format, in YAML or JSON (same structure): see docs/referentiels-format.md.

The reader checks the structure by hand rather than through a JSON Schema library so that each
error names the line and column of the offending value; `referentiel.schema.json` documents the
same rules for other tools.
"""

import json
from datetime import date
from decimal import Decimal
from typing import Any

import yaml
from django.utils.translation import gettext as _

from . import yaml_marks
from .document import (
    FORMAT_ID,
    LABEL_ORIGINS,
    LINK_KINDS,
    SLUG_PATTERN,
    ElementDoc,
    KindDoc,
    LevelDoc,
    LinkDoc,
    ReferentielDocument,
    Where,
    check_tree,
    parse_decimal,
)
from .errors import FormatError

TOP_KEYS = {"format", "referentiel", "kinds", "maturity_scale", "elements", "links"}
META_KEYS = {
    "slug", "version", "title", "date", "licence", "source", "authors", "languages",
    "description", "attribution", "scale_note",
}  # fmt: skip
ELEMENT_KEYS = {
    "code", "key", "kind", "label", "label_origin", "label_note", "description", "evidence",
    "interpretation", "source_ref", "points", "sections", "children",
}  # fmt: skip


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file

    def mapping(self, value: Any, where: Where, allowed: set[str], what: str) -> Any:
        if not isinstance(value, yaml_marks.MarkedDict):
            raise where.error(
                _("%(what)s : mauvaise forme") % {"what": what}, _("un objet (clé: valeur)")
            )
        for key in value:
            if key not in allowed:
                raise value.where_of_key(key).error(
                    _("clé inconnue « %(key)s » dans %(what)s") % {"key": key, "what": what},
                    _("une de : %(keys)s") % {"keys": ", ".join(sorted(allowed))},
                )
        return value

    def required(self, mapping: Any, key: str, what: str) -> Any:
        if mapping.get(key) in (None, ""):
            raise mapping.where.error(
                _("« %(key)s » manque dans %(what)s") % {"key": key, "what": what},
                _("une valeur pour « %(key)s »") % {"key": key},
            )
        return mapping[key]

    def text(self, mapping: Any, key: str, *, required: bool = False, what: str = "") -> str:
        value = self.required(mapping, key, what) if required else mapping.get(key, "")
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise mapping.where_of(key).error(
                _("« %(key)s » : mauvaise forme") % {"key": key}, _("un texte")
            )
        return str(value)

    def i18n(
        self, mapping: Any, key: str, *, required: bool = False, what: str = ""
    ) -> tuple[str, str]:
        value = self.required(mapping, key, what) if required else mapping.get(key)
        if value is None:
            return "", ""
        if isinstance(value, str):
            return value, ""
        where = mapping.where_of(key)
        value = self.mapping(value, where, {"fr", "en"}, f"« {key} »")
        french = self.text(value, "fr", required=required, what=f"« {key} »")
        return french, self.text(value, "en")

    def strings(self, mapping: Any, key: str) -> list[str]:
        value = mapping.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise mapping.where_of(key).error(
                _("« %(key)s » : mauvaise forme") % {"key": key}, _("une liste de textes")
            )
        return list(value)

    def sequence(self, mapping: Any, key: str) -> Any:
        value = mapping.get(key) or []
        if not isinstance(value, list):
            raise mapping.where_of(key).error(
                _("« %(key)s » : mauvaise forme") % {"key": key}, _("une liste")
            )
        return value

    def read(self, data: Any) -> ReferentielDocument:
        top = self.mapping(data, Where(self.file, 1, 1), TOP_KEYS, _("le document"))
        if top.get("format") != FORMAT_ID:
            raise top.where_of("format").error(
                _("format non reconnu : %(value)r") % {"value": top.get("format")},
                f"format: {FORMAT_ID}",
            )
        document = self.meta(
            self.required(top, "referentiel", _("le document")), top.where_of("referentiel")
        )
        kinds = self.sequence(top, "kinds")
        for index, kind in enumerate(kinds):
            kind = self.mapping(kind, kinds.where_of(index), {"code", "label"}, _("une nature"))
            label_fr, label_en = self.i18n(kind, "label", required=True, what=_("une nature"))
            document.kinds.append(
                KindDoc(
                    self.text(kind, "code", required=True, what=_("une nature")), label_fr, label_en
                )
            )
        if not document.kinds:
            raise top.where.error(
                _("aucune nature d'élément déclarée"), _("une liste « kinds » non vide")
            )
        levels = self.sequence(top, "maturity_scale")
        for index, level in enumerate(levels):
            where = levels.where_of(index)
            level = self.mapping(level, where, {"level", "label", "description"}, _("un niveau"))
            number = self.required(level, "level", _("un niveau"))
            if not isinstance(number, int) or isinstance(number, bool) or number < 0:
                raise level.where_of("level").error(
                    _("niveau invalide : %(value)r") % {"value": number}, _("un entier positif")
                )
            label = self.i18n(level, "label", required=True, what=_("un niveau"))
            description = self.i18n(level, "description")
            document.levels.append(LevelDoc(number, *label, *description))
        if len({level.level for level in document.levels}) != len(document.levels):
            raise levels.where.error(_("niveau de maturité répété"), _("des niveaux distincts"))
        self.elements(self.sequence(top, "elements"), None, document)
        links = self.sequence(top, "links")
        for index, link in enumerate(links):
            document.links.append(self.link(link, links.where_of(index)))
        return check_tree(document)

    def meta(self, meta: Any, where: Where) -> ReferentielDocument:
        meta = self.mapping(meta, where, META_KEYS, "« referentiel »")
        what = "« referentiel »"
        slug = self.text(meta, "slug", required=True, what=what)
        if not SLUG_PATTERN.match(slug):
            raise meta.where_of("slug").error(
                _("identifiant invalide : %(slug)r") % {"slug": slug},
                _("minuscules, chiffres et tirets"),
            )
        title_fr, title_en = self.i18n(meta, "title", required=True, what=what)
        source = meta.get("source") or {}
        if source:
            source = self.mapping(source, meta.where_of("source"), {"title", "url"}, "« source »")
        description = self.i18n(meta, "description")
        attribution = self.i18n(meta, "attribution")
        scale_note = self.i18n(meta, "scale_note")
        return ReferentielDocument(
            slug=slug,
            version=self.text(meta, "version", required=True, what=what),
            title_fr=title_fr,
            title_en=title_en,
            date=self.date(meta),
            licence=self.text(meta, "licence"),
            source_title=self.text(source, "title") if source else "",
            source_url=self.text(source, "url") if source else "",
            authors=self.strings(meta, "authors"),
            languages=self.strings(meta, "languages"),
            description_fr=description[0],
            description_en=description[1],
            attribution_fr=attribution[0],
            attribution_en=attribution[1],
            scale_note_fr=scale_note[0],
            scale_note_en=scale_note[1],
        )

    def date(self, meta: Any) -> date | None:
        value = meta.get("date")
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise meta.where_of("date").error(
                _("date invalide : %(value)r") % {"value": value}, _("une date AAAA-MM-JJ")
            ) from None

    def elements(self, items: Any, parent: str | None, document: ReferentielDocument) -> None:
        for index, item in enumerate(items):
            where = items.where_of(index)
            item = self.mapping(item, where, ELEMENT_KEYS, _("un élément"))
            what = _("un élément")
            label = self.i18n(item, "label", required=True, what=what)
            description = self.i18n(item, "description")
            evidence = self.i18n(item, "evidence")
            interpretation = item.get("interpretation", False)
            if not isinstance(interpretation, bool):
                raise item.where_of("interpretation").error(
                    _("« interpretation » invalide"), "true / false"
                )
            label_origin = self.text(item, "label_origin")
            if label_origin and label_origin not in LABEL_ORIGINS:
                raise item.where_of("label_origin").error(
                    _("« label_origin » invalide : %(value)r") % {"value": label_origin},
                    _("une de : %(values)s") % {"values": ", ".join(LABEL_ORIGINS)},
                )
            label_note = self.i18n(item, "label_note")
            element = ElementDoc(
                code=self.text(item, "code", required=True, what=what),
                key=self.text(item, "key"),
                kind=self.text(item, "kind", required=True, what=what),
                parent_code=parent,
                label_fr=label[0],
                label_en=label[1],
                label_origin=label_origin,
                label_note_fr=label_note[0],
                label_note_en=label_note[1],
                description_fr=description[0],
                description_en=description[1],
                evidence_fr=evidence[0],
                evidence_en=evidence[1],
                points=parse_decimal(
                    item.get("points"), item.where_of("points"), _("nombre de points")
                ),
                is_interpretation=interpretation,
                source_ref=self.text(item, "source_ref"),
                sections=self.sections(item),
                where=where,
            )
            if ":" in element.code:
                raise item.where_of("code").error(
                    _("code invalide : %(code)r") % {"code": element.code}, _("un code sans « : »")
                )
            document.elements.append(element)
            self.elements(self.sequence(item, "children"), element.code, document)

    def sections(self, item: Any) -> list[dict[str, str]]:
        sections = self.sequence(item, "sections")
        result = []
        for index, section in enumerate(sections):
            section = self.mapping(
                section, sections.where_of(index), {"title", "text"}, _("une section")
            )
            result.append(
                {
                    "title": self.text(section, "title", required=True, what=_("une section")),
                    "text": self.text(section, "text"),
                }
            )
        return result

    def link(self, link: Any, where: Where) -> LinkDoc:
        what = _("un lien")
        link = self.mapping(link, where, {"from", "to", "kind", "weight", "note"}, what)
        kind = self.text(link, "kind", required=True, what=what)
        if kind not in LINK_KINDS:
            raise link.where_of("kind").error(
                _("nature de lien inconnue : %(kind)r") % {"kind": kind},
                _("une de : %(kinds)s") % {"kinds": ", ".join(LINK_KINDS)},
            )
        target = self.text(link, "to", required=True, what=what)
        slug, _sep, code = target.rpartition(":")
        return LinkDoc(
            source_code=self.text(link, "from", required=True, what=what),
            target_code=code,
            target_slug=slug or None,
            kind=kind,
            weight=parse_decimal(link.get("weight"), link.where_of("weight"), _("poids")),
            note=self.text(link, "note"),
            where=where,
        )


def read(text: str, file: str = "", *, is_json: bool | None = None) -> ReferentielDocument:
    """Read the canonical format; JSON when `is_json` or when the file name ends with .json."""
    if is_json is None:
        is_json = file.lower().endswith(".json")
    data = yaml_marks.load(text, file, is_json=is_json)
    if data is None:
        raise FormatError(_("fichier vide"), file=file, expected=f"format: {FORMAT_ID}")
    return _Reader(file).read(data)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _i18n(french: str, english: str) -> dict[str, str]:
    return {"fr": french, "en": english} if english else {"fr": french}


def to_data(document: ReferentielDocument) -> dict[str, Any]:
    """The document as the plain structure both YAML and JSON writers dump."""
    meta: Any[str, Any] = {
        "slug": document.slug,
        "version": document.version,
        "title": _i18n(document.title_fr, document.title_en),
    }
    if document.date:
        meta["date"] = document.date
    optional = {
        "licence": document.licence,
        "source": {
            k: v for k, v in (("title", document.source_title), ("url", document.source_url)) if v
        },
        "authors": document.authors,
        "languages": document.languages,
        "description": _i18n(document.description_fr, document.description_en)
        if document.description_fr
        else None,
        "attribution": _i18n(document.attribution_fr, document.attribution_en)
        if document.attribution_fr
        else None,
        "scale_note": _i18n(document.scale_note_fr, document.scale_note_en)
        if document.scale_note_fr
        else None,
    }
    meta.update({key: value for key, value in optional.items() if value})
    children: dict[str | None, list[dict[str, Any]]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for element in document.elements:
        node: dict[str, Any] = {"code": element.code}
        if element.key != element.code:
            node["key"] = element.key
        node["kind"] = element.kind
        node["label"] = _i18n(element.label_fr, element.label_en)
        if element.label_origin:
            node["label_origin"] = element.label_origin
        if element.label_note_fr or element.label_note_en:
            node["label_note"] = _i18n(element.label_note_fr, element.label_note_en)
        if element.description_fr or element.description_en:
            node["description"] = _i18n(element.description_fr, element.description_en)
        if element.evidence_fr or element.evidence_en:
            node["evidence"] = _i18n(element.evidence_fr, element.evidence_en)
        if element.is_interpretation:
            node["interpretation"] = True
        if element.source_ref:
            node["source_ref"] = element.source_ref
        if element.points is not None:
            node["points"] = _number(element.points)
        if element.sections:
            node["sections"] = [dict(section) for section in element.sections]
        nodes[element.code] = node
        children.setdefault(element.parent_code, []).append(node)
    for code, node in nodes.items():
        if code in children:
            node["children"] = children[code]
    data: dict[str, Any] = {
        "format": FORMAT_ID,
        "referentiel": meta,
        "kinds": [{"code": k.code, "label": _i18n(k.label_fr, k.label_en)} for k in document.kinds],
    }
    if document.levels:
        data["maturity_scale"] = [
            {"level": level.level, "label": _i18n(level.label_fr, level.label_en)}
            | (
                {"description": _i18n(level.description_fr, level.description_en)}
                if level.description_fr
                else {}
            )
            for level in document.levels
        ]
    data["elements"] = children.get(None, [])
    if document.links:
        data["links"] = [_link(link) for link in document.links]
    return data


def _link(link: LinkDoc) -> dict[str, Any]:
    target = f"{link.target_slug}:{link.target_code}" if link.target_slug else link.target_code
    data: dict[str, Any] = {"from": link.source_code, "to": target, "kind": link.kind}
    if link.weight is not None:
        data["weight"] = _number(link.weight)
    if link.note:
        data["note"] = link.note
    return data


def write_yaml(document: ReferentielDocument) -> str:
    return yaml.safe_dump(to_data(document), allow_unicode=True, sort_keys=False, width=100)


def write_json(document: ReferentielDocument) -> str:
    return json.dumps(to_data(document), ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)
