"""API schemas of cooperation (django-ninja), mirroring api_data.py."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class ActeurOut(Schema):
    id: int
    kind: str
    kind_label: str
    name: str
    organisation: str
    delegation: str
    parent_id: int | None
    is_group: bool
    description: str
    visibility: str


class ActeurIn(Schema):
    kind: str = Field(..., description="elu, service, habitant, association, entreprise, …")
    name: str = Field(..., max_length=200)
    organisation: str = Field("", max_length=200)
    delegation: str = Field("", max_length=200)
    parent_id: int | None = None
    is_group: bool = False
    consent_public: bool = False
    description: str = ""
    visibility: str | None = None


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
    level: str
    level_label: str
    role: str
    role_label: str
    since: str | None


class ParticipationIn(Schema):
    action_id: int
    acteur_id: int
    level: str
    role: str
    since: date | None = None
    comment: str = ""


class ContributionOut(Schema):
    id: int
    action_id: int
    action: str
    acteur_id: int
    acteur: str
    nature: str
    in_kind: str
    amount: str
    unit: str
    period_start: str
    period_kind: str
    measure: str
    value_in_measure: str
    comment: str


class ContributionIn(Schema):
    action_id: int
    acteur_id: int
    nature: str
    in_kind: str = ""
    amount: str = Field(..., description="Un nombre ≥ 0, « 12.5 » ou « 12,5 ».")
    unit: str = Field(..., description="heures, etp, euros, m2 ou unites.")
    period: str = Field(..., description="Une année (2024) ou un mois (2024-03).")
    comment: str = ""


class ContributionCreated(ContributionOut):
    warnings: list[str] = Field(default_factory=list)


class MergeIn(Schema):
    absorb_id: int = Field(..., description="L'acteur qui disparaît dans celui de l'adresse.")
