"""API schemas of cooperation (django-ninja), mirroring api_data.py."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from ninja import Field, Schema

from balises.cooperation.models import (
    ActeurKind,
    InKind,
    Level,
    Nature,
    ParticipationRole,
    PeriodKind,
    Unit,
)
from balises.core.api.choices import choices_of
from balises.espaces.models import Visibility


class ActeurOut(Schema):
    id: int
    kind: Annotated[str, choices_of(ActeurKind)]
    kind_label: str
    name: str
    organisation: str
    delegation: str
    parent_id: int | None
    is_group: bool
    description: str
    visibility: Annotated[str, choices_of(Visibility)]


class ActeurIn(Schema):
    kind: Annotated[str, choices_of(ActeurKind)]
    name: str = Field(..., max_length=200)
    organisation: str = Field("", max_length=200)
    delegation: str = Field("", max_length=200)
    parent_id: int | None = None
    is_group: bool = False
    consent_public: bool = False
    description: str = ""
    visibility: Annotated[str, choices_of(Visibility)] | None = None


class ActeurCreated(ActeurOut):
    similar: list[ActeurOut] = Field(
        default_factory=list, description="Acteurs existants au nom proche (doublons possibles)."
    )


class ParticipationOut(Schema):
    id: int
    action_id: int
    action: str
    acteur_id: int
    acteur: str
    level: Annotated[str, choices_of(Level)]
    level_label: str
    role: Annotated[str, choices_of(ParticipationRole)]
    role_label: str
    since: str | None


class ParticipationIn(Schema):
    action_id: int
    acteur_id: int
    level: Annotated[str, choices_of(Level)]
    role: Annotated[str, choices_of(ParticipationRole)]
    since: date | None = None
    comment: str = ""


class ContributionOut(Schema):
    id: int
    action_id: int
    action: str
    acteur_id: int
    acteur: str
    nature: Annotated[str, choices_of(Nature)]
    in_kind: Annotated[str, choices_of(InKind, blank=True)]
    amount: str
    unit: Annotated[str, choices_of(Unit)]
    period_start: str
    period_kind: Annotated[str, choices_of(PeriodKind)]
    measure: str
    value_in_measure: str
    comment: str


class ContributionIn(Schema):
    action_id: int
    acteur_id: int
    nature: Annotated[str, choices_of(Nature)]
    in_kind: Annotated[str, choices_of(InKind, blank=True)] = ""
    amount: str = Field(..., description="Un nombre ≥ 0, « 12.5 » ou « 12,5 ».")
    unit: Annotated[str, choices_of(Unit)]
    period: str = Field(..., description="Une année (2024) ou un mois (2024-03).")
    comment: str = ""


class ContributionCreated(ContributionOut):
    warnings: list[str] = Field(default_factory=list)


class MergeIn(Schema):
    absorb_id: int = Field(..., description="L'acteur qui disparaît dans celui de l'adresse.")
