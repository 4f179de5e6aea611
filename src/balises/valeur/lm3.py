"""LM3, the Local Multiplier 3 of the New Economics Foundation (« The Money Trail », 2002).

- Round 1: the income that enters the organisation or project (a budget, a contract, a grant).
- Round 2: the part of it spent inside the local area (local suppliers and local staff).
- Round 3: what those local suppliers and staff spend again inside the local area, learnt by
  surveying them.

LM3 = (R1 + R2 + R3) / R1. Each round is part of the one before, so a round larger than the
previous one is refused: LM3 then lies between 1 (nothing spent locally) and 3 (everything).
What « local » means is decided first, by the users (a commune, an EPCI, a radius): the rounds
only make sense against that boundary.

Round 3 from surveys: each group paid in round 2 (staff, suppliers) answers which share of what
it received it spends locally; the group's answers are averaged and applied to what the group
received (Plugging the Leaks practice: 40 % of £200,000 of salaries = £80,000 of round 3).
Shares are fractions from 0 to 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .erreurs import ValeurError


@dataclass(frozen=True)
class ResultatLM3:
    tour1: Decimal
    tour2: Decimal
    tour3: Decimal
    lm3: Decimal

    @property
    def total(self) -> Decimal:
        return self.tour1 + self.tour2 + self.tour3


def compute_lm3(tour1: Decimal, tour2: Decimal, tour3: Decimal) -> ResultatLM3:
    if min(tour1, tour2, tour3) < 0:
        raise ValeurError(_("Les montants des trois tours ne peuvent pas être négatifs."))
    if tour1 == 0:
        raise ValeurError(
            _("Le tour 1 (l'argent qui entre) doit être supérieur à zéro pour calculer un LM3.")
        )
    if tour2 > tour1:
        raise ValeurError(
            _("Le tour 2 dépasse le tour 1 : on ne dépense pas localement plus qu'on n'a reçu.")
        )
    if tour3 > tour2:
        raise ValeurError(
            _(
                "Le tour 3 dépasse le tour 2 : les fournisseurs et salariés locaux ne "
                "redépensent pas plus qu'ils n'ont reçu."
            )
        )
    return ResultatLM3(tour1, tour2, tour3, (tour1 + tour2 + tour3) / tour1)


def average_local_share(parts: Sequence[Decimal]) -> Decimal:
    """The mean of survey answers (each the share spent locally, from 0 to 1)."""
    if not parts:
        raise ValeurError(_("Aucune réponse d'enquête : la part locale ne peut pas être estimée."))
    if any(not Decimal(0) <= part <= 1 for part in parts):
        raise ValeurError(_("Une part dépensée localement est comprise entre 0 et 100 %."))
    return sum(parts, Decimal(0)) / len(parts)


@dataclass(frozen=True)
class GroupeEnquete:
    """A group paid in round 2 (local staff, local suppliers) and its survey answers."""

    libelle: str
    montant_recu: Decimal  # what the group received in round 2
    parts: tuple[Decimal, ...]  # each respondent's share spent locally

    @property
    def part_moyenne(self) -> Decimal:
        return average_local_share(self.parts)

    @property
    def redepense_locale(self) -> Decimal:
        if self.montant_recu < 0:
            raise ValeurError(
                _("Le montant reçu par « %(groupe)s » ne peut pas être négatif.")
                % {"groupe": self.libelle}
            )
        return self.montant_recu * self.part_moyenne


def round_three(groupes: Sequence[GroupeEnquete]) -> Decimal:
    """Round 3: each group's local re-spending, added up."""
    return sum((groupe.redepense_locale for groupe in groupes), Decimal(0))
