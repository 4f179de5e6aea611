"""Cost of inaction: what the territory would have paid had nothing been done, against what it
pays with its action, year by year.

Two trajectories (`Trajectoire`) cover the same calendar years with costs in the same euro year:
the reference (« sans action »: e.g. the energy bill at the old consumption) and the project
(« avec action »: investments plus the lower bills). The comparison gives, each year, the
avoided cost (reference − project), discounted to the first year of the period (t = 0, not
discounted; see `actualisation.py`), and its running total. From these:

- avoided cost, undiscounted and discounted;
- ratio = discounted cost of the reference / discounted cost of the project (« l'inaction
  coûte N fois l'action »), or None with the reason;
- payback year: the first year from which the discounted running total stays at or above
  zero until the end of the period, or None with the reason. It reads the budget only: the
  carbon value, when given, is reported beside it and never hastens the payback.

Prices rise in real terms: amounts all carry one euro year, so a yearly rise of 5 % means
5 % above inflation. Nothing here guesses a yearly series from a single year's figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.translation import gettext as _

from .actualisation import Taux, discount_factors
from .carbone import ValorisationCarbone
from .erreurs import AnneeEuroError, ValeurError
from .monnaie import Montant, common_euro_year, describe_euro_year


def check_period(debut: int, fin: int) -> None:
    if fin < debut:
        raise ValeurError(_("L'année de fin précède l'année de début."))


@dataclass(frozen=True)
class Trajectoire:
    """Yearly costs of one path (every year from the first to the last, one euro year)."""

    libelle: str
    couts: Mapping[int, Montant]

    def __post_init__(self) -> None:
        if not self.couts:
            raise ValeurError(_("La trajectoire « %(nom)s » est vide.") % {"nom": self.libelle})
        years = sorted(self.couts)
        if years != list(range(years[0], years[-1] + 1)):
            raise ValeurError(
                _(
                    "La trajectoire « %(nom)s » saute des années : "
                    "donnez chaque année de la période."
                )
                % {"nom": self.libelle}
            )
        common_euro_year(self.couts.values())
        object.__setattr__(self, "couts", {year: self.couts[year] for year in years})

    @property
    def debut(self) -> int:
        return min(self.couts)

    @property
    def fin(self) -> int:
        return max(self.couts)

    @property
    def annee_euro(self) -> int | None:
        return next(iter(self.couts.values())).annee_euro


@dataclass(frozen=True)
class PrixUnitaire:
    """The price of one unit (a MWh, a tonne) in year `annee`, rising by `hausse_annuelle`."""

    prix: Montant
    annee: int
    hausse_annuelle: Decimal = Decimal(0)  # real yearly rise as a fraction: 0.05 = +5 %

    def __post_init__(self) -> None:
        if self.hausse_annuelle <= -1:
            raise ValeurError(_("La baisse annuelle du prix ne peut pas atteindre 100 %."))
        if self.prix.valeur < 0:
            raise ValeurError(_("Un prix ne peut pas être négatif."))

    def for_year(self, annee: int) -> Montant:
        return self.prix.scaled((1 + self.hausse_annuelle) ** (annee - self.annee))


def build_trajectoire(
    libelle: str,
    debut: int,
    fin: int,
    consommation: Decimal | Mapping[int, Decimal],
    prix: PrixUnitaire,
    investissements: Mapping[int, Montant] | None = None,
) -> Trajectoire:
    """Cost of each year = consumption × that year's price + that year's investment.

    `consommation` is one quantity for every year, or a quantity per year of the period.
    """
    check_period(debut, fin)
    investissements = investissements or {}
    outside = sorted(year for year in investissements if not debut <= year <= fin)
    if outside:
        raise ValeurError(
            _("Un investissement est daté de %(annee)s, hors de la période %(debut)s–%(fin)s.")
            % {"annee": outside[0], "debut": debut, "fin": fin}
        )
    couts = {}
    for annee in range(debut, fin + 1):
        quantite = consommation if isinstance(consommation, Decimal) else consommation.get(annee)
        if quantite is None:
            raise ValeurError(_("La consommation de %(annee)s manque.") % {"annee": annee})
        if quantite < 0:
            raise ValeurError(_("Une consommation ne peut pas être négative."))
        cout = prix.for_year(annee).scaled(quantite)
        if annee in investissements:
            cout = cout + investissements[annee]
        couts[annee] = cout
    return Trajectoire(libelle, couts)


@dataclass(frozen=True)
class LigneInaction:
    annee: int
    t: int  # year offset from the base year
    reference: Decimal
    projet: Decimal
    evite: Decimal  # reference − project
    facteur: Decimal
    evite_actualise: Decimal
    cumul_actualise: Decimal


@dataclass(frozen=True)
class BilanInaction:
    reference: str
    projet: str
    annee_euro: int | None
    lignes: tuple[LigneInaction, ...]
    total_reference: Decimal
    total_projet: Decimal
    cout_evite: Decimal
    va_reference: Decimal
    va_projet: Decimal
    cout_evite_actualise: Decimal
    ratio: Decimal | None
    message_ratio: str
    annee_retour: int | None
    message_retour: str
    carbone: ValorisationCarbone | None = None
    carbone_actualise: Decimal | None = None

    @property
    def cout_evite_actualise_avec_carbone(self) -> Decimal | None:
        if self.carbone_actualise is None:
            return None
        return self.cout_evite_actualise + self.carbone_actualise


def compare_trajectoires(
    reference: Trajectoire,
    projet: Trajectoire,
    taux: Taux,
    carbone: ValorisationCarbone | None = None,
) -> BilanInaction:
    """Year-by-year cost of inaction; the first year of the period is the base year (t = 0)."""
    if list(reference.couts) != list(projet.couts):
        raise ValeurError(
            _(
                "Les deux trajectoires doivent couvrir les mêmes années "
                "(%(r0)s–%(r1)s et %(p0)s–%(p1)s)."
            )
            % {"r0": reference.debut, "r1": reference.fin, "p0": projet.debut, "p1": projet.fin}
        )
    annee_euro = common_euro_year([*reference.couts.values(), *projet.couts.values()])
    debut, fin = reference.debut, reference.fin
    factors = discount_factors(fin - debut, taux)
    lignes, cumul = [], Decimal(0)
    for annee in range(debut, fin + 1):
        t = annee - debut
        ref, pro = reference.couts[annee].valeur, projet.couts[annee].valeur
        evite_actualise = (ref - pro) * factors[t]
        cumul += evite_actualise
        lignes.append(
            LigneInaction(annee, t, ref, pro, ref - pro, factors[t], evite_actualise, cumul)
        )
    va_reference = sum((ligne.reference * ligne.facteur for ligne in lignes), Decimal(0))
    va_projet = sum((ligne.projet * ligne.facteur for ligne in lignes), Decimal(0))
    ratio, message_ratio = _ratio(va_reference, va_projet)
    annee_retour, message_retour = _payback(lignes)
    bilan = BilanInaction(
        reference=reference.libelle,
        projet=projet.libelle,
        annee_euro=annee_euro,
        lignes=tuple(lignes),
        total_reference=sum((ligne.reference for ligne in lignes), Decimal(0)),
        total_projet=sum((ligne.projet for ligne in lignes), Decimal(0)),
        cout_evite=sum((ligne.evite for ligne in lignes), Decimal(0)),
        va_reference=va_reference,
        va_projet=va_projet,
        cout_evite_actualise=cumul,
        ratio=ratio,
        message_ratio=message_ratio,
        annee_retour=annee_retour,
        message_retour=message_retour,
    )
    if carbone is None:
        return bilan
    return _with_carbon(bilan, carbone, factors, debut, fin)


def _ratio(va_reference: Decimal, va_projet: Decimal) -> tuple[Decimal | None, str]:
    if va_projet <= 0:
        return None, _(
            "Le coût actualisé de la trajectoire avec action est nul ou négatif : le rapport "
            "entre coût de l'inaction et coût de l'action ne se calcule pas."
        )
    return va_reference / va_projet, ""


def _payback(lignes: list[LigneInaction]) -> tuple[int | None, str]:
    if lignes[-1].cumul_actualise < 0:
        return None, _(
            "Le coût évité cumulé reste négatif en %(fin)s : l'action n'est pas rentabilisée "
            "sur la période."
        ) % {"fin": lignes[-1].annee}
    if all(ligne.cumul_actualise >= 0 for ligne in lignes):
        return lignes[0].annee, _(
            "Le coût évité est positif dès la première année : aucun surcoût d'investissement "
            "n'apparaît dans la période étudiée."
        )
    last_negative = max(index for index, ligne in enumerate(lignes) if ligne.cumul_actualise < 0)
    return lignes[last_negative + 1].annee, ""


def _with_carbon(
    bilan: BilanInaction,
    carbone: ValorisationCarbone,
    factors: list[Decimal],
    debut: int,
    fin: int,
) -> BilanInaction:
    if carbone.annee_euro is None or carbone.annee_euro != bilan.annee_euro:
        raise AnneeEuroError(
            _(
                "La valeur du carbone « %(cle)s » est en %(carbone)s et les coûts en %(couts)s : "
                "convertissez-les dans une même année avant de les additionner."
            )
            % {
                "cle": carbone.cle,
                "carbone": describe_euro_year(carbone.annee_euro),
                "couts": describe_euro_year(bilan.annee_euro),
            }
        )
    outside = [ligne.annee for ligne in carbone.lignes if not debut <= ligne.annee <= fin]
    if outside:
        raise ValeurError(
            _("Des émissions évitées sont datées de %(annee)s, hors de la période %(d)s–%(f)s.")
            % {"annee": outside[0], "d": debut, "f": fin}
        )
    actualise = sum(
        (ligne.valeur * factors[ligne.annee - debut] for ligne in carbone.lignes), Decimal(0)
    )
    return replace(bilan, carbone=carbone, carbone_actualise=actualise)
