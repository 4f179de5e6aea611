"""Money flows of a territory by category: what enters, what stays, what leaks out.

For each category (énergie, alimentation, construction…), one row states:

- `depense`: what the territory's actors (town, households, firms) spend on it;
- `dont_locale`: the part of that spending paid to actors located in the territory;
- `entrees`: money from outside paid to the territory's actors in that category (energy sold
  outside, a grant, visitors' purchases).

From which: fuite (leak) = depense − dont_locale; recu (received in the territory) =
dont_locale + entrees; solde = entrees − fuite. Each row balances, what comes into a category
equals what goes out of it: depense + entrees = recu + fuite. That is what makes the flow
drawing (`build_diagramme`) consistent: every category node has as much in as out.

Only the first round is described: what the local recipients do next is LM3's business.
A total row is the sum of the rows, column by column; it is never typed in separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .erreurs import ValeurError

CATEGORIES = {
    "energie": gettext_lazy("Énergie"),
    "alimentation": gettext_lazy("Alimentation"),
    "construction": gettext_lazy("Construction"),
    "mobilite": gettext_lazy("Mobilité"),
    "services": gettext_lazy("Services"),
}


@dataclass(frozen=True)
class Flux:
    categorie: str  # a key of CATEGORIES, or any key given with its own label
    depense: Decimal
    dont_locale: Decimal = Decimal(0)
    entrees: Decimal = Decimal(0)
    libelle: str = ""

    def __post_init__(self) -> None:
        if not self.libelle and self.categorie not in CATEGORIES:
            raise ValeurError(
                _("Catégorie inconnue « %(cle)s » : donnez-lui un libellé.")
                % {"cle": self.categorie}
            )
        if min(self.depense, self.dont_locale, self.entrees) < 0:
            raise ValeurError(
                _("Les montants de « %(cat)s » ne peuvent pas être négatifs.") % {"cat": self.label}
            )
        if self.dont_locale > self.depense:
            raise ValeurError(
                _("« %(cat)s » : la part dépensée localement dépasse la dépense.")
                % {"cat": self.label}
            )

    @property
    def label(self) -> str:
        return self.libelle or str(CATEGORIES.get(self.categorie, self.categorie))


@dataclass(frozen=True)
class LigneFlux:
    categorie: str
    libelle: str
    depense: Decimal
    locale: Decimal
    entrees: Decimal
    fuite: Decimal
    recu: Decimal
    solde: Decimal


@dataclass(frozen=True)
class BilanFlux:
    lignes: tuple[LigneFlux, ...]
    total: LigneFlux
    annee: int | None = None  # the year the flows describe
    annee_euro: int | None = None


AMOUNTS = ("depense", "locale", "entrees", "fuite", "recu", "solde")


def build_bilan(
    flux: Sequence[Flux], annee: int | None = None, annee_euro: int | None = None
) -> BilanFlux:
    seen: set[str] = set()
    lignes = []
    for item in flux:
        if item.categorie in seen:
            raise ValeurError(
                _("La catégorie « %(cat)s » apparaît deux fois.") % {"cat": item.label}
            )
        seen.add(item.categorie)
        fuite = item.depense - item.dont_locale
        lignes.append(
            LigneFlux(
                categorie=item.categorie,
                libelle=item.label,
                depense=item.depense,
                locale=item.dont_locale,
                entrees=item.entrees,
                fuite=fuite,
                recu=item.dont_locale + item.entrees,
                solde=item.entrees - fuite,
            )
        )
    sums = {name: sum((getattr(ligne, name) for ligne in lignes), Decimal(0)) for name in AMOUNTS}
    total = LigneFlux(categorie="total", libelle=_("Total"), **sums)
    return BilanFlux(tuple(lignes), total, annee, annee_euro)


@dataclass(frozen=True)
class Noeud:
    id: str
    libelle: str
    colonne: int  # 0 = origins, 1 = categories, 2 = destinations


@dataclass(frozen=True)
class Lien:
    source: str
    cible: str
    montant: Decimal


@dataclass(frozen=True)
class Diagramme:
    """A flow (Sankey-like) drawing as plain data; the drawing itself is made elsewhere."""

    noeuds: tuple[Noeud, ...]
    liens: tuple[Lien, ...]


def build_diagramme(bilan: BilanFlux) -> Diagramme:
    """Origins → categories → destinations; links of zero amount are left out."""
    noeuds = [
        Noeud("origine:territoire", _("Dépenses du territoire"), 0),
        Noeud("origine:exterieur", _("Entrées venues de l'extérieur"), 0),
        *(Noeud(f"categorie:{ligne.categorie}", ligne.libelle, 1) for ligne in bilan.lignes),
        Noeud("destination:territoire", _("Reçu sur le territoire"), 2),
        Noeud("destination:exterieur", _("Sorti du territoire"), 2),
    ]
    liens = []
    for ligne in bilan.lignes:
        node = f"categorie:{ligne.categorie}"
        liens += [
            Lien("origine:territoire", node, ligne.depense),
            Lien("origine:exterieur", node, ligne.entrees),
            Lien(node, "destination:territoire", ligne.recu),
            Lien(node, "destination:exterieur", ligne.fuite),
        ]
    return Diagramme(tuple(noeuds), tuple(lien for lien in liens if lien.montant > 0))
