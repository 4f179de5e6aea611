"""Sample trajectories for the tests of the view pages (timeline, graph, coverage)."""

from __future__ import annotations

from datetime import date

from balises.espaces.models import Visibility
from balises.trajectoires.models import (
    Action,
    ActionElement,
    Evenement,
    LienAction,
    Phase,
    SautSystemique,
    Status,
)

PUBLIC_TITLE = "Chaufferie bois publique-7781"
RESEAU_TITLE = "Jardin partagé réseau-4410"
PRIVE_TITLE = "Régie agricole privée-9023"


def make_trajectory(espace) -> dict[str, Action]:
    """Three actions of each visibility, linked in a chain of influence public → réseau →
    privé → public2 (and public → public2), each link forward in time, with a phase, an event
    and a systemic leap."""

    def action(title, visibility, start, end=None, status=Status.REALISEE, themes=("energie",)):
        return Action.objects.create(
            espace=espace, title=title, visibility=visibility, start=start, end=end,
            status=status, themes=list(themes),
        )  # fmt: skip

    actions = {
        "public": action(PUBLIC_TITLE, Visibility.PUBLIC, date(2010, 3, 1), date(2012, 6, 1)),
        "reseau": action(RESEAU_TITLE, Visibility.RESEAU, date(2012, 1, 1), None, Status.EN_COURS),
        "prive": action(
            PRIVE_TITLE,
            Visibility.PRIVE,
            date(2014, 1, 1),
            date(2016, 1, 1),
            themes=("alimentation",),
        ),
        "public2": action("Maison du projet", Visibility.PUBLIC, date(2017, 5, 1)),
    }
    Action.objects.filter(pk=actions["prive"].pk).update(themes=["alimentation"])
    LienAction.objects.create(source=actions["public"], target=actions["reseau"], kind="entraine")
    LienAction.objects.create(source=actions["reseau"], target=actions["prive"], kind="entraine")
    # « public2 prolonge privé », « public2 s'appuie sur public »: both act on public2.
    LienAction.objects.create(source=actions["public2"], target=actions["prive"], kind="prolonge")
    LienAction.objects.create(
        source=actions["public2"], target=actions["public"], kind="s_appuie_sur"
    )
    Phase.objects.create(
        espace=espace, name="Les années pionnières", start=date(2009, 1, 1),
        end=date(2014, 12, 31), visibility=Visibility.PUBLIC,
    )  # fmt: skip
    Evenement.objects.create(
        espace=espace, title="Appel à projets régional", kind="appel_a_projets",
        date=date(2011, 9, 1), visibility=Visibility.PUBLIC,
    )  # fmt: skip
    Evenement.objects.create(
        espace=espace, title="Crise secrète-5521", kind="crise", date=date(2013, 2, 1),
        visibility=Visibility.PRIVE,
    )  # fmt: skip
    SautSystemique.objects.create(
        espace=espace, title="Passage à l'intercommunalité", date=date(2015, 1, 1),
        widened=["echelle"], visibility=Visibility.PUBLIC,
    )  # fmt: skip
    return actions


def link_to_element(action: Action, element, interpretation: bool = True) -> ActionElement:
    return ActionElement.objects.create(
        action=action, element=element, justification="Lecture des faits",
        is_interpretation=interpretation,
    )  # fmt: skip
