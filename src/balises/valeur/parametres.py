"""Named, dated and sourced parameter sets: discount rates and carbon value paths.

No figure of a method lives in the code: each comes from `data/parametres.yaml` (read and
validated by `parametres_yaml.py`), with the title and address of its source, its publication
date, the euro year of its values and whether our research read it in the source (`verified`)
or only found it commonly cited (`verified: false`, « à vérifier »).

Carbon paths are interpolated linearly between their anchors. A year outside the path is an
error, never extrapolated: before the first anchor or after the last one, the source says
nothing, and a flat or extended value would be ours, not theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any

from django.utils.translation import gettext as _

from .erreurs import ValeurError


class ParametreError(ValeurError):
    """The parameter file is malformed, or a parameter set asked for does not exist."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    published: str | None  # « 2013 », « 2013-09 » or « 2021-10-21 »; None when not recorded
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class JeuParametres:
    """What every parameter set states besides its values."""

    key: str
    label_fr: str
    label_en: str
    source: Source
    verified: bool
    note_fr: str
    note_en: str


@dataclass(frozen=True)
class TauxActualisation(JeuParametres):
    """A discount rate, possibly declining: (first year t, rate as a fraction) steps."""

    paliers: tuple[tuple[int, Decimal], ...]

    def rate_for(self, t: int) -> Decimal:
        """The marginal rate of year t (t >= 1): the last step starting at or before t."""
        rate = self.paliers[0][1]
        for start, value in self.paliers:
            if start <= t:
                rate = value
        return rate


@dataclass(frozen=True)
class ValeurCarbone(JeuParametres):
    """A carbon value path in euros of `euro_year` per tonne of CO2e, by calendar year."""

    euro_year: int | None
    anchors: tuple[tuple[int, Decimal], ...]

    @property
    def first_year(self) -> int:
        return self.anchors[0][0]

    @property
    def last_year(self) -> int:
        return self.anchors[-1][0]

    def value_for(self, year: int) -> Decimal:
        """The value of the year, interpolated linearly between the two anchors around it."""
        if not self.first_year <= year <= self.last_year:
            raise ParametreError(
                _(
                    "Le chemin de valeur du carbone « %(key)s » couvre %(debut)s à %(fin)s : "
                    "l'année %(annee)s n'y figure pas (aucune extrapolation)."
                )
                % {"key": self.key, "debut": self.first_year, "fin": self.last_year, "annee": year}
            )
        for (year0, value0), (year1, value1) in pairwise(self.anchors):
            if year0 <= year <= year1:
                return value0 + (value1 - value0) * Decimal(year - year0) / Decimal(year1 - year0)
        return self.anchors[-1][1]  # a path of one anchor


@dataclass(frozen=True)
class Parametres:
    taux: Mapping[str, TauxActualisation]
    carbone: Mapping[str, ValeurCarbone]

    def taux_actualisation(self, key: str) -> TauxActualisation:
        return _lookup(self.taux, key, _("Aucun taux d'actualisation"))

    def valeur_carbone(self, key: str) -> ValeurCarbone:
        return _lookup(self.carbone, key, _("Aucun chemin de valeur du carbone"))


def _lookup(sets: Mapping[str, Any], key: str, what: str) -> Any:
    if key not in sets:
        raise ParametreError(
            _("%(what)s ne porte la clé « %(key)s » (clés connues : %(known)s).")
            % {"what": what, "key": key, "known": ", ".join(sorted(sets))}
        )
    return sets[key]
