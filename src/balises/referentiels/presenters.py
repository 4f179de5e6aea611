"""Plain dictionaries for the JSON twins and the API (validated by the schemas in schemas.py)."""

from decimal import Decimal
from typing import Any

from django.urls import reverse

from .models import Element, Lien, Referentiel
from .queries import ElementData, TreeData


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def referentiel_url(referentiel: Referentiel) -> str:
    return reverse("referentiels:detail", args=[referentiel.slug, referentiel.version])


def element_url(element: Element, referentiel: Referentiel | None = None) -> str:
    referentiel = referentiel or element.referentiel
    return reverse(
        "referentiels:element", args=[referentiel.slug, referentiel.version, element.code]
    )


def referentiel_summary(referentiel: Referentiel) -> dict[str, Any]:
    fields = ["slug", "version", "title_fr", "title_en", "date", "licence", "source_title",
              "source_url", "authors", "languages", "description_fr", "description_en",
              "attribution_fr", "attribution_en", "scale_note_fr", "scale_note_en",
              "is_builtin"]  # fmt: skip
    data = {name: getattr(referentiel, name) for name in fields}
    data["url"] = referentiel_url(referentiel)
    data["element_count"] = getattr(referentiel, "element_count", None)
    return data


def element_summary(element: Element, parents: dict[int, str]) -> dict[str, Any]:
    return {
        "code": element.code,
        "key": element.key,
        "kind": element.kind.code,
        "parent": parents.get(element.parent_id) if element.parent_id else None,
        "depth": element.depth,
        "label_fr": element.label_fr,
        "label_en": element.label_en,
        "label_origin": element.label_origin,
        "points": _number(element.points),
    }


def referentiel_detail(data: TreeData) -> dict[str, Any]:
    parents = {element.pk: element.code for element in data.elements}
    result = referentiel_summary(data.referentiel)
    result["element_count"] = len(data.elements)
    result["total_points"] = _number(data.total_points)
    result["kinds"] = [
        {"code": k.code, "label_fr": k.label_fr, "label_en": k.label_en, "count": k.count}  # type: ignore[attr-defined]
        for k in data.kinds
    ]
    result["maturity_scale"] = [level_data(level) for level in data.levels]
    result["versions"] = [v.version for v in data.versions]
    result["elements"] = [element_summary(e, parents) for e in data.elements]
    return result


def level_data(level) -> dict[str, Any]:
    return {
        "level": level.level,
        "label_fr": level.label_fr,
        "label_en": level.label_en,
        "description_fr": level.description_fr,
        "description_en": level.description_en,
    }


def _link(link: Lien, other: Element) -> dict[str, Any]:
    return {
        "kind": link.kind,
        "referentiel": other.referentiel.slug,
        "version": other.referentiel.version,
        "code": other.code,
        "label_fr": other.label_fr,
        "weight": _number(link.weight),
        "note": link.note,
        "url": element_url(other),
    }


def element_detail(data: ElementData) -> dict[str, Any]:
    element = data.element
    referentiel = element.referentiel
    return {
        "referentiel": referentiel.slug,
        "version": referentiel.version,
        "code": element.code,
        "key": element.key,
        "kind": element.kind.code,
        "parent": element.parent.code if element.parent else None,
        "label_fr": element.label_fr,
        "label_en": element.label_en,
        "label_origin": element.label_origin,
        "label_note_fr": element.label_note_fr,
        "label_note_en": element.label_note_en,
        "description_fr": element.description_fr,
        "description_en": element.description_en,
        "evidence_fr": element.evidence_fr,
        "evidence_en": element.evidence_en,
        "points": _number(element.points),
        "is_interpretation": element.is_interpretation,
        "source_ref": element.source_ref,
        "sections": element.sections,
        "url": element_url(element, referentiel),
        "children": [
            {
                "code": c.code,
                "kind": c.kind.code,
                "label_fr": c.label_fr,
                "label_en": c.label_en,
                "url": element_url(c, referentiel),
            }
            for c in data.children
        ],
        "links_out": [_link(link, link.target) for link in data.links_out],
        "links_in": [_link(link, link.source) for link in data.links_in],
        "maturity_scale": [level_data(level) for level in data.levels],
        "maturity_scale_note_fr": referentiel.scale_note_fr,
        "maturity_scale_note_en": referentiel.scale_note_en,
    }
