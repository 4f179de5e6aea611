"""Who may see and change self-assessment campaigns: the declared policy of campaigns (see
``balises.espaces.policies``) and the helpers of respondents. Every view, API endpoint and
export goes through them (see docs/diagnostics.md, « Qui voit quoi »):

- the campaigns of a space, their respondents and results: its members, whatever their role;
- a campaign's results, for everyone else: only once the référent has published them (and the
  campaign is not in preparation); the respondents' names and justifications then stay
  private, only aggregated levels are public;
- a respondent's own answers: that respondent (a member signed in, or an outside person
  holding the secret link, which expires);
- creating and running a campaign, inviting and reopening answers: référents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from balises.diagnostics.models import Campagne, CampagneStatus, Repondant, hash_token
from balises.espaces.models import Espace, Role
from balises.espaces.permissions import can_read_private, readable_espace_ids
from balises.espaces.policies import SpacePolicy, register
from balises.trajectoires.models import Action

if TYPE_CHECKING:
    from balises.espaces.permissions import AnyUser


@dataclass(frozen=True)
class CampagnePolicy(SpacePolicy):
    """A campaign has no visibility field: members see all of their space's campaigns; everyone
    else, only those whose results the référents published (and that are not in preparation).
    Changing a campaign is for référents."""

    def rule(self, user: AnyUser) -> Q:
        published = Q(results_published=True) & ~Q(status=CampagneStatus.DRAFT)
        members = readable_espace_ids(user)
        return published | Q(espace__in=members) if members else published

    def in_space(self, espace: Espace | int) -> QuerySet:
        return Campagne.objects.filter(espace=espace)

    def can_read(self, user: AnyUser, record: Model) -> bool:
        campagne = cast(Campagne, record)
        published = campagne.results_published and campagne.status != CampagneStatus.DRAFT
        return published or can_read_private(user, campagne.espace)


CAMPAGNE = register(
    CampagnePolicy(
        Campagne,
        _("Aucune campagne à cette adresse."),
        ends=(),
        related=("referentiel", "espace__territoire"),
        write_role=Role.REFERENT,
    )
)


def can_see_details(user: AnyUser, campagne: Campagne) -> bool:
    """Names, justifications and evidence of the answers: members only."""
    return can_read_private(user, campagne.espace)


def _pk(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise Http404(_("Aucune campagne à cette adresse.")) from None


def get_own_repondant(request: HttpRequest, campagne: Campagne) -> Repondant:
    """The signed-in member's own place among the respondents, or 404."""
    repondant = None
    if request.user.is_authenticated:
        repondant = campagne.repondants.filter(user=request.user).first()
    if repondant is None:
        raise Http404(_("Vous n'êtes pas répondant de cette campagne."))
    repondant.campagne = campagne
    return repondant


def get_repondant_for_manager(campagne: Campagne, pk: Any) -> Repondant:
    repondant = campagne.repondants.filter(pk=_pk(pk)).first()
    if repondant is None:
        raise Http404(_("Ce répondant n'existe pas dans cette campagne."))
    repondant.campagne = campagne
    return repondant


def find_repondant_by_token(token: str) -> Repondant | None:
    """The outside respondent holding this secret link (expired or not), or None."""
    return (
        Repondant.objects.select_related("campagne__referentiel", "campagne__espace__territoire")
        .filter(token_digest=hash_token(token), user__isnull=True)
        .first()
    )


def evidence_actions(repondant: Repondant) -> QuerySet[Action]:
    """Actions a respondent may point to: those of the space they can see (public ones for an
    outside respondent, who has no account)."""
    return Action.objects.visible_to(repondant.user).filter(espace_id=repondant.campagne.espace_id)
