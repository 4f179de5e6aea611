"""Who may see and change cooperation records: one declared policy per model (see
``balises.espaces.policies``; the space rules are in docs/access-rules.md).

- an actor, collective, visit or reflexive session is visible by its own visibility;
- a participation or contribution is visible when both its actor and its action are;
- a meeting is visible with its collective;
- an habitant who did not consent is named « Habitant·e » to non-members (``Acteur.name_for``);
- 404 when a record is not visible, 403 when it is visible but the viewer may not change it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from balises.cooperation.models import (
    Acteur,
    Collectif,
    Contribution,
    Participation,
    Reunion,
    TempsReflexif,
    Voyage,
)
from balises.espaces.policies import SpacePolicy, register

ACTEUR = register(
    SpacePolicy(Acteur, _("Aucun acteur à cette adresse."), related=("parent", "user"))
)
PARTICIPATION = register(
    SpacePolicy(
        Participation,
        _("Aucune participation à cette adresse."),
        ends=("acteur__", "action__"),
        espace_path="acteur__espace",
        related=("acteur", "action"),
    )
)
CONTRIBUTION = register(
    SpacePolicy(
        Contribution,
        _("Aucune contribution à cette adresse."),
        ends=("acteur__", "action__"),
        espace_path="acteur__espace",
        related=("acteur", "action"),
    )
)
COLLECTIF = register(SpacePolicy(Collectif, _("Aucun club ou collectif à cette adresse.")))
VOYAGE = register(SpacePolicy(Voyage, _("Aucun voyage à cette adresse.")))
TEMPS = register(SpacePolicy(TempsReflexif, _("Aucun temps réflexif à cette adresse.")))
REUNION = register(
    SpacePolicy(
        Reunion,
        _("Aucune réunion à cette adresse."),
        ends=("collectif__",),
        espace_path="collectif__espace",
    )
)

DISPOSITIFS = {Collectif: COLLECTIF, Voyage: VOYAGE, TempsReflexif: TEMPS}
