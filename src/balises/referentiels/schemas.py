"""API schemas of the référentiels (the JSON twins of the pages have the same shapes)."""

from datetime import date
from typing import Annotated

from ninja import Schema

from balises.core.api.choices import choices_of

from .models import LabelOrigin, Lien

LabelOriginValue = Annotated[str, choices_of(LabelOrigin, blank=True)]


class ReferentielSummary(Schema):
    slug: str
    version: str
    title_fr: str
    title_en: str
    date: date | None
    licence: str
    source_title: str
    source_url: str
    authors: list[str]
    languages: list[str]
    description_fr: str
    description_en: str
    attribution_fr: str
    attribution_en: str
    scale_note_fr: str
    scale_note_en: str
    is_builtin: bool
    url: str
    element_count: int | None


class KindOut(Schema):
    code: str
    label_fr: str
    label_en: str
    count: int


class LevelOut(Schema):
    level: int
    label_fr: str
    label_en: str
    description_fr: str
    description_en: str


class ElementSummary(Schema):
    code: str
    key: str
    kind: str
    parent: str | None
    depth: int
    label_fr: str
    label_en: str
    label_origin: LabelOriginValue
    points: float | None


class ReferentielDetail(ReferentielSummary):
    total_points: float | None
    kinds: list[KindOut]
    maturity_scale: list[LevelOut]
    versions: list[str]
    elements: list[ElementSummary]


class ChildOut(Schema):
    code: str
    kind: str
    label_fr: str
    label_en: str
    url: str


# Not « LinkOut »: OpenAPI names schemas by class name, and the links between actions have it.
class LienOut(Schema):
    kind: Annotated[str, choices_of(Lien.Kind)]
    referentiel: str
    version: str
    code: str
    label_fr: str
    weight: float | None
    note: str
    url: str


class SectionOut(Schema):
    title: str
    text: str


class ElementDetail(Schema):
    referentiel: str
    version: str
    code: str
    key: str
    kind: str
    parent: str | None
    label_fr: str
    label_en: str
    label_origin: LabelOriginValue
    label_note_fr: str
    label_note_en: str
    description_fr: str
    description_en: str
    evidence_fr: str
    evidence_en: str
    points: float | None
    is_interpretation: bool
    source_ref: str
    sections: list[SectionOut]
    url: str
    children: list[ChildOut]
    links_out: list[LienOut]
    links_in: list[LienOut]
    maturity_scale: list[LevelOut]
    maturity_scale_note_fr: str
    maturity_scale_note_en: str
