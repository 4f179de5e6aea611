"""Schemas of the trajectories API. Dates are written « 2014 », « 2014-03 » or « 2014-03-12 »:
the precision follows from what is given."""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Schema

from balises.core.api.choices import choices_of
from balises.espaces.models import Visibility
from balises.trajectoires.models import (
    EventKind,
    LinkKind,
    Precision,
    Scale,
    Status,
    Theme,
    Widening,
)

VisibilityValue = Annotated[str, choices_of(Visibility)]


class ActionBase(Schema):
    summary: str | None = Field(None, description="résumé")
    status: Annotated[str, choices_of(Status)] | None = Field(None, description="statut")
    start: str | None = Field(None, description="début : 2014, 2014-03 ou 2014-03-12")
    end: str | None = Field(None, description="fin : 2014, 2014-03 ou 2014-03-12")
    themes: list[Annotated[str, choices_of(Theme)]] | None = Field(None, description="thèmes")
    scale: Annotated[str, choices_of(Scale)] | None = Field(None, description="échelle")
    visibility: VisibilityValue | None = Field(None, description="visibilité")
    recit_contexte: str | None = None
    recit_declencheur: str | None = None
    recit_realisation: str | None = None
    recit_obstacles: str | None = None
    recit_tournants: str | None = None
    recit_effets: str | None = None
    recit_enseignements: str | None = None


class ActionIn(ActionBase):
    title: str = Field(..., max_length=200, description="titre")


class ActionPatch(ActionBase):
    title: str | None = Field(None, max_length=200)
    version: int = Field(..., description="la version lue ; une version dépassée donne 409")


class ActionRow(Schema):
    id: int
    title: str
    summary: str
    status: Annotated[str, choices_of(Status)]
    status_label: str
    start: str | None
    start_precision: Annotated[str, choices_of(Precision)]
    start_label: str
    end: str | None
    end_precision: Annotated[str, choices_of(Precision)]
    end_label: str
    themes: list[Annotated[str, choices_of(Theme)]]
    scale: Annotated[str, choices_of(Scale)]
    visibility: VisibilityValue
    version: int
    url: str


class SourceOut(Schema):
    id: int
    url: str
    title: str
    published: str | None


class LinkOut(Schema):
    id: int
    kind: Annotated[str, choices_of(LinkKind)]
    note: str
    source: int | None = None
    target: int | None = None


class ElementLinkOut(Schema):
    id: int
    element: int
    referentiel: str
    code: str
    label: str
    justification: str
    is_interpretation: bool


class ActionDetail(ActionRow):
    espace: str
    recit: dict[str, str]
    sources: list[SourceOut]
    links_out: list[LinkOut]
    links_in: list[LinkOut]
    elements: list[ElementLinkOut]


class LienIn(Schema):
    target: int = Field(..., description="identifiant de l'action liée (même espace)")
    kind: Annotated[str, choices_of(LinkKind)] = Field(..., description="nature du lien")
    note: str = ""


class ElementLinkIn(Schema):
    element: int = Field(..., description="identifiant d'un élément de référentiel")
    justification: str = ""
    is_interpretation: bool = False


class SourceIn(Schema):
    url: str
    title: str
    published: str | None = Field(None, description="2014, 2014-03 ou 2014-03-12")


class RecordIn(Schema):
    """An event (title, kind, date), a phase (name, start, end) or a leap (title, date, widened)."""

    title: str | None = Field(None, max_length=200)
    name: str | None = Field(None, max_length=200)
    kind: Annotated[str, choices_of(EventKind)] | None = Field(
        None, description="nature de l'événement"
    )
    date: str | None = Field(None, description="2014, 2014-03 ou 2014-03-12")
    start: str | None = None
    end: str | None = None
    widened: list[Annotated[str, choices_of(Widening)]] | None = Field(
        None, description="saut : ce qu'il a élargi"
    )
    description: str | None = None
    actions: list[int] | None = Field(None, description="identifiants des actions liées")
    visibility: VisibilityValue | None = None


class RecordOut(Schema):
    id: int
    visibility: VisibilityValue
    description: str
    title: str | None = None
    name: str | None = None
    kind: Annotated[str, choices_of(EventKind)] | None = None
    date: str | None = None
    date_precision: Annotated[str, choices_of(Precision)] | None = None
    date_label: str | None = None
    start: str | None = None
    end: str | None = None
    widened: list[Annotated[str, choices_of(Widening)]] | None = None
    actions: list[dict] | None = None
