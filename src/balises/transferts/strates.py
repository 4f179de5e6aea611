"""Population strata: which size group a territory belongs to, under a named, sourced grid.

A grid is data (bounds, source address, the year its text was read), never literals spread
through the code, so that a reason shown to a user can always say which grid it used, and a
second grid can be added beside the first without touching the callers.
"""

from collections.abc import Sequence
from dataclasses import dataclass


def format_number(value: int) -> str:
    """« 3 500 » with a narrow no-break space, as French typography (and the charts) write it."""
    return f"{value:,}".replace(",", "\u202f")


@dataclass(frozen=True)
class Strate:
    """One group of a grid: populations from `low` to `high` inclusive (`high` None: no cap)."""

    number: int  # 1-based, as the legal text numbers the groups
    low: int
    high: int | None

    def contains(self, population: int) -> bool:
        return population >= self.low and (self.high is None or population <= self.high)

    @property
    def label(self) -> str:
        """Short label for reasons: « 3 500 – 4 999 hab. », « 200 000 hab. et plus »."""
        if self.high is None:
            return f"{format_number(self.low)} hab. et plus"
        return f"{format_number(self.low)} – {format_number(self.high)} hab."

    @property
    def range_text(self) -> str:
        """Running text: « de 3 500 à 4 999 habitants », « de 200 000 habitants et plus »."""
        if self.high is None:
            return f"de {format_number(self.low)} habitants et plus"
        return f"de {format_number(self.low)} à {format_number(self.high)} habitants"


@dataclass(frozen=True)
class Grille:
    """A population grid and where it comes from."""

    code: str
    name: str
    legal_reference: str
    source_url: str
    # The year the grid's text was read in force. The groups are older than that; their
    # first enactment was not checked, so no earlier year is claimed.
    year: int
    population_basis: str
    strates: tuple[Strate, ...]

    def strate_of(self, population: int) -> Strate:
        """The group holding this population (a negative population is refused)."""
        if population < 0:
            raise ValueError(f"population négative : {population}")
        # Fifteen groups: a linear scan is as fast as a bisection and reads more plainly.
        for strate in self.strates:
            if strate.contains(population):
                return strate
        raise ValueError(f"population hors de la grille {self.code} : {population}")

    @property
    def citation(self) -> str:
        """« grille DGF (CGCT, art. L2334-3), lue en 2026 » — said beside every stratum reason."""
        return f"{self.name} ({self.legal_reference}), lue en {self.year}"


def _strates(bounds: Sequence[int]) -> tuple[Strate, ...]:
    """Groups from their lower bounds: each ends one inhabitant before the next begins."""
    highs: list[int | None] = [low - 1 for low in bounds[1:]]
    return tuple(
        Strate(number, low, high)
        for number, (low, high) in enumerate(zip(bounds, [*highs, None], strict=True), start=1)
    )


# The 15 « groupes démographiques » of the DGF. The same list appears in the DGF section of
# the former Code des communes (https://tricoteuses.fr/legifrance/sections/LEGISCTA000006163444)
# and in article L2334-3 of the CGCT (read at
# https://french-business-law.com/rench-legislation-art/article-l2334-3-of-the-french-general-code-of-local-authorities).
DGF = Grille(
    code="dgf",
    name="grille DGF des groupes démographiques",
    legal_reference="CGCT, art. L2334-3",
    source_url="https://tricoteuses.fr/legifrance/sections/LEGISCTA000006163444",
    year=2026,
    # The law counts the « population DGF » (total population plus one inhabitant per second
    # home); the national reference holds INSEE's population, so near a bound a territory may
    # sit one group apart from its official DGF group.
    population_basis=(
        "population INSEE du référentiel national (la DGF compte la population totale "
        "majorée d'un habitant par résidence secondaire)"
    ),
    strates=_strates(
        (
            0,
            500,
            1_000,
            2_000,
            3_500,
            5_000,
            7_500,
            10_000,
            15_000,
            20_000,
            35_000,
            50_000,
            75_000,
            100_000,
            200_000,
        )
    ),
)


def strate_of(population: int, grille: Grille = DGF) -> Strate:
    """The stratum of a population under a grid (the DGF grid unless told otherwise)."""
    return grille.strate_of(population)
