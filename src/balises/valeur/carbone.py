"""Avoided emissions valued with a carbon value path, year by year.

Each year's tonnes are valued at that year's value of the chosen path (interpolated between
the path's anchors, see `parametres.py`), in the path's own euro year. The valuation is kept
apart from the budget amounts: it joins them only when both are in the same euro year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.translation import gettext as _

from .erreurs import ValeurError
from .monnaie import Montant, convert_euro_year
from .parametres import ValeurCarbone


@dataclass(frozen=True)
class LigneCarbone:
    annee: int
    tonnes: Decimal  # tCO2e avoided this year
    prix: Decimal  # value of one tonne this year, in euros of the path's year
    valeur: Decimal


@dataclass(frozen=True)
class ValorisationCarbone:
    cle: str  # key of the carbon path used
    annee_euro: int | None  # the path's euro year; None when the source does not give it
    lignes: tuple[LigneCarbone, ...]

    @property
    def tonnes(self) -> Decimal:
        return sum((ligne.tonnes for ligne in self.lignes), Decimal(0))

    @property
    def valeur(self) -> Decimal:
        """Undiscounted total; the values of one path share its euro year, so they add up."""
        return sum((ligne.valeur for ligne in self.lignes), Decimal(0))

    def by_year(self) -> dict[int, Decimal]:
        return {ligne.annee: ligne.valeur for ligne in self.lignes}

    def converted(self, annee_cible: int, coefficient: Decimal) -> ValorisationCarbone:
        """The same valuation in euros of `annee_cible` (see `monnaie.convert_euro_year`)."""
        lignes = []
        for ligne in self.lignes:
            prix = convert_euro_year(Montant(ligne.prix, self.annee_euro), annee_cible, coefficient)
            lignes.append(replace(ligne, prix=prix.valeur, valeur=ligne.tonnes * prix.valeur))
        return ValorisationCarbone(cle=self.cle, annee_euro=annee_cible, lignes=tuple(lignes))


def value_avoided_emissions(
    tonnes_par_annee: Mapping[int, Decimal], chemin: ValeurCarbone
) -> ValorisationCarbone:
    """Value each year's avoided tonnes with the path; a year outside the path is refused."""
    lignes = []
    for annee in sorted(tonnes_par_annee):
        tonnes = tonnes_par_annee[annee]
        if tonnes < 0:
            # Added emissions are a cost of the project, to be counted in its own path.
            raise ValeurError(
                _("Les émissions évitées de %(annee)s sont négatives.") % {"annee": annee}
            )
        prix = chemin.value_for(annee)
        lignes.append(LigneCarbone(annee=annee, tonnes=tonnes, prix=prix, valeur=tonnes * prix))
    return ValorisationCarbone(cle=chemin.key, annee_euro=chemin.euro_year, lignes=tuple(lignes))
