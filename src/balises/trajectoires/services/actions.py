"""Create, change, delete and bring back actions; keep them in the search index."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from balises.core.errors import ConflictError as BaseConflictError
from balises.core.history import RestoreError, restore_version
from balises.espaces.models import Espace
from balises.recherche import services as recherche
from balises.trajectoires.models import (
    RECIT_SECTIONS,
    Action,
    ActionElement,
    LienAction,
    Precision,
    Scale,
    Status,
    Theme,
)
from balises.trajectoires.services.common import (
    check_choice,
    check_codes,
    check_period,
    check_required,
    check_visibility,
    raise_if,
)

# The fields a caller may set, with the value a new action gets when they are left out.
ACTION_FIELDS: dict[str, Any] = {
    "title": "",
    "summary": "",
    "status": Status.EN_COURS,
    "start": None,
    "start_precision": Precision.MONTH,
    "end": None,
    "end_precision": Precision.MONTH,
    "themes": [],
    "scale": Scale.COMMUNE,
    "visibility": None,  # the space's default visibility
    **{name: "" for name, _label in RECIT_SECTIONS},
}
SEARCH_KIND = "action"


class ConflictError(BaseConflictError):
    """The action changed since the caller read it; `current` is the action as it is now."""

    def __init__(self, current: Action):
        super().__init__(
            _(
                "Quelqu'un d'autre a modifié cette action pendant que vous l'éditiez. Le "
                "formulaire montre maintenant la version enregistrée ; vos modifications sont "
                "rappelées ci-dessous : reportez-les puis enregistrez à nouveau."
            )
        )
        self.current = current


def validate_action(data: dict) -> dict:
    """The action's values checked and normalised; ValidationError lists every problem."""
    errors: dict = {}
    data = {key: value for key, value in data.items() if key in ACTION_FIELDS}
    for key in ("title", "summary", *(name for name, _label in RECIT_SECTIONS)):
        if key in data:
            data[key] = (data[key] or "").strip()
    check_required(errors, data, "title")
    if len(data.get("title", "")) > 200:
        errors.setdefault("title", []).append(_("Le titre tient en 200 caractères au plus."))
    if "status" in data:
        check_choice(errors, "status", data["status"], Status.values)
    if "scale" in data:
        check_choice(errors, "scale", data["scale"], Scale.values)
    if data.get("visibility") is not None:
        check_visibility(errors, data["visibility"])
    for key in ("start_precision", "end_precision"):
        if key in data:
            check_choice(errors, key, data[key], Precision.values)
    if "themes" in data:
        data["themes"] = sorted(set(data["themes"] or []))
        check_codes(errors, "themes", data["themes"], Theme.values)
    check_period(
        errors,
        data.get("start"),
        data.get("end"),
        data.get("start_precision", Precision.DAY),
        data.get("end_precision", Precision.DAY),
    )
    raise_if(errors)
    return data


def _build(espace: Espace, user, data: dict) -> Action:
    values = {**ACTION_FIELDS, **validate_action(data)}
    if values["visibility"] is None:
        values["visibility"] = espace.default_visibility
    action = Action(espace=espace, created_by=user, **values)
    action._history_user = user  # type: ignore[attr-defined]
    return action


@transaction.atomic
def create_action(espace: Espace, user, data: dict) -> Action:
    action = _build(espace, user, data)
    action.save()
    index_action(action)
    return action


@transaction.atomic
def create_actions(espace: Espace, user, rows: list[dict]) -> list[Action]:
    """Several actions at once (the importer): all are written, or none."""
    return [create_action(espace, user, row) for row in rows]


@transaction.atomic
def update_action(action: Action, user, data: dict, version: int | None) -> Action:
    """Change the given fields; refuse (ConflictError) when `version` is not the current one."""
    values = validate_action({**_current_values(action), **data})
    current = Action.objects.select_for_update().get(pk=action.pk)
    if version is not None and int(version) != current.version:
        raise ConflictError(current)
    for key, value in values.items():
        if key == "visibility" and value is None:
            continue
        setattr(current, key, value)
    check_period_of(current)
    current.version += 1
    current._history_user = user  # type: ignore[attr-defined]
    current.save()
    index_action(current)
    return current


def check_period_of(action: Action) -> None:
    errors: dict = {}
    check_period(errors, action.start, action.end, action.start_precision, action.end_precision)
    raise_if(errors)


def _current_values(action: Action) -> dict:
    return {key: getattr(action, key) for key in ACTION_FIELDS}


@transaction.atomic
def delete_action(action: Action, user) -> None:
    """Delete the action (its links go with it); the history keeps it for the corbeille."""
    recherche.remove_document(SEARCH_KIND, action.pk)
    for related in [*action.liens_sortants.all(), *action.liens_entrants.all()]:
        related._history_user = user  # type: ignore[attr-defined]
        related.delete()
    for link in action.elements.all():
        link._history_user = user  # type: ignore[attr-defined]
        link.delete()
    action._history_user = user  # type: ignore[attr-defined]
    action.delete()


@transaction.atomic
def restore_action(espace: Espace, user, pk: int) -> Action:
    """Bring a deleted action back with its links, sources and illustrated elements."""
    if Action.objects.filter(pk=pk).exists():
        raise RestoreError(_("Cette action n'est pas supprimée."))
    record = (
        Action.history.filter(id=pk, espace_id=espace.pk)
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if record is None:
        raise RestoreError(_("Aucune action supprimée à ce numéro dans cet espace."))
    action = cast(Action, restore_version(record, user))
    _restore_sources(action, record)
    _restore_deleted(LienAction, user, source_id=pk)
    _restore_deleted(LienAction, user, target_id=pk)
    _restore_deleted(ActionElement, user, action_id=pk)
    _bump_version(action)
    index_action(action)
    return action


def restore_action_version(action: Action, user, history_id: int) -> Action:
    record = action.history.filter(history_id=history_id).first()
    if record is None:
        raise RestoreError(_("Cette version n'existe pas."))
    with transaction.atomic():
        restored = cast(Action, restore_version(record, user))
        _bump_version(restored)
    index_action(restored)
    return restored


def _bump_version(action: Action) -> None:
    # A restored row carries its old version number: move past every version seen, so that a
    # form opened before the restore is refused rather than overwriting it.
    highest = Action.history.filter(id=action.pk).aggregate(v=Max("version"))["v"] or 0
    action.version = highest + 1
    Action.objects.filter(pk=action.pk).update(version=action.version)


def _restore_sources(action: Action, record) -> None:
    ids = [row.source_id for row in record.sources.all()]
    action.sources.add(*action.espace.sources.filter(pk__in=ids))


def _restore_deleted(model, user, **lookup) -> None:
    """Links deleted with the action come back when every object they point to exists."""
    manager: Any = model.history
    existing = set(model.objects.filter(**lookup).values_list("pk", flat=True))
    seen = set()
    for record in manager.filter(history_type="-", **lookup).order_by("-history_date"):
        if record.id in existing or record.id in seen:
            continue
        seen.add(record.id)
        previous = (
            manager.filter(id=record.id).exclude(history_type="-").order_by("-history_date").first()
        )
        if previous is None:
            continue
        try:
            with transaction.atomic():
                restore_version(previous, user)
        except RestoreError:
            continue  # the other end is gone: the link cannot come back


def index_action(action: Action) -> None:
    recherche.index_document(SEARCH_KIND, action.pk, **_document(action))


def _document(action: Action) -> dict:
    body = "\n\n".join(
        [action.summary, *(getattr(action, name) for name, _label in RECIT_SECTIONS)]
    ).strip()
    return {
        "title": action.title,
        "body": body,
        "url": reverse("trajectoires:action_detail", args=[action.espace.slug, action.pk]),
        "visibility": action.visibility,
        "espace_id": action.espace_id,
    }


def iter_action_documents() -> Iterator[dict]:
    """Every action, for the search index rebuild (balises.recherche.registry)."""
    for action in Action.objects.select_related("espace").order_by("pk").iterator(2000):
        yield {"object_id": action.pk, **_document(action)}


def count_actions() -> int:
    return Action.objects.count()
