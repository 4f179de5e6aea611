"""Links between actions, from actions to référentiel elements, and sources of actions.

The caller loads every action through the access policies (balises.trajectoires.policies),
so an action the user cannot see never reaches these functions.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from balises.referentiels.models import Element
from balises.trajectoires.models import Action, ActionElement, LienAction, LinkKind, Source
from balises.trajectoires.services.common import check_choice, raise_if


@transaction.atomic
def link_actions(user, source: Action, target: Action, kind: str, note: str = "") -> LienAction:
    errors: dict = {}
    check_choice(errors, "kind", kind, LinkKind.values)
    if source.pk == target.pk:
        errors.setdefault("target", []).append(
            _(
                "Une action ne peut pas être liée à elle-même (une boucle entre plusieurs "
                "actions, elle, est permise)."
            )
        )
    elif source.espace_id != target.espace_id:
        errors.setdefault("target", []).append(
            _("Les deux actions doivent appartenir au même espace.")
        )
    elif LienAction.objects.filter(source=source, target=target, kind=kind).exists():
        errors.setdefault("target", []).append(_("Ce lien existe déjà entre ces deux actions."))
    raise_if(errors)
    lien = LienAction(source=source, target=target, kind=kind, note=(note or "").strip())
    lien.created_by = user
    lien._history_user = user  # type: ignore[attr-defined]
    lien.save()
    return lien


def unlink_actions(user, lien: LienAction) -> None:
    lien._history_user = user  # type: ignore[attr-defined]
    lien.delete()


@transaction.atomic
def link_element(
    user, action: Action, element: Element, justification: str = "", is_interpretation=False
) -> ActionElement:
    if ActionElement.objects.filter(action=action, element=element).exists():
        raise ValidationError({"element": [_("Cette action illustre déjà cet élément.")]})
    link = ActionElement(
        action=action,
        element=element,
        justification=(justification or "").strip(),
        is_interpretation=bool(is_interpretation),
    )
    link._history_user = user  # type: ignore[attr-defined]
    link.save()
    return link


def unlink_element(user, link: ActionElement) -> None:
    link._history_user = user  # type: ignore[attr-defined]
    link.delete()


@transaction.atomic
def attach_source(
    user, action: Action, url: str, title: str, published: date | None = None
) -> Source:
    """Attach a source to the action; the same address in the same space is one source."""
    url, title = (url or "").strip(), (title or "").strip()
    errors: dict = {}
    if not url.startswith(("http://", "https://")):
        errors["url"] = [_("L'adresse d'une source commence par http:// ou https://.")]
    if not title:
        errors["title"] = [_("Donnez un titre à la source.")]
    raise_if(errors)
    source = Source.objects.filter(espace_id=action.espace_id, url=url).first()
    if source is None:
        source = Source(espace_id=action.espace_id, url=url)
    source.title = title[:300]
    if published is not None:
        source.published = published
    source._history_user = user  # type: ignore[attr-defined]
    source.full_clean(exclude=["espace"], validate_unique=False)
    source.save()
    action._history_user = user  # type: ignore[attr-defined]
    action.sources.add(source)
    return source


def detach_source(user, action: Action, source: Source) -> None:
    action._history_user = user  # type: ignore[attr-defined]
    action.sources.remove(source)
