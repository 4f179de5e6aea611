"""SROI value map (Cabinet Office guide, 2009, stages 4 and 5), as read in our research notes.

For each outcome (`Effet`):

- impact = quantity × financial proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution),
  the three deductions applied one after the other;
- the outcome lasts `duree` years, starting in year `debut` (1 = during the activity, 2 = the
  year after, as in the value map's « outcome start » column);
- drop-off starts in the outcome's second year: the value of its k-th year is
  impact × (1 − drop-off)^(k − 1).

The investment (value of inputs) is paid at t = 0 and not discounted; the value of year t is
discounted t times (`actualisation.py`). Then PV = Σ discounted values, NPV = PV − investment,
ratio = PV / investment, net ratio = NPV / investment. With no investment there is no ratio:
the result says why instead of dividing by zero.

Payback year: the first year t from which the cumulative discounted value stays at or above the
investment. This is our reading (the guide's own payback formula was not read in our sources).

Shares (deadweight, displacement, attribution, drop-off) are fractions from 0 to 1. A proxy may
be negative: an outcome that harms a stakeholder is counted, not left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .actualisation import Taux, discount_factors
from .erreurs import ValeurError

# Read lazily: the labels are looked up in the language of the message, not at import.
SHARES = {
    "aubaine": gettext_lazy("d'aubaine"),
    "deplacement": gettext_lazy("de déplacement"),
    "attribution": gettext_lazy("d'attribution"),
    "erosion": gettext_lazy("d'érosion"),
}


@dataclass(frozen=True)
class Effet:
    """One outcome of the value map."""

    libelle: str
    quantite: Decimal  # how many units of change (people, households, tonnes…)
    proxy: Decimal  # euros per unit of change
    duree: int  # years the outcome lasts
    debut: int = 1  # 1 = during the activity, 2 = the year after
    aubaine: Decimal = Decimal(0)  # deadweight: would have happened anyway
    deplacement: Decimal = Decimal(0)  # displacement: moved from elsewhere
    attribution: Decimal = Decimal(0)  # share owed to others' contribution
    erosion: Decimal = Decimal(0)  # drop-off: yearly decline from the second year
    partie_prenante: str = ""  # stakeholder

    def __post_init__(self) -> None:
        if self.quantite < 0:
            raise ValeurError(
                _("La quantité de « %(effet)s » ne peut pas être négative.")
                % {"effet": self.libelle}
            )
        if self.duree < 1:
            raise ValeurError(
                _("La durée de « %(effet)s » est d'au moins un an.") % {"effet": self.libelle}
            )
        if self.debut < 1:
            raise ValeurError(
                _("« %(effet)s » commence au plus tôt l'année 1.") % {"effet": self.libelle}
            )
        for name, label in SHARES.items():
            if not Decimal(0) <= getattr(self, name) <= 1:
                raise ValeurError(
                    _("Le taux %(quoi)s de « %(effet)s » doit être compris entre 0 et 100 %%.")
                    % {"quoi": label, "effet": self.libelle}
                )

    @property
    def impact(self) -> Decimal:
        return (
            self.quantite
            * self.proxy
            * (1 - self.aubaine)
            * (1 - self.deplacement)
            * (1 - self.attribution)
        )

    @property
    def derniere_annee(self) -> int:
        return self.debut + self.duree - 1

    def value_in_year(self, t: int) -> Decimal:
        """Value of year t (t >= 1); zero outside the years the outcome lasts."""
        if not self.debut <= t <= self.derniere_annee:
            return Decimal(0)
        years_after_first = t - self.debut
        if years_after_first == 0:
            return self.impact  # the first year has no drop-off (and 0 ** 0 is undefined)
        return self.impact * (1 - self.erosion) ** years_after_first


@dataclass(frozen=True)
class CarteValeur:
    """The value map: outcomes and the value of the inputs invested."""

    effets: tuple[Effet, ...]
    investissement: Decimal
    annee_euro: int | None = None  # reported as is; every amount of the map is in this year

    def __post_init__(self) -> None:
        if self.investissement < 0:
            raise ValeurError(_("L'investissement ne peut pas être négatif."))

    @property
    def horizon(self) -> int:
        return max((effet.derniere_annee for effet in self.effets), default=0)


@dataclass(frozen=True)
class ImpactEffet:
    effet: Effet
    impact: Decimal
    valeurs: tuple[Decimal, ...]  # value of years 1 … horizon


@dataclass(frozen=True)
class ResultatSROI:
    impacts: tuple[ImpactEffet, ...]
    valeurs: tuple[Decimal, ...]  # total value of years 1 … horizon
    facteurs: tuple[Decimal, ...]  # discount factors of years 1 … horizon
    va_par_annee: tuple[Decimal, ...]
    va: Decimal  # total present value
    investissement: Decimal
    van: Decimal  # net present value
    ratio: Decimal | None
    ratio_net: Decimal | None
    message: str
    annee_retour: int | None
    message_retour: str
    annee_euro: int | None


def compute_sroi(carte: CarteValeur, taux: Taux) -> ResultatSROI:
    horizon = carte.horizon
    years = range(1, horizon + 1)
    impacts = tuple(
        ImpactEffet(effet, effet.impact, tuple(effet.value_in_year(t) for t in years))
        for effet in carte.effets
    )
    valeurs = tuple(sum((impact.valeurs[t - 1] for impact in impacts), Decimal(0)) for t in years)
    facteurs = tuple(discount_factors(horizon, taux)[1:])
    va_par_annee = tuple(value * factor for value, factor in zip(valeurs, facteurs, strict=True))
    va = sum(va_par_annee, Decimal(0))
    van = va - carte.investissement
    ratio, ratio_net, message = _ratios(va, van, carte.investissement)
    annee_retour, message_retour = payback_year(va_par_annee, carte.investissement)
    return ResultatSROI(
        impacts=impacts,
        valeurs=valeurs,
        facteurs=facteurs,
        va_par_annee=va_par_annee,
        va=va,
        investissement=carte.investissement,
        van=van,
        ratio=ratio,
        ratio_net=ratio_net,
        message=message,
        annee_retour=annee_retour,
        message_retour=message_retour,
        annee_euro=carte.annee_euro,
    )


def _ratios(
    va: Decimal, van: Decimal, investissement: Decimal
) -> tuple[Decimal | None, Decimal | None, str]:
    if investissement == 0:
        return (
            None,
            None,
            _(
                "Aucun investissement n'est renseigné : le ratio SROI (valeur actualisée "
                "divisée par l'investissement) ne peut pas être calculé."
            ),
        )
    return va / investissement, van / investissement, ""


def payback_year(
    va_par_annee: Sequence[Decimal], investissement: Decimal
) -> tuple[int | None, str]:
    """First year t from which the cumulative discounted value stays >= the investment."""
    if investissement == 0:
        return None, _("Sans investissement, il n'y a pas de retour sur investissement à dater.")
    cumul, cumuls = Decimal(0), []
    for value in va_par_annee:
        cumul += value
        cumuls.append(cumul)
    if not cumuls or cumuls[-1] < investissement:
        return None, _(
            "La valeur actualisée cumulée n'atteint pas l'investissement sur la durée des effets."
        )
    below = [t for t, total in enumerate(cumuls, start=1) if total < investissement]
    return (max(below) + 1 if below else 1), ""
