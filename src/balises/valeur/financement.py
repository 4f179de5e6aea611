"""A project's financing mix, reported nature by nature and never summed across natures.

A grant is not repaid, a loan is (with interest), equity shares risk and returns, a gift asks
nothing back, the owner's own funds are its own money: a euro of each does not commit the
project in the same way. So the mix is given per nature (with each contribution's share within
its nature, and the share held by local actors) and `total_of_one_nature` refuses amounts of
several natures instead of adding them as if they were equal.

« Local » is what the caller declares for each contributor (True, False, or None when unknown);
the local share counts declared-local amounts only, and the unknown remainder is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .erreurs import ValeurError


class NatureFinancement(StrEnum):
    SUBVENTION = "subvention"
    DETTE = "dette"
    FONDS_PROPRES = "fonds_propres"
    DON = "don"
    AUTOFINANCEMENT = "autofinancement"


NATURE_LABELS = {
    NatureFinancement.SUBVENTION: gettext_lazy("Subventions"),
    NatureFinancement.DETTE: gettext_lazy("Dette (emprunts, prêts participatifs)"),
    NatureFinancement.FONDS_PROPRES: gettext_lazy("Fonds propres (capital, parts sociales)"),
    NatureFinancement.DON: gettext_lazy("Dons"),
    NatureFinancement.AUTOFINANCEMENT: gettext_lazy("Autofinancement"),
}

# Instrument → its nature. The instruments are what people name; the nature is what decides
# whether two amounts may be added.
INSTRUMENTS = {
    "subvention": NatureFinancement.SUBVENTION,
    "emprunt": NatureFinancement.DETTE,
    "pret_participatif": NatureFinancement.DETTE,
    "capital": NatureFinancement.FONDS_PROPRES,
    "parts_sociales": NatureFinancement.FONDS_PROPRES,
    "don": NatureFinancement.DON,
    "autofinancement": NatureFinancement.AUTOFINANCEMENT,
}


class NatureMixError(ValeurError):
    """Amounts of different financing natures were about to be added together."""


@dataclass(frozen=True)
class Apport:
    financeur: str
    instrument: str  # a key of INSTRUMENTS
    montant: Decimal
    local: bool | None = None  # is the contributor local? None when not known

    def __post_init__(self) -> None:
        if self.instrument not in INSTRUMENTS:
            raise ValeurError(
                _("Instrument de financement inconnu « %(nom)s » (connus : %(connus)s).")
                % {"nom": self.instrument, "connus": ", ".join(INSTRUMENTS)}
            )
        if self.montant < 0:
            raise ValeurError(
                _("L'apport de « %(qui)s » ne peut pas être négatif.") % {"qui": self.financeur}
            )

    @property
    def nature(self) -> NatureFinancement:
        return INSTRUMENTS[self.instrument]


def total_of_one_nature(apports: Sequence[Apport]) -> Decimal:
    """The sum of contributions that all share one nature; a mix of natures is refused."""
    natures = {apport.nature for apport in apports}
    if len(natures) > 1:
        raise NatureMixError(
            _(
                "Des apports de natures différentes (%(natures)s) ne s'additionnent pas : "
                "une subvention, un prêt, une part de capital et un don n'engagent pas de la "
                "même façon. Présentez-les nature par nature."
            )
            % {"natures": ", ".join(str(NATURE_LABELS[nature]) for nature in sorted(natures))}
        )
    return sum((apport.montant for apport in apports), Decimal(0))


@dataclass(frozen=True)
class LigneApport:
    apport: Apport
    part: Decimal | None  # share within its nature; None when the nature totals zero


@dataclass(frozen=True)
class MixNature:
    nature: NatureFinancement
    libelle: str
    total: Decimal
    lignes: tuple[LigneApport, ...]
    montant_local: Decimal
    montant_exterieur: Decimal
    montant_inconnu: Decimal  # contributors whose location is not known

    @property
    def part_locale(self) -> Decimal | None:
        """Share of the nature held by declared-local contributors (None if the total is 0)."""
        return self.montant_local / self.total if self.total else None


@dataclass(frozen=True)
class MixFinancement:
    natures: tuple[MixNature, ...]  # in the order of NatureFinancement, absent natures left out

    def nature(self, nature: NatureFinancement) -> MixNature | None:
        return next((mix for mix in self.natures if mix.nature == nature), None)


def build_mix(apports: Sequence[Apport]) -> MixFinancement:
    natures = []
    for nature in NatureFinancement:
        own = [apport for apport in apports if apport.nature == nature]
        if not own:
            continue
        total = total_of_one_nature(own)
        natures.append(
            MixNature(
                nature=nature,
                libelle=str(NATURE_LABELS[nature]),
                total=total,
                lignes=tuple(LigneApport(a, a.montant / total if total else None) for a in own),
                montant_local=total_of_one_nature([a for a in own if a.local is True]),
                montant_exterieur=total_of_one_nature([a for a in own if a.local is False]),
                montant_inconnu=total_of_one_nature([a for a in own if a.local is None]),
            )
        )
    return MixFinancement(tuple(natures))
