"""Schemas of the trajectories API. Dates are written « 2014 », « 2014-03 » or « 2014-03-12 »:
the precision follows from what is given."""

from __future__ import annotations

from ninja import Field, Schema


class ActionBase(Schema):
    summary: str | None = Field(None, description="résumé")
    status: str | None = Field(
        None, description="idee, preparation, en_cours, realisee, pause, abandonnee"
    )
    start: str | None = Field(None, description="début : 2014, 2014-03 ou 2014-03-12")
    end: str | None = Field(None, description="fin : 2014, 2014-03 ou 2014-03-12")
    themes: list[str] | None = Field(None, description="codes de thèmes (energie, mobilite…)")
    scale: str | None = Field(None, description="quartier, commune, intercommunalite…")
    visibility: str | None = Field(None, description="prive, reseau ou public")
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
    status: str
    status_label: str
    start: str | None
    start_precision: str
    start_label: str
    end: str | None
    end_precision: str
    end_label: str
    themes: list[str]
    scale: str
    visibility: str
    version: int
    url: str


class SourceOut(Schema):
    id: int
    url: str
    title: str
    published: str | None


class LinkOut(Schema):
    id: int
    kind: str
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
    kind: str = Field(..., description="entraine, s_appuie_sur, elargit ou prolonge")
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
    kind: str | None = Field(None, description="événement : appel_a_projets, crise, election…")
    date: str | None = Field(None, description="2014, 2014-03 ou 2014-03-12")
    start: str | None = None
    end: str | None = None
    widened: list[str] | None = Field(None, description="saut : acteurs, echelle, enjeux…")
    description: str | None = None
    actions: list[int] | None = Field(None, description="identifiants des actions liées")
    visibility: str | None = None


class RecordOut(Schema):
    id: int
    visibility: str
    description: str
    title: str | None = None
    name: str | None = None
    kind: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_label: str | None = None
    start: str | None = None
    end: str | None = None
    widened: list[str] | None = None
    actions: list[dict] | None = None
