"""Value created against means mobilised, saying what the ratio counts and what it leaves out.

The référentiel asks to question the ratio between the value created and the means used. A
single number hides its perimeter, so the result always carries two lists: the items counted
(with their amounts) and the items not counted (value or means that exist but have no amount
in euros, with the reason: symbolic recognition, volunteer time not valued, trust…). Hours and
ETP are not euros: they are listed as not counted unless the caller values them explicitly.

Every amount is assumed in the same euro year; convert first (`monnaie.convert_euro_year`).
A value may be negative (value destroyed); means may not. With no means in euros there is no
ratio, and the message says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .erreurs import ValeurError

VALEUR = "valeur"
MOYENS = "moyens"


@dataclass(frozen=True)
class Poste:
    """An item of value or of means; `montant` None when it has no amount in euros."""

    libelle: str
    montant: Decimal | None = None
    raison: str = ""  # why it is not counted, when it has no amount


@dataclass(frozen=True)
class Compte:
    cote: str  # VALEUR or MOYENS
    libelle: str
    montant: Decimal | None
    raison: str


@dataclass(frozen=True)
class RapportValeurMoyens:
    ratio: Decimal | None
    valeur: Decimal
    moyens: Decimal
    counted: tuple[Compte, ...]
    not_counted: tuple[Compte, ...]
    message: str


def compute_ratio(valeurs: Sequence[Poste], moyens: Sequence[Poste]) -> RapportValeurMoyens:
    for poste in moyens:
        if poste.montant is not None and poste.montant < 0:
            raise ValeurError(
                _("Le moyen « %(nom)s » ne peut pas être négatif.") % {"nom": poste.libelle}
            )
    counted, not_counted = [], []
    for cote, postes in ((VALEUR, valeurs), (MOYENS, moyens)):
        for poste in postes:
            if poste.montant is None:
                raison = poste.raison or _("non chiffré en euros")
                not_counted.append(Compte(cote, poste.libelle, None, raison))
            else:
                counted.append(Compte(cote, poste.libelle, poste.montant, ""))
    valeur = sum((c.montant or Decimal(0) for c in counted if c.cote == VALEUR), Decimal(0))
    total_moyens = sum((c.montant or Decimal(0) for c in counted if c.cote == MOYENS), Decimal(0))
    ratio, message = None, ""
    if total_moyens == 0:
        message = _(
            "Aucun moyen chiffré en euros : le rapport valeur / moyens ne peut pas être "
            "calculé. Les moyens non chiffrés (temps, prêts de locaux…) restent listés."
        )
    else:
        ratio = valeur / total_moyens
    return RapportValeurMoyens(
        ratio=ratio,
        valeur=valeur,
        moyens=total_moyens,
        counted=tuple(counted),
        not_counted=tuple(not_counted),
        message=message,
    )
