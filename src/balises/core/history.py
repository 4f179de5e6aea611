"""Readable history of any model with `history = HistoricalRecords()`, and restoring a version.

entries = history_entries(action)            # newest first, a fixed number of queries
{% include "core/_history.html" with entries=entries %}
restore_version(record, request.user)        # after checking the user may edit the object
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from balises.core.errors import ServiceError

HISTORY_TYPES = {
    "+": gettext_lazy("créé"),
    "~": gettext_lazy("modifié"),
    "-": gettext_lazy("supprimé"),
}
EMPTY = "—"


class RestoreError(ServiceError):
    """A version that cannot come back; the message says why, in French."""


@dataclass
class Change:
    field: str  # verbose name
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    type: str  # "créé", "modifié" or "supprimé"
    type_code: str  # "+", "~" or "-"
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    record: Any = None  # the historical record, for a restore button


def history_entries(obj_or_history, limit: int = 50) -> list[HistoryEntry]:
    """Entries of an object (or of a history queryset, e.g. of a deleted object), newest first.

    Two queries at most, whatever the length: the records with their authors, and the names of
    objects that changed foreign keys point to (one query per such related model).
    """
    history = getattr(obj_or_history, "history", obj_or_history)
    records = list(
        history.all()
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: limit + 1]
    )
    pairs = [
        (record, records[index + 1] if index + 1 < len(records) else None)
        for index, record in enumerate(records[:limit])
    ]
    deltas = [_changed_fields(record, previous) for record, previous in pairs]
    names = _related_names(records, deltas)
    entries = []
    for (record, previous), changed in zip(pairs, deltas, strict=True):
        if record.history_type == "~" and not changed:
            continue  # a save that changed nothing traced
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=_author(record),
                type=str(HISTORY_TYPES.get(record.history_type, record.history_type)),
                type_code=record.history_type,
                changes=[
                    Change(
                        str(model_field.verbose_name),
                        _display(model_field, previous, names) if previous else EMPTY,
                        _display(model_field, record, names),
                    )
                    for model_field in changed
                ],
                reason=record.history_change_reason or "",
                record=record,
            )
        )
    return entries


def _changed_fields(record, previous) -> list[models.Field]:
    if record.history_type == "-":
        return []
    tracked = [f for f in record.instance_type._meta.fields if f.name in _tracked_names(record)]
    if previous is None:
        # A creation lists the values given, not the empty ones nor unset flags.
        return [
            f for f in tracked if not f.primary_key and _raw(record, f) not in (None, "", False)
        ]
    changed = set(record.diff_against(previous).changed_fields)
    return [f for f in tracked if f.name in changed]


def _tracked_names(record) -> set[str]:
    return {f.name for f in record.tracked_fields if f.editable}


def _raw(record, model_field: models.Field) -> Any:
    return getattr(record, model_field.attname)


def _related_names(records, deltas) -> dict[tuple[type, Any], str]:
    wanted: dict[Any, set[Any]] = {}
    for index, changed in enumerate(deltas):
        for model_field in changed:
            if model_field.is_relation and model_field.related_model is not None:
                ids = wanted.setdefault(model_field.related_model, set())
                for record in records[index : index + 2]:
                    if _raw(record, model_field) is not None:
                        ids.add(_raw(record, model_field))
    names = {}
    for related_model, ids in wanted.items():
        manager: Any = related_model._base_manager
        for related in manager.filter(pk__in=ids):
            names[(related_model, related.pk)] = str(related)
    return names


def _display(model_field: models.Field, record, names) -> str:
    value = _raw(record, model_field)
    if value is None or value == "":
        return EMPTY
    if model_field.is_relation:
        missing = _("élément supprimé n° %(pk)s") % {"pk": value}
        return names.get((model_field.related_model, value), missing)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(formats.localize(value))


def _author(record) -> str:
    user = record.history_user
    if user is None:
        return _("système")
    return getattr(user, "display_name", None) or str(user)


def restore_version(historical_record, user) -> models.Model:
    """Bring the object back to this version (back to life if deleted), as a change by `user`.

    Permission checks belong to the caller. Raises RestoreError when the version points to
    objects that no longer exist or clashes with another object (a unique value taken since).
    """
    if historical_record.history_type == "-":
        raise RestoreError(_("Choisissez une version antérieure à la suppression."))
    instance = historical_record.instance
    missing = _missing_relation(instance)
    if missing:
        raise RestoreError(
            _("Cette version fait référence à « %(field)s » qui n'existe plus.")
            % {"field": missing}
        )
    when = formats.date_format(
        timezone.localtime(historical_record.history_date), "SHORT_DATETIME_FORMAT"
    )
    instance._history_user = user
    instance._change_reason = _("Retour à la version du %(date)s") % {"date": when}
    # Update the row if it exists, insert it again otherwise (even with a default primary key).
    instance._state.adding = False
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise RestoreError(
            _("Cette version entre en conflit avec des données actuelles (une valeur unique ?).")
        ) from None
    del instance._history_user
    return instance


def _missing_relation(instance: models.Model) -> str:
    """The verbose name of a foreign key whose target is gone, or ""."""
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        related_model: Any = model_field.related_model
        if value is None or related_model is None or not model_field.is_relation:
            continue
        if not related_model._base_manager.filter(pk=value).exists():
            return str(model_field.verbose_name)
    return ""
