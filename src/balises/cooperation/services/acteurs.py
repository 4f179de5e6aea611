"""Actors: creation and change, duplicate suggestions, and merging two actors into one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from balises.cooperation.models import (
    LEVEL_RANK,
    Acteur,
    ActeurKind,
    Collectif,
    Contribution,
    Fusion,
    Participation,
    Reunion,
    TempsReflexif,
    Voyage,
)
from balises.cooperation.services.common import check_choice, check_visibility, with_author
from balises.core.text import fold
from balises.espaces.models import Espace

SIMILARITY_THRESHOLD = 85  # rapidfuzz token_sort_ratio, 0..100
ACTEUR_FIELDS = (
    "kind",
    "name",
    "organisation",
    "delegation",
    "parent",
    "is_group",
    "consent_public",
    "description",
    "user",
    "visibility",
)


def validate_acteur(espace: Espace, data: dict, instance: Acteur | None = None) -> dict:
    errors: dict = {}
    data = {**data, "name": " ".join(str(data.get("name", "")).split())}
    if not data["name"]:
        errors["name"] = _("Donnez un nom à cet acteur.")
    check_choice(errors, "kind", data.get("kind", ""), ActeurKind.values)
    check_visibility(errors, data.get("visibility", ""))
    parent = data.get("parent")
    if parent is not None:
        if parent.espace_id != espace.pk:
            errors["parent"] = _("Le service de rattachement doit être de cet espace.")
        elif instance is not None and _is_descendant(parent, instance):
            errors["parent"] = _(
                "Un service ne peut pas être rattaché à lui-même ni à un de ses sous-services."
            )
    if errors:
        raise ValidationError(errors)
    return data


def _is_descendant(candidate: Acteur, ancestor: Acteur) -> bool:
    seen = set()
    node: Acteur | None = candidate
    while node is not None and node.pk not in seen:
        if node.pk == ancestor.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


def create_acteur(espace: Espace, user, data: dict) -> Acteur:
    data = validate_acteur(espace, {"visibility": espace.default_visibility, **data})
    acteur = Acteur(espace=espace, **{f: data[f] for f in ACTEUR_FIELDS if f in data})
    acteur.folded_name = fold(acteur.name)
    with_author(acteur, user).save()
    return acteur


def update_acteur(acteur: Acteur, user, data: dict) -> Acteur:
    data = validate_acteur(acteur.espace, data, instance=acteur)
    for field in ACTEUR_FIELDS:
        if field in data:
            setattr(acteur, field, data[field])
    acteur.folded_name = fold(acteur.name)
    with_author(acteur, user).save()
    return acteur


def similar_acteurs(espace: Espace, name: str, exclude: int | None = None, limit: int = 5):
    """Actors of the space whose folded name is close to ``name``, closest first (one query)."""
    wanted = fold(name)
    if not wanted:
        return []
    rows = Acteur.objects.filter(espace=espace).exclude(pk=exclude).values_list("pk", "folded_name")
    scored = []
    for pk, folded in rows:
        score = 100.0 if folded == wanted else fuzz.token_sort_ratio(folded, wanted)
        if score >= SIMILARITY_THRESHOLD:
            scored.append((-score, pk))
    ids = [pk for _score, pk in sorted(scored)[:limit]]
    found = Acteur.objects.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


@transaction.atomic
def merge_actors(keep: Acteur, absorb: Acteur, user) -> Acteur:
    """Move everything of ``absorb`` onto ``keep``, then delete ``absorb``.

    Participations, contributions, memberships, sub-services and earlier merges follow; a
    participation ``keep`` already has in the same role keeps the higher level. Every moved
    record gets a history entry by ``user``; ``absorb``'s own history stays readable through
    its ``Fusion`` row.
    """
    if keep.pk == absorb.pk:
        raise ValidationError(_("Choisissez deux acteurs différents."))
    if keep.espace_id != absorb.espace_id:
        raise ValidationError(_("Seuls deux acteurs du même espace peuvent être fusionnés."))
    reason = _("Fusion de « %(name)s » dans « %(keep)s »") % {"name": absorb, "keep": keep}
    _move_participations(keep, absorb, user, reason)
    for contribution in Contribution.objects.filter(acteur=absorb):
        contribution.acteur = keep
        with_author(contribution, user, reason).save()
    for child in Acteur.objects.filter(parent=absorb).exclude(pk=keep.pk):
        child.parent = keep
        with_author(child, user, reason).save()
    for model, field in (
        (Collectif, "members"),
        (Reunion, "participants"),
        (Voyage, "participants"),
        (TempsReflexif, "participants"),
    ):
        for record in model.objects.filter(**{field: absorb}):
            with_author(record, user, reason)
            getattr(record, field).add(keep)
            getattr(record, field).remove(absorb)
    _complete(keep, absorb)
    if keep.parent_id == absorb.pk:
        keep.parent = absorb.parent if absorb.parent_id != keep.pk else None
    keep.folded_name = fold(keep.name)
    with_author(keep, user, reason).save()
    Fusion.objects.filter(acteur=absorb).update(acteur=keep)
    Fusion.objects.create(
        acteur=keep, absorbed_id=absorb.pk, absorbed_name=absorb.name, merged_by=user
    )
    with_author(absorb, user, reason).delete()
    return keep


def _move_participations(keep: Acteur, absorb: Acteur, user, reason: str) -> None:
    existing = {(p.action_id, p.role): p for p in Participation.objects.filter(acteur=keep)}
    for participation in Participation.objects.filter(acteur=absorb):
        twin = existing.get((participation.action_id, participation.role))
        if twin is None:
            participation.acteur = keep
            with_author(participation, user, reason).save()
            continue
        if LEVEL_RANK[participation.level] > LEVEL_RANK[twin.level]:
            twin.level = participation.level
            twin.since = participation.since or twin.since
            with_author(twin, user, reason).save()
        with_author(participation, user, reason).delete()


def _complete(keep: Acteur, absorb: Acteur) -> None:
    """Fill what ``keep`` leaves empty with what ``absorb`` knew."""
    for field in ("organisation", "delegation", "description"):
        if not getattr(keep, field) and getattr(absorb, field):
            setattr(keep, field, getattr(absorb, field))
    if keep.user_id is None and absorb.user_id is not None:
        keep.user_id = absorb.user_id
    if keep.parent_id is None and absorb.parent_id not in (None, keep.pk):
        keep.parent_id = absorb.parent_id


def delete_acteur(acteur: Acteur, user) -> None:
    with_author(acteur, user).delete()
