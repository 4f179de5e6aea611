"""Access to référentiels. They are public reference documents: everyone may read them all;
changing one is decided by `services.can_edit` (owners, never the built-in ones)."""

from django.http import Http404

from .models import Element, Referentiel, ReferentielQuerySet


def visible_to(user) -> ReferentielQuerySet:
    return Referentiel.objects.all()  # type: ignore[return-value]


def get_referentiel(slug: str, version: str | None = None, user=None) -> Referentiel | None:
    """One version of a référentiel, the latest when `version` is None."""
    versions = visible_to(user).filter(slug=slug)
    if version is None:
        return versions.latest_versions().first()
    return versions.filter(version=version).first()


def get_referentiel_or_404(slug: str, version: str | None, user) -> Referentiel:
    referentiel = get_referentiel(slug, version, user)
    if referentiel is None:
        raise Http404("référentiel introuvable")
    return referentiel


def get_element_or_404(referentiel: Referentiel, code: str) -> Element:
    element = (
        Element.objects.filter(referentiel=referentiel, code=code)
        .select_related("kind", "parent")
        .first()
    )
    if element is None:
        raise Http404("élément introuvable")
    return element
