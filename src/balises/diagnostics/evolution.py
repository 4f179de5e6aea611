"""Maturity over time: the consensus of each element and the mean of each theme, campaign
after campaign, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from balises.diagnostics import scoring
from balises.diagnostics.models import Campagne, CampagneStatus
from balises.diagnostics.policies import CAMPAGNE
from balises.diagnostics.results import consensus_by_key
from balises.espaces.models import Espace
from balises.referentiels.models import Element


@dataclass
class Line:
    element: Element
    values: list[float | None]


@dataclass
class Theme:
    element: Element | None
    values: list[float | None]
    balises: list[Line]


@dataclass
class Evolution:
    campagnes: list[Campagne]
    themes: list[Theme]


def maturity_over_time(user, espace: Espace) -> Evolution:
    """Campaigns in date order; elements are matched across référentiel versions by key and
    drawn with the latest campaign's wording."""
    campagnes = list(
        CAMPAGNE.visible(user, espace)
        .exclude(status=CampagneStatus.DRAFT)
        .select_related("referentiel")
        .order_by("starts_on", "pk")
    )
    if not campagnes:
        return Evolution([], [])
    by_campaign = consensus_by_key([c.pk for c in campagnes])
    latest = campagnes[-1]
    elements = list(latest.elements.select_related("parent").order_by("position"))
    themes: dict[int | None, Theme] = {}
    for element in elements:
        values = [by_campaign.get(c.pk, {}).get(element.key) for c in campagnes]
        theme = themes.setdefault(element.parent_id, Theme(element.parent, [], []))
        theme.balises.append(Line(element, values))
    for theme in themes.values():
        theme.values = [
            scoring.mean(line.values[index] for line in theme.balises)
            for index in range(len(campagnes))
        ]
    return Evolution(campagnes, list(themes.values()))
