"""API endpoints of trajectories, mounted under /api/v1/trajectoires/ by balises.api.urls.

Reads are open under the visibility rules (OptionalAuth); writes need a token or the session
(token_or_session) and the contributeur role. Errors answer in French: 404 for what the caller
cannot see, 403 for a role too weak, 409 for a stale version, 422 for bad values.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from balises.core.api.auth import OptionalAuth, token_or_session
from balises.core.api.choices import choices_of
from balises.core.api.schemas import ERRORS, Deleted, Page, PageQuery, per_page_field
from balises.core.pagination import envelope, paginate
from balises.espaces.permissions import get_espace_for_user
from balises.trajectoires import services
from balises.trajectoires.dates import PartialDateError, parse_partial_date
from balises.trajectoires.forms import ActionFilterForm
from balises.trajectoires.models import Status as ActionStatus
from balises.trajectoires.models import Theme
from balises.trajectoires.policies import (
    ACTION,
    ACTION_ELEMENT,
    EVENEMENT,
    LIEN,
    PHASE,
    SAUT,
    get_element,
)
from balises.trajectoires.presenters.actions import action_data
from balises.trajectoires.presenters.records import record_data
from balises.trajectoires.queries.actions import action_row, action_url_maker, filter_actions
from balises.trajectoires.schemas import (
    ActionDetail,
    ActionIn,
    ActionPatch,
    ActionRow,
    ElementLinkIn,
    ElementLinkOut,
    LienIn,
    LinkOut,
    RecordIn,
    RecordOut,
    SourceIn,
    SourceOut,
)

router = Router(tags=["trajectoires"])


def _date(values: dict, key: str) -> None:
    """Turn « 2014-03 » into (date, precision) in place."""
    if key not in values:
        return
    try:
        parsed = parse_partial_date(values[key] or "")
    except PartialDateError as error:
        raise ValidationError({key: [str(error)]}) from None
    values[key] = parsed[0] if parsed else None
    if parsed:
        values[f"{key}_precision"] = parsed[1]


def _action_values(payload: Schema) -> dict:
    values = payload.dict(exclude_unset=True, exclude={"version"})
    values = {k: v for k, v in values.items() if v is not None or k in ("start", "end")}
    _date(values, "start")
    _date(values, "end")
    return values


class ActionFilters(PageQuery):
    q: str = ""
    status: Annotated[str, choices_of(ActionStatus, blank=True)] = ""
    theme: Annotated[str, choices_of(Theme, blank=True)] = ""
    since: int | None = Field(None, ge=1000, le=9999)
    until: int | None = Field(None, ge=1000, le=9999)
    per_page: int = per_page_field(25)


@router.get(
    "/{slug}/actions",
    response={200: Page[ActionRow], **ERRORS},
    auth=OptionalAuth(),
    summary="Actions d'un espace",
    description="Filtres : texte, statut, thème, période (années). Selon la visibilité.",
)
def list_actions(request: HttpRequest, slug: str, filters: Query[ActionFilters]):
    espace = get_espace_for_user(request, slug)
    form = ActionFilterForm(filters.filter_values())
    if not form.is_valid():
        raise HttpError(422, _("Filtres invalides : %(e)s") % {"e": form.errors.as_text()})
    page = paginate(filter_actions(request.user, espace, form.cleaned_data), filters.wanted())
    url = action_url_maker(request, espace)
    return envelope(page, [action_row(a, url(a.pk)) for a in page.items])


@router.post(
    "/{slug}/actions",
    response={201: ActionDetail, **ERRORS},
    auth=token_or_session,
    summary="Créer une action",
)
def create_action(request: HttpRequest, slug: str, payload: ActionIn):
    espace = get_espace_for_user(request, slug, write=True)
    action = services.create_action(espace, request.user, _action_values(payload))
    return Status(201, action_data(request, action))


@router.get(
    "/{slug}/actions/{pk}",
    response={200: ActionDetail, **ERRORS},
    auth=OptionalAuth(),
    summary="Une action, son récit, ses sources et ses liens",
)
def get_action(request: HttpRequest, slug: str, pk: int):
    espace = get_espace_for_user(request, slug)
    return action_data(request, ACTION.get(request, espace, pk))


@router.patch(
    "/{slug}/actions/{pk}",
    response={200: ActionDetail, **ERRORS},
    auth=token_or_session,
    summary="Modifier une action",
    description="`version` est celle lue : si l'action a changé depuis, la réponse est 409.",
)
def update_action(request: HttpRequest, slug: str, pk: int, payload: ActionPatch):
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    action = services.update_action(action, request.user, _action_values(payload), payload.version)
    return action_data(request, action)


@router.delete(
    "/{slug}/actions/{pk}",
    response={200: Deleted, **ERRORS},
    auth=token_or_session,
    summary="Supprimer une action (elle reste dans la corbeille)",
)
def delete_action(request: HttpRequest, slug: str, pk: int):
    espace = get_espace_for_user(request, slug, write=True)
    services.delete_action(ACTION.get(request, espace, pk, write=True), request.user)
    return {"detail": _("Action supprimée ; elle reste dans la corbeille de l'espace.")}


@router.post(
    "/{slug}/actions/{pk}/liens",
    response={201: LinkOut, **ERRORS},
    auth=token_or_session,
    summary="Lier l'action à une autre action du même espace",
)
def add_lien(request: HttpRequest, slug: str, pk: int, payload: LienIn):
    espace = get_espace_for_user(request, slug, write=True)
    source = ACTION.get(request, espace, pk, write=True)
    try:
        target = ACTION.get(request, espace, payload.target)
    except Http404:
        raise ValidationError(
            {"target": [_("Cette action n'existe pas ou vous ne pouvez pas la voir.")]}
        ) from None
    lien = services.link_actions(request.user, source, target, payload.kind, payload.note)
    return Status(
        201,
        {
            "id": lien.pk,
            "kind": lien.kind,
            "note": lien.note,
            "source": lien.source_id,
            "target": lien.target_id,
        },
    )


@router.delete(
    "/{slug}/liens/{pk}", response={200: Deleted, **ERRORS}, auth=token_or_session,
    summary="Retirer un lien entre actions",
)  # fmt: skip
def delete_lien(request: HttpRequest, slug: str, pk: int):
    espace = get_espace_for_user(request, slug, write=True)
    services.unlink_actions(request.user, LIEN.get(request, espace, pk, write=True))
    return {"detail": _("Lien retiré.")}


@router.post(
    "/{slug}/actions/{pk}/elements",
    response={201: ElementLinkOut, **ERRORS},
    auth=token_or_session,
    summary="Relier l'action à un élément de référentiel, avec une justification",
)
def add_element(request: HttpRequest, slug: str, pk: int, payload: ElementLinkIn):
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    element = get_element(request.user, payload.element)
    if element is None:
        raise ValidationError({"element": [_("Aucun élément de référentiel à ce numéro.")]})
    link = services.link_element(
        request.user, action, element, payload.justification, payload.is_interpretation
    )
    return Status(
        201,
        {
            "id": link.pk,
            "element": element.pk,
            "referentiel": element.referentiel.slug,
            "code": element.code,
            "label": element.label_fr,
            "justification": link.justification,
            "is_interpretation": link.is_interpretation,
        },
    )


@router.delete(
    "/{slug}/elements/{pk}", response={200: Deleted, **ERRORS}, auth=token_or_session,
    summary="Retirer le lien d'une action vers un élément",
)  # fmt: skip
def delete_element(request: HttpRequest, slug: str, pk: int):
    espace = get_espace_for_user(request, slug, write=True)
    link = ACTION_ELEMENT.get(request, espace, pk, write=True)
    services.unlink_element(request.user, link)
    return {"detail": _("Lien vers l'élément retiré.")}


@router.post(
    "/{slug}/actions/{pk}/sources",
    response={201: SourceOut, **ERRORS},
    auth=token_or_session,
    summary="Attacher une source à l'action",
)
def add_source(request: HttpRequest, slug: str, pk: int, payload: SourceIn):
    espace = get_espace_for_user(request, slug, write=True)
    action = ACTION.get(request, espace, pk, write=True)
    values = payload.dict()
    _date(values, "published")
    values.pop("published_precision", None)
    source = services.attach_source(request.user, action, **values)
    published = source.published.isoformat() if source.published else None
    return Status(
        201, {"id": source.pk, "url": source.url, "title": source.title, "published": published}
    )


# -- events, phases, leaps: the same five endpoints for each ---------------------------------

RECORDS: dict[str, Any] = {
    "evenements": (EVENEMENT.get, services.save_evenement, ("date",)),
    "phases": (PHASE.get, services.save_phase, ("start", "end")),
    "sauts": (SAUT.get, services.save_saut, ("date",)),
}


def _record_values(kind: str, payload: RecordIn) -> dict:
    values = payload.dict(exclude_unset=True)
    for key in RECORDS[kind][2]:
        _date(values, key)
        if kind == "phases":
            values.pop(f"{key}_precision", None)
    return values


def _record_out(kind: str, request: HttpRequest, espace, record) -> dict:
    if kind != "phases":
        seen = ACTION.visible(request.user, espace).values("pk")
        record.visible_actions = list(record.actions.filter(pk__in=seen))
    return record_data(kind, record)


def _register(kind: str) -> None:
    get, save, _dates = RECORDS[kind]

    @router.get(
        f"/{{slug}}/{kind}", response={200: Page[RecordOut], **ERRORS}, auth=OptionalAuth(),
        summary=f"Liste : {kind}", operation_id=f"list_{kind}",
    )  # fmt: skip
    def list_records(request: HttpRequest, slug: str, paging: Query[PageQuery]):
        from balises.trajectoires.views.records import KINDS, _records

        espace = get_espace_for_user(request, slug)
        page = paginate(_records(KINDS[kind], request, espace), paging.wanted())
        return envelope(page, [record_data(kind, r) for r in page.items])

    @router.post(
        f"/{{slug}}/{kind}", response={201: RecordOut, **ERRORS}, auth=token_or_session,
        summary=f"Créer : {kind}", operation_id=f"create_{kind}",
    )  # fmt: skip
    def create_record(request: HttpRequest, slug: str, payload: RecordIn):
        espace = get_espace_for_user(request, slug, write=True)
        record = save(espace, request.user, _record_values(kind, payload))
        return Status(201, _record_out(kind, request, espace, record))

    @router.get(
        f"/{{slug}}/{kind}/{{pk}}", response={200: RecordOut, **ERRORS}, auth=OptionalAuth(),
        summary=f"Lire : {kind}", operation_id=f"get_{kind}",
    )  # fmt: skip
    def get_record(request: HttpRequest, slug: str, pk: int):
        espace = get_espace_for_user(request, slug)
        return _record_out(kind, request, espace, get(request, espace, pk))

    @router.patch(
        f"/{{slug}}/{kind}/{{pk}}", response={200: RecordOut, **ERRORS}, auth=token_or_session,
        summary=f"Modifier : {kind}", operation_id=f"update_{kind}",
    )  # fmt: skip
    def update_record(request: HttpRequest, slug: str, pk: int, payload: RecordIn):
        espace = get_espace_for_user(request, slug, write=True)
        record = get(request, espace, pk, write=True)
        record = save(espace, request.user, _record_values(kind, payload), record)
        return _record_out(kind, request, espace, record)

    @router.delete(
        f"/{{slug}}/{kind}/{{pk}}", response={200: Deleted, **ERRORS}, auth=token_or_session,
        summary=f"Supprimer : {kind}", operation_id=f"delete_{kind}",
    )  # fmt: skip
    def delete_record(request: HttpRequest, slug: str, pk: int):
        espace = get_espace_for_user(request, slug, write=True)
        services.delete_record(request.user, get(request, espace, pk, write=True))
        return {"detail": _("Supprimé.")}


for _kind in RECORDS:
    _register(_kind)
