"""API endpoints of the cooperation app, mounted under /api/v1/cooperation/ by balises.api.urls.

Reads are open under the visibility rules (OptionalAuth); writes need a token or the session
(token_or_session) and the contributeur role. Errors answer in French: 404 for what the caller
cannot see, 403 for a role too weak, 422 for bad values.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError

from balises.cooperation import services
from balises.cooperation.forms import parse_period
from balises.cooperation.policies import ACTEUR, CONTRIBUTION, PARTICIPATION
from balises.cooperation.presenters import dashboard as dashboard_page
from balises.cooperation.presenters import network as network_page
from balises.cooperation.presenters.records import (
    acteur_data,
    contribution_data,
    participation_data,
)
from balises.cooperation.queries import Filters, dashboard_data, network_data
from balises.cooperation.schemas import (
    ActeurCreated,
    ActeurIn,
    ActeurOut,
    ContributionCreated,
    ContributionIn,
    ContributionOut,
    MergeIn,
    ParticipationIn,
    ParticipationOut,
)
from balises.core.api.auth import OptionalAuth, token_or_session
from balises.core.api.schemas import ERRORS, Deleted, Page, PageQuery
from balises.core.pagination import envelope, paginate
from balises.espaces.permissions import get_espace_for_user, role_of
from balises.trajectoires.policies import ACTION

router = Router(tags=["cooperation"])


def _space(request: HttpRequest, slug: str, write: bool = False) -> tuple[Any, bool]:
    espace = get_espace_for_user(request, slug, write=write)
    return espace, role_of(request.user, espace) is not None


@router.get(
    "/{slug}/acteurs",
    response={200: Page[ActeurOut], **ERRORS},
    auth=OptionalAuth(),
    summary="Acteurs d'un espace",
)
def list_acteurs(request: HttpRequest, slug: str, paging: Query[PageQuery]):
    espace, is_member = _space(request, slug)
    page = paginate(ACTEUR.visible(request.user, espace), paging.wanted())
    return envelope(page, [acteur_data(a, is_member) for a in page.items])


@router.post(
    "/{slug}/acteurs",
    response={201: ActeurCreated, **ERRORS},
    auth=token_or_session,
    summary="Créer un acteur",
    description="La réponse liste les acteurs existants au nom proche (doublons possibles).",
)
def create_acteur(request: HttpRequest, slug: str, payload: ActeurIn):
    espace, _member = _space(request, slug, write=True)
    values = payload.dict(exclude={"parent_id"}, exclude_none=True)
    if payload.parent_id is not None:
        values["parent"] = ACTEUR.get(request, espace, payload.parent_id)
    similar = services.similar_acteurs(espace, payload.name)
    acteur = services.create_acteur(espace, request.user, values)
    body = acteur_data(acteur, True) | {"similar": [acteur_data(a, True) for a in similar]}
    return Status(201, body)


@router.get(
    "/{slug}/acteurs/{pk}",
    response={200: ActeurOut, **ERRORS},
    auth=OptionalAuth(),
    summary="Un acteur",
)
def get_acteur(request: HttpRequest, slug: str, pk: int):
    espace, is_member = _space(request, slug)
    return acteur_data(ACTEUR.get(request, espace, pk), is_member)


@router.get(
    "/{slug}/participations",
    response={200: Page[ParticipationOut], **ERRORS},
    auth=OptionalAuth(),
    summary="Participations aux actions",
)
def list_participations(request: HttpRequest, slug: str, paging: Query[PageQuery]):
    espace, is_member = _space(request, slug)
    records = PARTICIPATION.visible(request.user, espace).select_related("acteur", "action")
    page = paginate(records, paging.wanted())
    return envelope(page, [participation_data(p, is_member) for p in page.items])


@router.post(
    "/{slug}/participations",
    response={201: ParticipationOut, **ERRORS},
    auth=token_or_session,
    summary="Enregistrer une participation",
)
def create_participation(request: HttpRequest, slug: str, payload: ParticipationIn):
    espace, _member = _space(request, slug, write=True)
    values = payload.dict(exclude={"action_id", "acteur_id"})
    values["action"] = ACTION.get(request, espace, payload.action_id)
    values["acteur"] = ACTEUR.get(request, espace, payload.acteur_id)
    record = services.save_participation(espace, request.user, values)
    return Status(201, participation_data(record, True))


@router.get(
    "/{slug}/contributions",
    response={200: Page[ContributionOut], **ERRORS},
    auth=OptionalAuth(),
    summary="Contributions aux actions",
)
def list_contributions(request: HttpRequest, slug: str, paging: Query[PageQuery]):
    espace, is_member = _space(request, slug)
    records = CONTRIBUTION.visible(request.user, espace).select_related("acteur", "action")
    page = paginate(records, paging.wanted())
    return envelope(page, [contribution_data(c, is_member) for c in page.items])


@router.post(
    "/{slug}/contributions",
    response={201: ContributionCreated, **ERRORS},
    auth=token_or_session,
    summary="Déclarer une contribution",
    description=(
        "Une période hors de celle de l'action donne un avertissement (warnings), pas une erreur."
    ),
)
def create_contribution(request: HttpRequest, slug: str, payload: ContributionIn):
    espace, _member = _space(request, slug, write=True)
    values = payload.dict(exclude={"action_id", "acteur_id", "period"})
    values["action"] = ACTION.get(request, espace, payload.action_id)
    values["acteur"] = ACTEUR.get(request, espace, payload.acteur_id)
    try:
        values["period_start"], values["period_kind"] = parse_period(payload.period)
    except ValidationError as error:
        raise ValidationError({"period": error.messages}) from None
    record, warnings = services.save_contribution(espace, request.user, values)
    return Status(201, contribution_data(record, True) | {"warnings": warnings})


@router.get(
    "/{slug}/tableau-de-bord",
    response={200: dict, **ERRORS},
    auth=OptionalAuth(),
    summary="Tableau de bord inter-services",
    description=(
        "Matrice acteurs × projets dans une mesure (heures par "
        "défaut), totaux par nature et par année, transversalité, charge."
    ),
)
def get_dashboard(request: HttpRequest, slug: str, measure: str = "heures"):
    espace, is_member = _space(request, slug)
    if measure not in ("heures", "euros", "m2", "unites"):
        raise HttpError(422, _("Mesure inconnue : « %(m)s ».") % {"m": measure})
    data = dashboard_data(request.user, espace, Filters(measure=measure), is_member)
    return dashboard_page.json_data(data)


@router.get(
    "/{slug}/reseau",
    response={200: dict, **ERRORS},
    auth=OptionalAuth(),
    summary="Réseau de coopération",
    description=(
        "Acteurs, liens pondérés par les actions partagées, "
        "métriques, communautés, absences par thème, niveaux de participation."
    ),
)
def get_network(request: HttpRequest, slug: str):
    espace, is_member = _space(request, slug)
    return network_page.json_data(network_data(request.user, espace, is_member))


@router.post(
    "/{slug}/acteurs/{pk}/fusion",
    response={200: ActeurOut, **ERRORS},
    auth=token_or_session,
    summary="Fusionner un doublon dans cet acteur",
    description=(
        "Participations, contributions, adhésions et historique de l'acteur absorbé passent "
        "sur celui-ci ; l'acteur absorbé disparaît."
    ),
)
def merge_acteur(request: HttpRequest, slug: str, pk: int, payload: MergeIn):
    espace, _member = _space(request, slug, write=True)
    keep = ACTEUR.get(request, espace, pk, write=True)
    absorb = ACTEUR.get(request, espace, payload.absorb_id, write=True)
    return acteur_data(services.merge_actors(keep, absorb, request.user), True)


@router.delete(
    "/{slug}/acteurs/{pk}",
    response={200: Deleted, **ERRORS},
    auth=token_or_session,
    summary="Supprimer un acteur (la suppression reste dans l'historique)",
)
def delete_acteur(request: HttpRequest, slug: str, pk: int):
    espace, _member = _space(request, slug, write=True)
    services.delete_acteur(ACTEUR.get(request, espace, pk, write=True), request.user)
    return {"detail": _("Acteur supprimé.")}


@router.delete(
    "/{slug}/participations/{pk}",
    response={200: Deleted, **ERRORS},
    auth=token_or_session,
    summary="Supprimer une participation",
)
def delete_participation(request: HttpRequest, slug: str, pk: int):
    espace, _member = _space(request, slug, write=True)
    record = PARTICIPATION.get(request, espace, pk, write=True)
    services.delete_link(record, request.user)
    return {"detail": _("Participation supprimée.")}


@router.delete(
    "/{slug}/contributions/{pk}",
    response={200: Deleted, **ERRORS},
    auth=token_or_session,
    summary="Supprimer une contribution",
)
def delete_contribution(request: HttpRequest, slug: str, pk: int):
    espace, _member = _space(request, slug, write=True)
    record = CONTRIBUTION.get(request, espace, pk, write=True)
    services.delete_link(record, request.user)
    return {"detail": _("Contribution supprimée.")}
