"""Amounts in euros of a stated year (« euros 2018 », « euros 2022 »).

A euro of 2018 and a euro of 2022 do not buy the same thing, and the carbon values of France
Stratégie are given in the euros of one year. So every amount here carries its euro year, and
combining two years is refused unless one amount was converted first with `convert_euro_year`,
whose coefficient (a ratio of price indices) the caller states and takes responsibility for:
this module ships no price index.

An unknown euro year (None) is allowed, because some sources do not state it; such an amount
can be shown, but never combined with another.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .erreurs import AnneeEuroError, ValeurError


@dataclass(frozen=True)
class Montant:
    """An amount in euros of `annee_euro` (None when the source does not say which year)."""

    valeur: Decimal
    annee_euro: int | None

    def __add__(self, other: Montant) -> Montant:
        return Montant(self.valeur + other.valeur, common_euro_year([self, other]))

    def __sub__(self, other: Montant) -> Montant:
        return Montant(self.valeur - other.valeur, common_euro_year([self, other]))

    def scaled(self, factor: Decimal) -> Montant:
        """The amount multiplied by a pure number (a quantity, a discount factor)."""
        return Montant(self.valeur * factor, self.annee_euro)


def describe_euro_year(annee_euro: int | None) -> str:
    if annee_euro is None:
        return _("euros d'une année inconnue (à vérifier)")
    return _("euros %(annee)s") % {"annee": annee_euro}


def common_euro_year(montants: Iterable[Montant]) -> int | None:
    """The one euro year shared by the amounts; refuses a mix, and refuses unknown years.

    Two amounts of unknown year are refused too: nothing says the two unknowns are the same.
    A single amount, or none, gives its own year (or None).
    """
    montants = list(montants)
    if len(montants) <= 1:
        return montants[0].annee_euro if montants else None
    years = {montant.annee_euro for montant in montants}
    if None in years:
        raise AnneeEuroError(
            _(
                "Un montant est exprimé en euros d'une année inconnue : il ne peut pas être "
                "combiné avec d'autres montants."
            )
        )
    if len(years) > 1:
        raise AnneeEuroError(
            _(
                "Des montants en euros de plusieurs années (%(annees)s) ne s'additionnent pas : "
                "convertissez-les d'abord dans une même année."
            )
            % {"annees": ", ".join(str(year) for year in sorted(years))}  # type: ignore[type-var]
        )
    return years.pop()


def sum_montants(montants: Iterable[Montant], annee_euro: int | None = None) -> Montant:
    """The sum of amounts of one euro year; an empty sum is zero in `annee_euro`."""
    montants = list(montants)
    if not montants:
        return Montant(Decimal(0), annee_euro)
    year = common_euro_year(montants)
    if annee_euro is not None and year != annee_euro:
        raise AnneeEuroError(
            _("Les montants sont en %(trouve)s, %(attendu)s étaient attendus.")
            % {"trouve": describe_euro_year(year), "attendu": describe_euro_year(annee_euro)}
        )
    return Montant(sum((montant.valeur for montant in montants), Decimal(0)), year)


def convert_euro_year(montant: Montant, annee_cible: int, coefficient: Decimal) -> Montant:
    """The amount in euros of `annee_cible`, given coefficient = index(cible) / index(origine).

    The coefficient comes from a price index the caller chooses and cites (for instance the
    consumer price index of INSEE); it is never guessed here.
    """
    if montant.annee_euro is None:
        raise AnneeEuroError(
            _("On ne peut pas convertir un montant dont l'année des euros est inconnue.")
        )
    if coefficient <= 0:
        raise ValeurError(_("Le coefficient de conversion doit être strictement positif."))
    return Montant(montant.valeur * coefficient, annee_cible)
