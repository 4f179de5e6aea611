"""The feature matrix of every territory, built once, and the query vector of one territory.

Two matrices, both float32 with unit-length blocks laid side by side:

- `context`, one row per territory (~36,000): population stratum, nature, region;
- `espace`, one row per territory that keeps a space (a few thousand): maturity profile,
  balise coverage, action themes, text of récits and fiches.

Keeping the space blocks apart avoids storing tens of thousands of empty rows of the text
block. Blocks are side by side so that the weighted sum of the per-block products is one
product per matrix: Σ w_b · (M_b q_b) = [M_1 … M_B] · [w_1 q_1; …; w_B q_B].
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from balises.transferts.strates import DGF, Grille

from .encoding import (
    TextHasher,
    as_levels,
    log_counts,
    normalise_rows,
    soft_codes,
    stem_counts,
    top_terms,
)
from .weights import (
    CONTEXT_BLOCKS,
    COUVERTURE,
    ESPACE_BLOCKS,
    MATURITE,
    NATURE,
    REGION,
    STRATE,
    TEXTE,
    THEMES,
)

MAX_LEVEL = 4  # the Villes pairs maturity scale goes from 0 to 4
# Fewer published levels than this and a profile says too little to compare: left empty.
MIN_KNOWN_LEVELS = 3
TERMS_KEPT = 12  # words kept per territory to name in a « récits proches » reason

# Nature codes: communes, then EPCI by legal type. Every EPCI also sets the shared « epci »
# slot, so that two intercommunalities of different types are half alike, and a commune and
# an EPCI not at all.
NATURES = ("commune", "CC", "CA", "CU", "METRO")
NATURE_LABELS = {
    "commune": "commune",
    "CC": "communauté de communes",
    "CA": "communauté d'agglomération",
    "CU": "communauté urbaine",
    "METRO": "métropole",
    "epci": "intercommunalité",
}
_NATURE_SLOTS = ("commune", "epci", "CC", "CA", "CU", "METRO")


def nature_code(kind: str, epci_type: str = "") -> str:
    """« commune », an EPCI type (CC, CA, CU, METRO) or « epci » when the type is unknown."""
    if kind == "commune":
        return "commune"
    if epci_type.startswith("MET"):  # the Métropole de Lyon is « MET69 »
        return "METRO"
    return epci_type if epci_type in NATURES else "epci"


@dataclass(frozen=True)
class Profil:
    """What a territory's space publishes, each vector in the order given to `build_features`.

    maturite: one level (0–4, halves allowed) per balise, None when no level was published;
    couverture: number of actions per balise; themes: number of actions per theme;
    texte: the récits and fiches, as plain text.
    """

    maturite: Sequence[float | None] = ()
    couverture: Sequence[float] = ()
    themes: Sequence[float] = ()
    texte: str = ""


@dataclass(frozen=True)
class Situation:
    """One territory as the peer finder sees it: plain data, no model."""

    id: int
    kind: str  # "commune" or "epci"
    population: int | None = None
    region: str = ""  # region code
    epci_type: str = ""
    name: str = ""
    profil: Profil | None = None  # None: the territory keeps no space


@dataclass
class FeatureMatrix:
    ids: np.ndarray  # int64 (n,)
    names: list[str]
    nature: np.ndarray  # int8 index into NATURES + ("epci",), per row
    region: np.ndarray  # int16 index into `regions`, -1 unknown
    regions: tuple[str, ...]
    region_names: dict[str, str]
    strate: np.ndarray  # int8 0-based group of `grille`, -1 unknown population
    context: np.ndarray  # float32 (n, sum of context block widths)
    espace_rows: np.ndarray  # int64 (m,) row of each territory that keeps a space
    espace_of_row: np.ndarray  # int32 (n,) index into the espace arrays, -1 none
    espace: np.ndarray  # float32 (m, sum of espace block widths)
    maturite: np.ndarray  # float32 (m, balises) raw levels, NaN unknown
    couverture: np.ndarray  # float32 (m, balises) raw counts
    themes_counts: np.ndarray  # float32 (m, themes) raw counts
    terms: list[tuple[tuple[str, str], ...]]  # per espace row: (stem, word) heaviest first
    balises: tuple[str, ...]
    themes: tuple[str, ...]
    hasher: TextHasher
    grille: Grille
    slices: dict[str, slice] = field(default_factory=dict)  # block → columns in its matrix
    row_of: dict[int, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def block(self, name: str, rows: np.ndarray | slice | int) -> np.ndarray:
        """The columns of one block for some rows (espace rows for space blocks)."""
        matrix = self.context if name in CONTEXT_BLOCKS else self.espace
        return matrix[rows, self.slices[name]]


@dataclass(frozen=True)
class Query:
    """One territory's blocks, encoded like the matrix rows, and what reasons need to know."""

    vectors: dict[str, np.ndarray]
    row: int | None  # its own row, left out of the results; None for a query from outside
    strate: int
    nature: int
    region: int
    maturite: np.ndarray  # raw levels, NaN unknown
    couverture: np.ndarray
    themes_counts: np.ndarray
    terms: tuple[tuple[str, str], ...]


def _widths(balises: int, themes: int, text: int) -> dict[str, int]:
    return {
        STRATE: 0,  # filled from the grid
        NATURE: len(_NATURE_SLOTS),
        MATURITE: balises * (MAX_LEVEL + 1),
        COUVERTURE: balises,
        THEMES: themes,
        TEXTE: text,
    }


def _nature_table() -> np.ndarray:
    table = np.zeros((len(NATURES) + 1, len(_NATURE_SLOTS)), dtype=np.float32)
    for index, code in enumerate((*NATURES, "epci")):
        table[index, _NATURE_SLOTS.index(code)] = 1.0
        if code != "commune":
            table[index, _NATURE_SLOTS.index("epci")] = 1.0
    return normalise_rows(table)


def _slices(widths: Mapping[str, int], blocks: Sequence[str]) -> dict[str, slice]:
    slices, start = {}, 0
    for name in blocks:
        slices[name] = slice(start, start + widths[name])
        start += widths[name]
    return slices


def maturity_codes(levels: np.ndarray, min_known: int = MIN_KNOWN_LEVELS) -> np.ndarray:
    """Soft codes of each balise's level, side by side, unit length; unknown levels are zeros.

    A profile with fewer than `min_known` published levels is left empty (all zeros): it would
    make territories look alike on one or two balises only.
    """
    levels = np.atleast_2d(levels)
    codes = soft_codes(levels, MAX_LEVEL + 1).reshape(levels.shape[0], -1)
    thin = (~np.isnan(levels)).sum(axis=1) < min_known
    codes[thin] = 0.0
    return normalise_rows(codes)


def build_features(
    situations: Sequence[Situation],
    balises: Sequence[str],
    themes: Sequence[str] = (),
    *,
    region_names: Mapping[str, str] | None = None,
    grille: Grille = DGF,
    text_dimensions: int = 1024,
) -> FeatureMatrix:
    """Encode every territory once. `balises` and `themes` name the positions of the vectors
    in each `Profil` (short codes such as « B1 » read best in reasons).

    Raises ValueError for a duplicate id, a level outside 0–4 or a vector of the wrong length.
    """
    count = len(situations)
    ids = np.fromiter((s.id for s in situations), dtype=np.int64, count=count)
    row_of = {int(identifier): row for row, identifier in enumerate(ids)}
    if len(row_of) != count:
        raise ValueError("identifiants de territoires en double")
    regions = tuple(sorted({s.region for s in situations if s.region}))
    region_index = {code: index for index, code in enumerate(regions)}
    nature_index = {code: index for index, code in enumerate((*NATURES, "epci"))}

    strate = np.full(count, -1, dtype=np.int8)
    nature = np.empty(count, dtype=np.int8)
    region = np.full(count, -1, dtype=np.int16)
    for row, situation in enumerate(situations):
        if situation.kind not in ("commune", "epci"):
            raise ValueError(f"nature de territoire inattendue : {situation.kind!r}")
        if situation.population is not None:
            strate[row] = grille.strate_of(situation.population).number - 1
        nature[row] = nature_index[nature_code(situation.kind, situation.epci_type)]
        region[row] = region_index.get(situation.region, -1)

    widths = {**_widths(len(balises), len(themes), text_dimensions), REGION: len(regions)}
    widths[STRATE] = len(grille.strates)
    context_slices = _slices(widths, CONTEXT_BLOCKS)
    context = np.zeros((count, sum(widths[b] for b in CONTEXT_BLOCKS)), dtype=np.float32)
    strate_table = normalise_rows(soft_codes(np.arange(widths[STRATE]), widths[STRATE]))
    known = strate >= 0
    context[np.flatnonzero(known), context_slices[STRATE]] = strate_table[strate[known]]
    context[:, context_slices[NATURE]] = _nature_table()[nature]
    located = np.flatnonzero(region >= 0)
    context[located, context_slices[REGION].start + region[located]] = 1.0

    espace_rows = np.array([r for r, s in enumerate(situations) if s.profil], dtype=np.int64)
    profils = [situations[row].profil for row in espace_rows]
    espace_of_row = np.full(count, -1, dtype=np.int32)
    espace_of_row[espace_rows] = np.arange(len(espace_rows), dtype=np.int32)
    maturite, couverture, themes_counts = _raw_vectors(profils, len(balises), len(themes))
    texts = [stem_counts(profil.texte) if profil else (Counter(), {}) for profil in profils]
    hasher = TextHasher(text_dimensions).fit(counts for counts, _shown in texts)

    espace_slices = _slices(widths, ESPACE_BLOCKS)
    espace = np.zeros((len(espace_rows), sum(widths[b] for b in ESPACE_BLOCKS)), np.float32)
    espace[:, espace_slices[MATURITE]] = maturity_codes(maturite)
    espace[:, espace_slices[COUVERTURE]] = normalise_rows(log_counts(couverture))
    espace[:, espace_slices[THEMES]] = normalise_rows(log_counts(themes_counts))
    terms = []
    for index, (counts, shown) in enumerate(texts):
        weights = hasher.weights(counts)
        espace[index, espace_slices[TEXTE]] = hasher.vector_of(weights)
        terms.append(top_terms(weights, shown, TERMS_KEPT))

    return FeatureMatrix(
        ids=ids,
        names=[s.name for s in situations],
        nature=nature,
        region=region,
        regions=regions,
        region_names=dict(region_names or {}),
        strate=strate,
        context=context,
        espace_rows=espace_rows,
        espace_of_row=espace_of_row,
        espace=espace,
        maturite=maturite,
        couverture=couverture,
        themes_counts=themes_counts,
        terms=terms,
        balises=tuple(balises),
        themes=tuple(themes),
        hasher=hasher,
        grille=grille,
        slices={**context_slices, **espace_slices},
        row_of=row_of,
    )


def _raw_vectors(
    profils: Sequence[Profil | None], balises: int, themes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    maturite = np.full((len(profils), balises), np.nan, dtype=np.float32)
    couverture = np.zeros((len(profils), balises), dtype=np.float32)
    themes_counts = np.zeros((len(profils), themes), dtype=np.float32)
    for index, profil in enumerate(profils):
        if profil is None:
            continue
        maturite[index] = checked_levels(profil.maturite, balises)
        couverture[index] = _checked_counts(profil.couverture, balises, "couverture")
        themes_counts[index] = _checked_counts(profil.themes, themes, "thèmes")
    return maturite, couverture, themes_counts


def checked_levels(values: Sequence[float | None], size: int) -> np.ndarray:
    """Levels as floats (NaN unknown); an empty sequence means nothing published."""
    # len() rather than truthiness: callers may pass numpy arrays.
    if len(values) and len(values) != size:
        raise ValueError(f"profil de maturité de {len(values)} niveaux, {size} attendus")
    levels = as_levels(values, size)
    if np.any((levels < 0) | (levels > MAX_LEVEL)):
        raise ValueError(f"niveau de maturité hors de l'échelle 0–{MAX_LEVEL}")
    return levels


def _checked_counts(values: Sequence[float], size: int, what: str) -> np.ndarray:
    if len(values) and len(values) != size:
        raise ValueError(f"vecteur {what} de {len(values)} valeurs, {size} attendues")
    counts = np.zeros(size, dtype=np.float32)
    if len(values):
        counts[:] = values
    if np.any(counts < 0):
        raise ValueError(f"vecteur {what} : un nombre d'actions ne peut être négatif")
    return counts


def query_for(features: FeatureMatrix, territoire_id: int) -> Query:
    """The query of a territory of the matrix, from its own row (KeyError if unknown)."""
    row = features.row_of[territoire_id]
    espace = int(features.espace_of_row[row])
    vectors = {name: features.block(name, row) for name in CONTEXT_BLOCKS}
    for name in ESPACE_BLOCKS:
        width = features.slices[name].stop - features.slices[name].start
        vectors[name] = features.block(name, espace) if espace >= 0 else np.zeros(width, np.float32)
    balises, themes = len(features.balises), len(features.themes)
    return Query(
        vectors=vectors,
        row=row,
        strate=int(features.strate[row]),
        nature=int(features.nature[row]),
        region=int(features.region[row]),
        maturite=features.maturite[espace] if espace >= 0 else np.full(balises, np.nan, np.float32),
        couverture=features.couverture[espace] if espace >= 0 else np.zeros(balises),
        themes_counts=features.themes_counts[espace] if espace >= 0 else np.zeros(themes),
        terms=features.terms[espace] if espace >= 0 else (),
    )


def _zeros(features: FeatureMatrix, name: str) -> np.ndarray:
    return np.zeros(features.slices[name].stop - features.slices[name].start, np.float32)


def encode_query(
    features: FeatureMatrix, situation: Situation, *, exclude_self: bool = True
) -> Query:
    """A query from a situation given by the caller, encoded like the matrix rows.

    This lets a territory search with its own unpublished profile (which its members may see)
    against a matrix built from published data only. Its row, if it has one, stays out of the
    results unless `exclude_self` is False.
    """
    single = build_features(
        [situation],
        features.balises,
        features.themes,
        grille=features.grille,
        text_dimensions=features.hasher.dimensions,
    )
    has_profil = single.espace.shape[0] == 1
    vectors = {name: single.block(name, 0) for name in (STRATE, NATURE)}
    region = (
        features.regions.index(situation.region) if situation.region in features.regions else -1
    )
    vectors[REGION] = _zeros(features, REGION)
    if region >= 0:
        vectors[REGION][region] = 1.0
    for name in (MATURITE, COUVERTURE, THEMES):
        vectors[name] = single.block(name, 0) if has_profil else _zeros(features, name)
    # The text is weighed with the matrix's document frequencies, not with its own.
    counts, shown = stem_counts(situation.profil.texte if situation.profil else "")
    vectors[TEXTE] = features.hasher.vector(counts)
    maturite, couverture, themes_counts = _raw_vectors(
        [situation.profil], len(features.balises), len(features.themes)
    )
    return Query(
        vectors=vectors,
        row=features.row_of.get(situation.id) if exclude_self else None,
        strate=int(single.strate[0]),
        nature=int(single.nature[0]),
        region=region,
        maturite=maturite[0],
        couverture=couverture[0],
        themes_counts=themes_counts[0],
        terms=top_terms(features.hasher.weights(counts), shown, TERMS_KEPT),
    )
