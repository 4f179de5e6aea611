"""API schemas of self-assessment campaigns."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema

from balises.core.api.choices import choices_of
from balises.diagnostics.models import AnswerStatus, CampagneStatus, Viewpoint


class ReferentielRef(Schema):
    slug: str
    version: str


class CampagneOut(Schema):
    id: int
    title: str
    referentiel: ReferentielRef
    starts_on: date
    ends_on: date
    status: Annotated[str, choices_of(CampagneStatus)] = Field(
        description="draft (en préparation), open (ouverte) ou closed (close)"
    )
    results_published: bool
    elements: list[str] = Field(description="codes des éléments évalués")


class AnswerOut(Schema):
    element: str = Field(description="code de l'élément")
    key: str
    level: int | None
    dont_know: bool
    justification: str
    evidence: list[int] = Field(description="identifiants des actions citées")
    status: Annotated[str, choices_of(AnswerStatus)] = Field(
        description="draft (brouillon) ou submitted (soumise)"
    )
    submitted_at: datetime | None


class AnswerIn(Schema):
    level: int | None = Field(None, description="niveau de l'échelle ; vide avec dont_know")
    dont_know: bool = False
    justification: str = Field("", max_length=20000)
    evidence: list[int] = Field(default_factory=list, max_length=500)


class Submitted(Schema):
    submitted: int


class ViewpointOut(Schema):
    code: Annotated[str, choices_of(Viewpoint)]
    label: str
    respondents: int


class ElementResultOut(Schema):
    code: str
    key: str
    element: str
    theme: str
    consensus: float | None
    viewpoints: dict[str, float]
    ecart: float
    divergence: bool
    reponses: int
    preuves: int
    niveau_suggere: int
    campagne_precedente: float | None
    evolution: float | None


class ScaleOut(Schema):
    level: int
    label: str


class ResultsOut(Schema):
    campagne: dict
    scale: list[ScaleOut]
    scale_note: str
    viewpoints: list[ViewpointOut]
    previous_campagne: int | None
    elements: list[ElementResultOut]
