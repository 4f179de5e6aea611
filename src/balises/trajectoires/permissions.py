"""Who may see and change the records of a trajectory. Every view, API endpoint, export and
import goes through these helpers; the rules themselves are those of the space
(balises.espaces.permissions, docs/access-rules.md).

- an action, event, phase or leap is visible by its own visibility (``visible_to(user)``);
- a link between actions is visible iff both actions are; a link to an element iff its action is;
- 404 when a record is not visible (outsiders cannot tell it exists), 403 when it is visible
  but the user may not change it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from balises.espaces.models import Espace
from balises.espaces.permissions import (
    check_write as _check_write,
)
from balises.espaces.permissions import (
    get_visible_or_404 as _get,
)
from balises.espaces.permissions import (
    record_visibility_q,
)
from balises.trajectoires.models import (
    Action,
    ActionElement,
    Evenement,
    LienAction,
    Phase,
    SautSystemique,
)

if TYPE_CHECKING:
    from balises.espaces.permissions import AnyUser


def visible_actions(user: AnyUser, espace: Espace) -> QuerySet[Action]:
    return Action.objects.visible_to(user).filter(espace=espace)


def visible_liens(user: AnyUser, espace: Espace) -> QuerySet[LienAction]:
    """Links whose two ends the user may see."""
    return LienAction.objects.filter(
        record_visibility_q(user, "source__espace", "source__visibility"),
        record_visibility_q(user, "target__espace", "target__visibility"),
        source__espace=espace,
    )


def visible_action_elements(user: AnyUser, espace: Espace) -> QuerySet[ActionElement]:
    return ActionElement.objects.filter(
        record_visibility_q(user, "action__espace", "action__visibility"), action__espace=espace
    )


def get_action_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> Action:
    action = _get(
        visible_actions(request.user, espace).select_related("espace", "created_by"),
        pk,
        _("Aucune action à cette adresse."),
    )
    _check_write(request.user, espace, write)
    return action


def _get_space_record(
    model: type[Model], request: HttpRequest, espace: Espace, pk: Any, write: bool, message: str
) -> Any:
    manager: Any = model._default_manager
    record = _get(manager.visible_to(request.user).filter(espace=espace), pk, message)
    _check_write(request.user, espace, write)
    return record


def get_evenement_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> Evenement:
    message = _("Aucun événement à cette adresse.")
    return _get_space_record(Evenement, request, espace, pk, write, message)


def get_phase_for_user(request: HttpRequest, espace: Espace, pk: Any, write: bool = False) -> Phase:
    message = _("Aucune phase à cette adresse.")
    return _get_space_record(Phase, request, espace, pk, write, message)


def get_saut_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> SautSystemique:
    message = _("Aucun saut systémique à cette adresse.")
    return _get_space_record(SautSystemique, request, espace, pk, write, message)


def get_lien_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> LienAction:
    lien = _get(
        visible_liens(request.user, espace).select_related("source", "target"),
        pk,
        _("Aucun lien à cette adresse."),
    )
    _check_write(request.user, espace, write)
    return lien


def get_action_element_for_user(
    request: HttpRequest, espace: Espace, pk: Any, write: bool = False
) -> ActionElement:
    link = _get(
        visible_action_elements(request.user, espace).select_related("action", "element"),
        pk,
        _("Aucun lien vers un élément à cette adresse."),
    )
    _check_write(request.user, espace, write)
    return link


def deleted_action_history(espace: Espace) -> QuerySet:
    """Deletion records of this space's actions that have not come back since."""
    return (
        Action.history.filter(espace_id=espace.pk, history_type="-")
        .exclude(id__in=Action.objects.filter(espace=espace).values("pk"))
        .select_related("history_user")
        .order_by("-history_date")
    )


def get_element(user: AnyUser, pk: Any):
    """An element of a référentiel the user may read (all of them today), or None."""
    from balises.referentiels.models import Element
    from balises.referentiels.permissions import visible_to

    try:
        pk = int(str(pk))
    except ValueError:
        return None
    elements = Element.objects.filter(referentiel__in=visible_to(user), pk=pk)
    return elements.select_related("referentiel", "kind").first()
