"""Sensitivity of an SROI ratio: each assumption moved down and up, the others left alone.

The guide asks which assumptions the ratio depends on most. Each outcome's assumptions are
moved one at a time:

- deadweight, displacement, attribution and drop-off by ± `ecart_points` (0.10 = ten
  percentage points), kept within 0 to 100 %;
- quantity and financial proxy by ± `ecart_relatif` (0.20 = 20 % of their value);
- duration by ± `ecart_annees` years (never below one year);
- and the discount rate, for the whole map, by ± `ecart_taux` (never below zero).

Each line gives the low and high value tried and the ratio obtained with each.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from .actualisation import Taux, TauxDecale
from .sroi import SHARES, CarteValeur, Effet, compute_sroi

RELATIVE = ("quantite", "proxy")


@dataclass(frozen=True)
class Variation:
    hypothese: str  # a field of Effet, or « taux » for the discount rate
    effet: str | None  # the outcome's label; None for the discount rate
    valeur_basse: Decimal
    valeur_haute: Decimal
    ratio_bas: Decimal | None  # the ratio with the low value
    ratio_haut: Decimal | None


@dataclass(frozen=True)
class Sensibilite:
    ratio: Decimal | None  # the central ratio
    message: str  # why there is no ratio, if there is none
    variations: tuple[Variation, ...]


def sensitivity(
    carte: CarteValeur,
    taux: Taux,
    ecart_points: Decimal = Decimal("0.10"),
    ecart_relatif: Decimal = Decimal("0.20"),
    ecart_annees: int = 1,
    ecart_taux: Decimal = Decimal("0.01"),
) -> Sensibilite:
    central = compute_sroi(carte, taux)
    if central.ratio is None:
        return Sensibilite(ratio=None, message=central.message, variations=())
    variations = []
    for index, effet in enumerate(carte.effets):
        for name in (*RELATIVE, "duree", *SHARES):
            low, high = _bounds(effet, name, ecart_points, ecart_relatif, ecart_annees)
            variations.append(
                Variation(
                    hypothese=name,
                    effet=effet.libelle,
                    valeur_basse=low,
                    valeur_haute=high,
                    ratio_bas=_ratio_with(carte, taux, index, name, low),
                    ratio_haut=_ratio_with(carte, taux, index, name, high),
                )
            )
    lower, higher = TauxDecale(taux, -ecart_taux), TauxDecale(taux, ecart_taux)
    variations.append(
        Variation(
            hypothese="taux",
            effet=None,
            # For a declining schedule, the rate of year 1 stands for the whole moved schedule.
            valeur_basse=lower.rate_for(1),
            valeur_haute=higher.rate_for(1),
            ratio_bas=compute_sroi(carte, lower).ratio,
            ratio_haut=compute_sroi(carte, higher).ratio,
        )
    )
    return Sensibilite(ratio=central.ratio, message="", variations=tuple(variations))


def _bounds(
    effet: Effet, name: str, points: Decimal, relatif: Decimal, annees: int
) -> tuple[Decimal, Decimal]:
    value = getattr(effet, name)
    if name in RELATIVE:
        return value * (1 - relatif), value * (1 + relatif)
    if name == "duree":
        return Decimal(max(1, value - annees)), Decimal(value + annees)
    return max(Decimal(0), value - points), min(Decimal(1), value + points)


def _ratio_with(
    carte: CarteValeur, taux: Taux, index: int, name: str, value: Decimal
) -> Decimal | None:
    change: dict[str, Any] = {name: int(value) if name == "duree" else value}
    changed = replace(carte.effets[index], **change)
    effets = (*carte.effets[:index], changed, *carte.effets[index + 1 :])
    return compute_sroi(replace(carte, effets=effets), taux).ratio
