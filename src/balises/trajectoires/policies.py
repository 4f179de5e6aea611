"""Who may see and change the records of a trajectory: one declared policy per model (see
``balises.espaces.policies``; the space rules are in docs/access-rules.md).

- an action, event, phase or leap is visible by its own visibility;
- a link between actions is visible when both its actions are; a link to an element when its
  action is;
- 404 when a record is not visible (outsiders cannot tell it exists), 403 when it is visible
  but the viewer's role may not change it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from balises.espaces.models import Espace
from balises.espaces.policies import SpacePolicy, register
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

ACTION = register(
    SpacePolicy(Action, _("Aucune action à cette adresse."), related=("espace", "created_by"))
)
EVENEMENT = register(SpacePolicy(Evenement, _("Aucun événement à cette adresse.")))
PHASE = register(SpacePolicy(Phase, _("Aucune phase à cette adresse.")))
SAUT = register(SpacePolicy(SautSystemique, _("Aucun saut systémique à cette adresse.")))
LIEN = register(
    SpacePolicy(
        LienAction,
        _("Aucun lien à cette adresse."),
        ends=("source__", "target__"),
        espace_path="source__espace",
        related=("source", "target"),
    )
)
ACTION_ELEMENT = register(
    SpacePolicy(
        ActionElement,
        _("Aucun lien vers un élément à cette adresse."),
        ends=("action__",),
        espace_path="action__espace",
        related=("action", "element"),
    )
)


def deleted_action_history(espace: Espace) -> QuerySet:
    """Deletion records of this space's actions that have not come back since (members only:
    the corbeille's views load the space with ``private=True``)."""
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
