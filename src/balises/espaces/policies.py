"""Declared access policies: one per model of a space's records, the one place that says who
may see and change it.

A policy names the records whose visibility decides (its *ends*): the record itself for an
action or an actor; both actions for a link between actions (« a link is visible when both its
ends are »); the action and the actor for a contribution; the collective for a meeting. From
that one declaration it gives:

- ``visible(user, espace)``: the queryset this user may read (all of a space's records for its
  members, without the visibility conditions: the same answer, cheaper on large spaces);
- ``scope(queryset, user)``: the same rule applied to any queryset of the model (managers'
  ``visible_to`` delegate here);
- ``get(request, espace, pk, write=…, manage=…)``: one record or 404 when it is not visible
  (outsiders cannot tell it exists), then 403 when the viewer's role is too weak;
- ``can_read(user, record)`` and ``can_change(user, record)`` for a record already loaded.

Apps declare their policies in their ``policies.py`` with ``register``; the space rules
themselves (roles, visibilities) live in ``balises.espaces.permissions``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Espace, Role
from .permissions import (
    can_see_record,
    readable_espace_ids,
    record_pk,
    record_visibility_q,
    role_allows,
    role_of,
)

if TYPE_CHECKING:
    from .permissions import AnyUser

READ_ONLY = _("Votre rôle dans cet espace ne permet que la lecture.")
MANAGERS_ONLY = _("Seuls les référents de l'espace peuvent faire cela.")


@dataclass(frozen=True)
class SpacePolicy:
    """Who may see and change the records of one model kept in spaces.

    ``ends`` are the lookup prefixes of the records whose visibility decides ("" for the record
    itself, "source__" and "target__" for a link…); each end has an ``espace`` and a
    ``visibility`` field. ``espace_path`` leads from the record to the space it belongs to.
    ``write_role`` is the weakest role that may change it.
    """

    model: type[Model]
    not_found: str | Promise
    ends: tuple[str, ...] = ("",)
    espace_path: str = "espace"
    related: tuple[str, ...] = ()
    write_role: Role = Role.CONTRIBUTEUR

    # -- querysets --------------------------------------------------------------------------

    def rule(self, user: AnyUser) -> Q:
        """The visibility condition, every end visible to ``user``."""
        condition = Q()
        for end in self.ends:
            condition &= record_visibility_q(user, f"{end}espace", f"{end}visibility")
        return condition

    def scope(self, queryset: QuerySet, user: AnyUser) -> QuerySet:
        return queryset.filter(self.rule(user))

    def in_space(self, espace: Espace | int) -> QuerySet:
        """Every record of the space, visible or not: for the policy's own use and services."""
        manager: Any = self.model._default_manager
        # Every end in this space too: a record never shows another space's records to the
        # members of this one.
        space = {f"{end}espace": espace for end in self.ends}
        return manager.filter(**{**space, self.espace_path: espace})

    def visible(self, user: AnyUser, espace: Espace) -> QuerySet:
        records = self.in_space(espace)
        if espace.pk in readable_espace_ids(user):
            # Members read every record of their space whatever its visibility: the same
            # answer as the rule, without its OR conditions on joined tables.
            return records
        return self.scope(records, user)

    # -- one record -------------------------------------------------------------------------

    def get(
        self,
        request: HttpRequest,
        espace: Espace,
        pk: object,
        *,
        write: bool = False,
        manage: bool = False,
    ) -> Any:
        records = self.visible(request.user, espace)
        if self.related:
            records = records.select_related(*self.related)
        record = records.filter(pk=record_pk(pk)).first()
        if record is None:
            raise Http404(self.not_found)
        self.check_role(request.user, espace, write=write, manage=manage)
        return record

    def check_role(self, user: AnyUser, espace: Espace, *, write: bool, manage: bool) -> None:
        if not (write or manage):
            return
        role = role_of(user, espace)
        if manage and not role_allows(role, Role.REFERENT):
            raise PermissionDenied(MANAGERS_ONLY)
        if write and not role_allows(role, self.write_role):
            raise PermissionDenied(MANAGERS_ONLY if self.write_role == Role.REFERENT else READ_ONLY)

    def espace_of(self, record: Model) -> Espace:
        value: Any = record
        for part in self.espace_path.split("__"):
            value = getattr(value, part)
        return value

    def can_read(self, user: AnyUser, record: Model) -> bool:
        for end in self.ends:
            target: Any = record
            for part in filter(None, end.split("__")):
                target = getattr(target, part)
            if not can_see_record(user, target.espace, target.visibility):
                return False
        return True

    def can_change(self, user: AnyUser, record: Model) -> bool:
        return self.can_read(user, record) and role_allows(
            role_of(user, self.espace_of(record)), self.write_role
        )


_policies: dict[type[Model], SpacePolicy] = {}


def register(policy: SpacePolicy) -> SpacePolicy:
    """Declare the policy of a model (at import of the app's ``policies`` module)."""
    _policies[policy.model] = policy
    return policy


def policy_for(model: type[Model]) -> SpacePolicy:
    """The declared policy of a model; a model of space records without one is a bug."""
    for klass in model.__mro__:
        if klass in _policies:
            return _policies[klass]
    raise LookupError(f"Aucune politique d'accès déclarée pour {model.__name__}.")


def declared_policies() -> dict[type[Model], SpacePolicy]:
    return dict(_policies)
