"""Who may see and change territory spaces and the records they hold: the one place where
leaks are prevented. Every view, API endpoint, export, search and background job goes through
these helpers and scopers. The rules are written out in docs/access-rules.md.

Summary:
- a space's public face (territory, status, member count, public records) is visible to all;
- its private side (private records, the member list) to its members, whatever their role;
- writing needs contributeur or référent; members and settings need référent;
- staff verify spaces and hand them over, but read private records only where they are members;
- role sources (``register_role_source``) let later features grant a role without an Adhesion,
  e.g. network facilitators (animateurs) over the spaces of their network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeAlias, TypeGuard

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from .models.espace import ROLE_RANK, Adhesion, Espace, Invitation, Role
from .models.visibility import Visibility

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from balises.core.models import User

    AnyUser: TypeAlias = User | AnonymousUser | None

# A role source answers, for a signed-in user, the roles it grants: (espace_id, role) pairs.
RoleSource = Callable[["User"], Iterable[tuple[int, str]]]
_role_sources: list[RoleSource] = []


def register_role_source(source: RoleSource) -> RoleSource:
    """Extension point: grant roles from elsewhere than Adhesion (e.g. network facilitators).

    The source is called with a signed-in user and returns (espace_id, role) pairs; the
    strongest role wins. Usable as a decorator; register at app ready() time.
    """
    if source not in _role_sources:
        _role_sources.append(source)
    return source


def unregister_role_source(source: RoleSource) -> None:
    if source in _role_sources:
        _role_sources.remove(source)


def _signed_in(user: AnyUser) -> TypeGuard[User]:
    return bool(user is not None and user.is_authenticated and user.is_active)


def roles_of(user: AnyUser) -> dict[int, str]:
    """Every space where this user holds a role, with the strongest role held."""
    if not _signed_in(user):
        return {}
    roles: dict[int, str] = dict(
        Adhesion.objects.filter(user=user).values_list("espace_id", "role")
    )
    for source in _role_sources:
        for espace_id, role in source(user):
            if ROLE_RANK.get(role, 0) > ROLE_RANK.get(roles.get(espace_id, ""), 0):
                roles[espace_id] = role
    return roles


def readable_espace_ids(user: AnyUser) -> set[int]:
    """Ids of the spaces whose PRIVATE records this user may read (member with any role)."""
    return set(roles_of(user))


def role_of(user: AnyUser, espace: Espace) -> str | None:
    """The user's role in this space (a ``Role`` value), or None."""
    if not _signed_in(user):
        return None
    if not _role_sources:
        return (
            Adhesion.objects.filter(user=user, espace_id=espace.pk)
            .values_list("role", flat=True)
            .first()
        )
    return roles_of(user).get(espace.pk)


def role_allows(role: str | None, minimum: Role) -> bool:
    """Whether a role (as returned by ``role_of``) is at least ``minimum``; for pages that
    compute the role once and derive every right from it."""
    return ROLE_RANK.get(role or "", 0) >= ROLE_RANK[minimum]


def _has_rank(user: AnyUser, espace: Espace, minimum: Role) -> bool:
    return role_allows(role_of(user, espace), minimum)


def can_read_private(user: AnyUser, espace: Espace) -> bool:
    return _has_rank(user, espace, Role.LECTEUR)


def can_write(user: AnyUser, espace: Espace) -> bool:
    return _has_rank(user, espace, Role.CONTRIBUTEUR)


def can_manage(user: AnyUser, espace: Espace) -> bool:
    return _has_rank(user, espace, Role.REFERENT)


def is_staff(user: AnyUser) -> bool:
    return _signed_in(user) and user.is_staff


def can_verify(user: AnyUser) -> bool:
    """Staff confirm spaces and hand them over; this gives no access to private records."""
    return is_staff(user)


# -- scopers -----------------------------------------------------------------------------


def visible_espaces_q(user: AnyUser) -> Q:
    """Spaces whose public face this user may see: all of them today.

    Every space shows its territory, status and public records to everyone, so that anyone
    can find who works on a territory. Restricting a space (e.g. unlisted demo spaces) is
    done here and nowhere else.
    """
    return Q()


def record_visibility_q(
    user: AnyUser, espace_field: str = "espace", field: str = "visibility"
) -> Q:
    """Records visible to this user: public to all, réseau to signed-in users, privé to members.

    ``espace_field`` is the lookup to the record's space ("espace", "action__espace", or "pk"
    on Espace itself); ``field`` is the visibility field.
    """
    query = Q(**{field: Visibility.PUBLIC})
    if _signed_in(user):
        query |= Q(**{field: Visibility.RESEAU})
        ids = readable_espace_ids(user)
        if ids:
            query |= Q(**{field: Visibility.PRIVE, f"{espace_field}__in": ids})
    return query


def can_see_record(user: AnyUser, espace: Espace, visibility: str) -> bool:
    """The same rule as ``record_visibility_q``, for one record already loaded."""
    if visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.RESEAU:
        return _signed_in(user)
    return can_read_private(user, espace)


# -- access helpers ----------------------------------------------------------------------


def get_espace_for_user(
    request: HttpRequest,
    slug: str,
    *,
    private: bool = False,
    write: bool = False,
    manage: bool = False,
) -> Espace:
    """Load a space for the request's user, or refuse.

    - Http404 when the space does not exist or is not visible, and when the user asks for its
      private side (``private``, ``write`` or ``manage``) without being a member: outsiders
      cannot tell what a space's private side holds.
    - PermissionDenied (403) for a member whose role is too weak to write or manage.
    """
    user = request.user
    espace = (
        Espace.objects.visible_to(user)
        .select_related("territoire", "verified_by")
        .filter(slug=slug)
        .first()
    )
    if espace is None:
        raise Http404(_("Aucun espace à cette adresse."))
    if private or write or manage:
        role = role_of(user, espace)
        if role is None:
            raise Http404(_("Aucun espace à cette adresse."))
        rank = ROLE_RANK[role]
        if manage and rank < ROLE_RANK[Role.REFERENT]:
            raise PermissionDenied(_("Seuls les référents de l'espace peuvent faire cela."))
        if write and rank < ROLE_RANK[Role.CONTRIBUTEUR]:
            raise PermissionDenied(_("Votre rôle dans cet espace ne permet que la lecture."))
    return espace


# -- rules predicates, for {% has_perm %} in templates; they call the functions above ------


@rules.predicate
def _pred_read_private(user, espace) -> bool:
    return espace is not None and can_read_private(user, espace)


@rules.predicate
def _pred_write(user, espace) -> bool:
    return espace is not None and can_write(user, espace)


@rules.predicate
def _pred_manage(user, espace) -> bool:
    return espace is not None and can_manage(user, espace)


@rules.predicate
def _pred_verify(user) -> bool:
    return can_verify(user)


rules.add_perm("espaces.read_private_espace", _pred_read_private)
rules.add_perm("espaces.write_espace", _pred_write)
rules.add_perm("espaces.manage_espace", _pred_manage)
rules.add_perm("espaces.verify_espace", _pred_verify)


def get_adhesion_or_404(espace: Espace, pk: int) -> Adhesion:
    """A membership of this space (the caller already holds the space through the helper)."""
    adhesion = espace.adhesions.select_related("user").filter(pk=pk).first()
    if adhesion is None:
        raise Http404(_("Ce membre n'existe pas dans cet espace."))
    return adhesion


def get_invitation_or_404(espace: Espace, pk: int) -> Invitation:
    invitation = espace.invitations.filter(pk=pk).first()
    if invitation is None:
        raise Http404(_("Cette invitation n'existe pas dans cet espace."))
    return invitation


# Loading one record of a space, for the apps that store them (trajectoires, cooperation…): the
# queryset passed in is already scoped with `visible_to`, so an invisible record is a 404.


def record_pk(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise Http404(_("Aucun élément à cette adresse.")) from None


def check_write(user: AnyUser, espace: Espace, write: bool) -> None:
    if write and not can_write(user, espace):
        raise PermissionDenied(_("Votre rôle dans cet espace ne permet que la lecture."))


def get_visible_or_404(queryset, pk: object, message: str):
    record = queryset.filter(pk=record_pk(pk)).first()
    if record is None:
        raise Http404(message)
    return record
