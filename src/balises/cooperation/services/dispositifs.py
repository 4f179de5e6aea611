"""Clubs and collectives, their meetings, learning visits and reflexive sessions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from balises.cooperation.models import DISPOSITIF_CODES, Collectif, Reunion, TempsReflexif, Voyage
from balises.cooperation.services.common import check_visibility, with_author
from balises.espaces.models import Espace
from balises.referentiels.models import Element, Referentiel

REFERENTIEL_SLUG = "villes-pairs"
# Scalar fields and many-to-many fields each kind of record accepts.
FIELDS = {
    Collectif: (("name", "themes", "description", "visibility"), ("members",)),
    Voyage: (
        ("title", "territoire", "destination", "date", "learnt", "visibility"),
        ("participants", "actions"),
    ),
    TempsReflexif: (
        ("title", "date", "what_worked", "what_did_not", "decisions", "visibility"),
        ("participants", "actions", "balises"),
    ),
    Reunion: (("date", "subject", "notes"), ("participants",)),
}
KEYS = {Collectif: "collectif", Voyage: "voyage", TempsReflexif: "temps"}


def dispositif_element(key: str) -> Element | None:
    """The référentiel's dispositif for « collectif », « voyage », « temps » or « tableau » in
    the latest loaded version of Villes pairs, or None when it is not loaded."""
    code = DISPOSITIF_CODES[key]
    latest = Referentiel.objects.filter(slug=REFERENTIEL_SLUG).latest_versions()
    return Element.objects.filter(referentiel__in=latest, code=code).first()


def _check_members(espace: Espace, data: dict) -> None:
    for field in ("members", "participants", "actions"):
        if any(item.espace_id != espace.pk for item in data.get(field) or ()):
            raise ValidationError({field: _("Choisissez des éléments de cet espace.")})


@transaction.atomic
def save_record(model, espace: Espace, user, data: dict, instance=None):
    """Create or change a collective, visit or reflexive session (a meeting: ``save_reunion``)."""
    errors: dict = {}
    check_visibility(errors, data.get("visibility", espace.default_visibility))
    title_field = "name" if model is Collectif else "title"
    if not str(data.get(title_field, "")).strip():
        errors[title_field] = _("Ce champ est obligatoire.")
    if model is not Collectif and data.get("date") is None:
        errors["date"] = _("Indiquez la date.")
    if errors:
        raise ValidationError(errors)
    _check_members(espace, data)
    scalars, relations = FIELDS[model]
    record = instance or model(espace=espace, dispositif=dispositif_element(KEYS[model]))
    for field in scalars:
        if field in data:
            setattr(record, field, data[field])
    with_author(record, user).save()
    for field in relations:
        if field in data:
            getattr(record, field).set(data[field])
    return record


@transaction.atomic
def save_reunion(
    collectif: Collectif, user, data: dict, instance: Reunion | None = None
) -> Reunion:
    if data.get("date") is None or not str(data.get("subject", "")).strip():
        raise ValidationError(_("Indiquez la date et l'objet de la réunion."))
    _check_members(collectif.espace, data)
    reunion = instance or Reunion(collectif=collectif)
    for field in FIELDS[Reunion][0]:
        if field in data:
            setattr(reunion, field, data[field])
    with_author(reunion, user).save()
    if "participants" in data:
        reunion.participants.set(data["participants"])
    return reunion


def delete_record(record, user) -> None:
    with_author(record, user).delete()
