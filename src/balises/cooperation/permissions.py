"""Who may see and change cooperation records. The rules are those of the space
(balises.espaces.permissions, docs/access-rules.md):

- an actor, collective, visit or reflexive session is visible by its own visibility;
- a participation or contribution is visible when both its actor and its action are;
- a meeting is visible with its collective;
- an habitant who did not consent is named « Habitant·e » to non-members (``Acteur.name_for``);
- 404 when a record is not visible, 403 when it is visible but the user may not change it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from balises.cooperation.models import (
    Acteur,
    Collectif,
    Contribution,
    Participation,
    Reunion,
    TempsReflexif,
    Voyage,
)
from balises.espaces.models import Espace
from balises.espaces.permissions import (
    check_write as _check_write,
)
from balises.espaces.permissions import (
    get_visible_or_404 as _get,
)
from balises.espaces.permissions import (
    readable_espace_ids,
    record_visibility_q,
)

if TYPE_CHECKING:
    from balises.espaces.permissions import AnyUser


def _member(user: AnyUser, espace: Espace) -> bool:
    return espace.pk in readable_espace_ids(user)


def visible_acteurs(user: AnyUser, espace: Espace) -> QuerySet[Acteur]:
    return Acteur.objects.visible_to(user).filter(espace=espace)


def _links(model: Any, user: AnyUser, espace: Espace) -> QuerySet:
    # Members see every record of their space whatever its visibility: the same answer as
    # the visibility rule, without its OR conditions on two joined tables (big dashboards).
    scoped = model.objects.filter(acteur__espace=espace, action__espace=espace)
    if _member(user, espace):
        return scoped
    return scoped.filter(
        record_visibility_q(user, "acteur__espace", "acteur__visibility"),
        record_visibility_q(user, "action__espace", "action__visibility"),
    )


def visible_participations(user: AnyUser, espace: Espace) -> QuerySet[Participation]:
    return _links(Participation, user, espace)


def visible_contributions(user: AnyUser, espace: Espace) -> QuerySet[Contribution]:
    return _links(Contribution, user, espace)


def visible_records(model: type[Model], user: AnyUser, espace: Espace) -> QuerySet:
    manager: Any = model._default_manager
    return manager.visible_to(user).filter(espace=espace)


def get_acteur_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> Acteur:
    acteur = _get(
        visible_acteurs(request.user, espace).select_related("parent", "user"),
        pk,
        _("Aucun acteur à cette adresse."),
    )
    _check_write(request.user, espace, write)
    return acteur


def get_participation_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> Participation:
    record = _get(
        visible_participations(request.user, espace).select_related("acteur", "action"),
        pk,
        _("Aucune participation à cette adresse."),
    )
    _check_write(request.user, espace, write)
    return record


def get_contribution_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> Contribution:
    record = _get(
        visible_contributions(request.user, espace).select_related("acteur", "action"),
        pk,
        _("Aucune contribution à cette adresse."),
    )
    _check_write(request.user, espace, write)
    return record


RECORD_MESSAGES: dict[type, Any] = {
    Collectif: _("Aucun club ou collectif à cette adresse."),
    Voyage: _("Aucun voyage à cette adresse."),
    TempsReflexif: _("Aucun temps réflexif à cette adresse."),
}


def get_record_for_user(
    model: type[Model], request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> Any:
    """A collective, visit or reflexive session of this space."""
    message = str(RECORD_MESSAGES.get(model, _("Aucun élément à cette adresse.")))
    record = _get(visible_records(model, request.user, espace), pk, message)
    _check_write(request.user, espace, write)
    return record


def get_reunion_for_user(
    request: HttpRequest, collectif: Collectif, pk: Any, write: bool = False
) -> Reunion:
    """A meeting of a collective the caller already loaded through ``get_record_for_user``."""
    reunion = _get(collectif.reunions.all(), pk, _("Aucune réunion à cette adresse."))
    _check_write(request.user, collectif.espace, write)
    return reunion
