"""Who may see and change self-assessment campaigns. Every view, API endpoint and export goes
through these helpers (see docs/diagnostics.md, « Qui voit quoi »):

- the campaigns of a space, their respondents and results: its members, whatever their role;
- a campaign's results, for everyone else: only once the référent has published them (and the
  campaign is not in preparation); the respondents' names and justifications then stay
  private, only aggregated levels are public;
- a respondent's own answers: that respondent (a member signed in, or an outside person
  holding the secret link, which expires);
- creating and running a campaign, inviting and reopening answers: référents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from balises.diagnostics.models import Campagne, CampagneStatus, Repondant, hash_token
from balises.espaces.models import Espace
from balises.espaces.permissions import can_manage, can_read_private
from balises.trajectoires.models import Action

if TYPE_CHECKING:
    from balises.espaces.permissions import AnyUser


def visible_campagnes(user: AnyUser, espace: Espace) -> QuerySet[Campagne]:
    campagnes = Campagne.objects.filter(espace=espace)
    if can_read_private(user, espace):
        return campagnes
    return campagnes.filter(results_published=True).exclude(status=CampagneStatus.DRAFT)


def can_see_details(user: AnyUser, campagne: Campagne) -> bool:
    """Names, justifications and evidence of the answers: members only."""
    return can_read_private(user, campagne.espace)


def _pk(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise Http404(_("Aucune campagne à cette adresse.")) from None


def get_campagne_for_user(
    request: HttpRequest, espace: Espace, pk: Any, manage: bool = False
) -> Campagne:
    """A campaign of the space the user may see, or 404; 403 for a member who may not manage."""
    campagne = (
        visible_campagnes(request.user, espace)
        .select_related("referentiel", "espace__territoire")
        .filter(pk=_pk(pk))
        .first()
    )
    if campagne is None:
        raise Http404(_("Aucune campagne à cette adresse."))
    if manage and not can_manage(request.user, espace):
        raise PermissionDenied(_("Seuls les référents de l'espace peuvent faire cela."))
    return campagne


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
