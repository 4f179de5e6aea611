"""Discounting: what a future euro is worth today.

Convention, used by every calculation of the module (and by the SROI guide's value map):

- t = 0 is the base year: the year of the investment, or of the evaluation. An amount at t = 0
  is not discounted (factor 1).
- t = 1 is the first year after it; an amount of year t is divided by (1 + r) once per year
  from 1 to t. With a constant rate that is (1 + r)^t.
- A declining rate (Lebègue) gives the marginal rate of each year; the factor of year t is the
  product of 1 / (1 + r_k) for k = 1 … t, so that year 31 at 2 % after thirty years at 4 % is
  1 / (1.04^30 × 1.02): the rate of a year applies to that year only, never retroactively.

A rate is either a plain Decimal (0.035 for 3.5 %) or any object with `rate_for(t)`, such as a
parameter set of `parametres.py`. Rates are fractions here, percentages only in the data file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext as _

from .erreurs import ValeurError


class Echeancier(Protocol):
    """A discount rate that may change with the year offset t (t >= 1)."""

    def rate_for(self, t: int) -> Decimal: ...


Taux = Decimal | Echeancier


@dataclass(frozen=True)
class TauxDecale:
    """A rate schedule moved up or down by a number of points (for sensitivity tests).

    A rate never goes below zero: a negative discount rate is outside French practice.
    """

    base: Taux
    ecart: Decimal

    def rate_for(self, t: int) -> Decimal:
        return max(Decimal(0), rate_of(self.base, t) + self.ecart)


def rate_of(taux: Taux, t: int) -> Decimal:
    rate = taux if isinstance(taux, Decimal) else taux.rate_for(t)
    if rate < 0:
        raise ValeurError(_("Le taux d'actualisation ne peut pas être négatif."))
    return rate


def discount_factors(horizon: int, taux: Taux) -> list[Decimal]:
    """The factors of years t = 0 … horizon (the first is 1)."""
    if horizon < 0:
        raise ValeurError(_("L'horizon d'actualisation ne peut pas être négatif."))
    factors = [Decimal(1)]
    for t in range(1, horizon + 1):
        factors.append(factors[-1] / (1 + rate_of(taux, t)))
    return factors


def discount_factor(t: int, taux: Taux) -> Decimal:
    """The factor of year t: what one euro of year t is worth at t = 0."""
    if t < 0:
        raise ValeurError(_("Une année d'actualisation ne peut pas précéder l'année de base."))
    return discount_factors(t, taux)[-1]


def present_value(montants: Sequence[Decimal], taux: Taux, first_t: int = 1) -> Decimal:
    """Present value of a yearly stream whose first amount falls in year `first_t`.

    By default the stream starts at t = 1, one year after the base year.
    """
    if first_t < 0:
        raise ValeurError(_("Une année d'actualisation ne peut pas précéder l'année de base."))
    if not montants:
        return Decimal(0)
    factors = discount_factors(first_t + len(montants) - 1, taux)
    return sum(
        (montant * factors[first_t + index] for index, montant in enumerate(montants)), Decimal(0)
    )


def present_value_by_year(montants: Mapping[int, Decimal], taux: Taux) -> Decimal:
    """Present value of amounts keyed by their year offset t (t >= 0)."""
    if not montants:
        return Decimal(0)
    if min(montants) < 0:
        raise ValeurError(_("Une année d'actualisation ne peut pas précéder l'année de base."))
    factors = discount_factors(max(montants), taux)
    return sum((montant * factors[t] for t, montant in montants.items()), Decimal(0))


def net_present_value(investissement: Decimal, benefices: Sequence[Decimal], taux: Taux) -> Decimal:
    """NPV of an investment paid at t = 0 and yearly benefits from t = 1 on."""
    return present_value(benefices, taux) - investissement
