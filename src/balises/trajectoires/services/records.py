"""Events, phases and systemic leaps of a trajectory."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from balises.espaces.models import Espace
from balises.trajectoires.models import (
    Action,
    Evenement,
    EventKind,
    Phase,
    Precision,
    SautSystemique,
    Widening,
)
from balises.trajectoires.policies import ACTION
from balises.trajectoires.services.common import (
    check_choice,
    check_codes,
    check_period,
    check_required,
    check_visibility,
    raise_if,
)


def _actions(user, espace: Espace, actions) -> list[Action]:
    """The actions named (objects or ids), all of this space and visible to the user."""

    ids = {a.pk if isinstance(a, Action) else int(a) for a in actions or []}
    found = list(ACTION.visible(user, espace).filter(pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError(
            {"actions": [_("Une des actions choisies n'existe pas ou ne vous est pas visible.")]}
        )
    return found


def _save(model: type[Model], espace: Espace, user, data: dict, instance, fields) -> Any:
    record: Any = instance or model(espace=espace, visibility=espace.default_visibility)
    for key in fields:
        if key in data and not (key == "visibility" and data[key] is None):
            setattr(record, key, data[key])
    record._history_user = user
    record.save()
    return record


def _common_checks(data: dict, errors: dict, *required: str) -> None:
    check_required(errors, data, *required)
    for key in ("title", "name", "description"):
        if isinstance(data.get(key), str):
            data[key] = data[key].strip()
    if data.get("visibility") is not None:
        check_visibility(errors, data["visibility"])


@transaction.atomic
def save_evenement(espace: Espace, user, data: dict, instance: Evenement | None = None):
    errors: dict = {}
    data = dict(data)
    _common_checks(data, errors, *(() if instance else ("title", "kind", "date")))
    if data.get("kind"):
        check_choice(errors, "kind", data["kind"], EventKind.values)
    if "date_precision" in data:
        check_choice(errors, "date_precision", data["date_precision"], Precision.values)
    raise_if(errors)
    actions = _actions(user, espace, data["actions"]) if "actions" in data else None
    fields = ("title", "kind", "date", "date_precision", "description", "visibility")
    record = _save(Evenement, espace, user, data, instance, fields)
    if actions is not None:
        record.actions.set(actions)
    return record


@transaction.atomic
def save_phase(espace: Espace, user, data: dict, instance: Phase | None = None):
    errors: dict = {}
    data = dict(data)
    _common_checks(data, errors, *(() if instance else ("name", "start")))
    start = data.get("start", instance.start if instance else None)
    end = data.get("end", instance.end if instance else None)
    check_period(errors, start, end)
    raise_if(errors)
    fields = ("name", "start", "end", "description", "visibility")
    return _save(Phase, espace, user, data, instance, fields)


@transaction.atomic
def save_saut(espace: Espace, user, data: dict, instance: SautSystemique | None = None):
    errors: dict = {}
    data = dict(data)
    _common_checks(data, errors, *(() if instance else ("title", "date")))
    if "widened" in data:
        data["widened"] = sorted(set(data["widened"] or []))
        check_codes(errors, "widened", data["widened"], Widening.values)
    if "date_precision" in data:
        check_choice(errors, "date_precision", data["date_precision"], Precision.values)
    raise_if(errors)
    actions = _actions(user, espace, data["actions"]) if "actions" in data else None
    fields = ("title", "date", "date_precision", "widened", "description", "visibility")
    record = _save(SautSystemique, espace, user, data, instance, fields)
    if actions is not None:
        record.actions.set(actions)
    return record


def delete_record(user, record: Model) -> None:
    record._history_user = user  # type: ignore[attr-defined]
    record.delete()
