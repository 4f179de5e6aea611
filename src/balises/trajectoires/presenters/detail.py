"""What the page of one action shows, read with a fixed number of queries."""

from __future__ import annotations

from django.http import HttpRequest

from balises.core.history import history_entries
from balises.espaces.models import Espace
from balises.referentiels.models import Element, Referentiel
from balises.trajectoires.forms import ElementLinkForm, LienForm, SourceForm
from balises.trajectoires.models import RECIT_SECTIONS, Action, Evenement, SautSystemique
from balises.trajectoires.policies import ACTION, ACTION_ELEMENT, LIEN
from balises.trajectoires.presenters.trajectory import time_warning

# The default picker: the kinds of the built-in référentiel an action most often illustrates.
DEFAULT_REFERENTIEL = "villes-pairs"
DEFAULT_KINDS = ("balise", "mode_de_faire", "dispositif")


def recit_sections(action: Action) -> list[tuple[str, str]]:
    return [
        (str(label), getattr(action, name))
        for name, label in RECIT_SECTIONS
        if getattr(action, name)
    ]


def element_choices(referentiel_slug: str | None) -> tuple[list, Referentiel | None]:
    """Choices grouped by kind: the default référentiel's balises, modes de faire and
    dispositifs, or every element of the référentiel asked for."""
    versions = Referentiel.objects.filter(slug=referentiel_slug or DEFAULT_REFERENTIEL)
    referentiel = versions.latest_versions().first()
    if referentiel is None:
        return [], None
    elements = Element.objects.filter(referentiel=referentiel).select_related("kind")
    if not referentiel_slug or referentiel_slug == DEFAULT_REFERENTIEL:
        elements = elements.filter(kind__code__in=DEFAULT_KINDS)
    groups: dict[str, list] = {}
    for element in elements.order_by("position"):
        groups.setdefault(element.kind.label, []).append(
            (element.pk, f"{element.code} — {element.label}")
        )
    return list(groups.items()), referentiel


def action_detail_context(
    request: HttpRequest, espace: Espace, action: Action, can_write: bool
) -> dict:
    user = request.user
    liens = LIEN.visible(user, espace).select_related("source", "target")
    sortants = list(liens.filter(source=action).order_by("kind", "target__title"))
    entrants = list(liens.filter(target=action).order_by("kind", "source__title"))
    # Both ends are loaded already: the check of time costs no query.
    warnings = {
        lien.pk: warning
        for lien in [*sortants, *entrants]
        if (warning := time_warning(lien.source, lien.target, lien.kind))
    }
    context = {
        "action": action,
        "recit": recit_sections(action),
        "sources": list(action.sources.all()),
        "evenements": list(
            Evenement.objects.visible_to(user).filter(espace=espace, actions=action)
        ),
        "sauts": list(
            SautSystemique.objects.visible_to(user).filter(espace=espace, actions=action)
        ),
        "liens_sortants": sortants,
        "liens_entrants": entrants,
        "link_warnings": warnings,
        "elements": list(
            ACTION_ELEMENT.visible(user, espace)
            .filter(action=action)
            .select_related("element__kind", "element__referentiel")
            .order_by("element__referentiel__slug", "element__position")
        ),
        "history": history_entries(action),
    }
    if can_write:
        targets = (
            ACTION.visible(user, espace).exclude(pk=action.pk).only("pk", "title").order_by("title")
        )
        choices, referentiel = element_choices(request.GET.get("referentiel"))
        context.update(
            lien_form=LienForm(targets=targets),
            element_form=ElementLinkForm(elements=choices),
            picker_referentiel=referentiel,
            referentiels=Referentiel.objects.latest_versions().order_by("title_fr"),
            source_form=SourceForm(),
        )
    return context
