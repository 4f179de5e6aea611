"""Scoring every territory against a query, the top k with their reasons, and the floor.

Visibility contract: this module decides nothing about who may see what. The caller

1. builds the `FeatureMatrix` only from data that every viewer of the results may see
   (published self-assessments, public actions, récits and fiches), because a score computed
   from a private profile would leak it through the ranking; a territory's own unpublished
   profile may still be used as the *query* (`encode_query`), since its members see it;
2. passes `allowed`, the rows the viewer may be shown — a boolean mask over the matrix rows
   or a collection of territory ids. No other row is ever returned, and nothing of them
   appears in a reason (a reason speaks of the query and of the suggested row only).
"""

from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np

from balises.transferts.strates import Grille

from .features import NATURES, FeatureMatrix, Query
from .reasons import reasons_for
from .weights import BLOCKS, CONTEXT_BLOCKS, DEFAULT_WEIGHTS, ESPACE_BLOCKS, Weights

Allowed = np.ndarray | Collection[int] | None


@dataclass(frozen=True)
class Filters:
    """Which territories may be suggested; an empty field does not filter."""

    kind: str = ""  # "commune" or "epci"
    region: str = ""  # region code
    strates: frozenset[int] = frozenset()  # group numbers of the grid (1 = the smallest)
    has_espace: bool | None = None


@dataclass(frozen=True)
class Suggestion:
    id: int
    name: str
    score: float
    contributions: dict[str, float]  # block → weighted similarity; they add up to the score
    reasons: list[str]


@dataclass(frozen=True)
class Peers:
    suggestions: list[Suggestion]
    weights: Weights
    grille: Grille
    candidates: int  # how many territories were compared (after filters and visibility)
    max_score: float = field(default=0.0)  # the score of a perfect match on every block


def candidate_mask(features: FeatureMatrix, filters: Filters, allowed: Allowed) -> np.ndarray:
    """Rows that may be suggested: visible to the viewer and kept by the filters."""
    if allowed is None:
        mask = np.ones(len(features), dtype=bool)
    elif isinstance(allowed, np.ndarray) and allowed.dtype == bool:
        if allowed.shape != (len(features),):
            raise ValueError("le masque des territoires visibles n'a pas la taille de la matrice")
        mask = allowed.copy()
    else:
        mask = np.zeros(len(features), dtype=bool)
        rows = [features.row_of[int(i)] for i in allowed if int(i) in features.row_of]
        mask[rows] = True
    if filters.kind == "commune":
        mask &= features.nature == NATURES.index("commune")
    elif filters.kind == "epci":
        mask &= features.nature != NATURES.index("commune")
    if filters.region:
        region = (
            features.regions.index(filters.region) if filters.region in features.regions else -2
        )
        mask &= features.region == region
    if filters.strates:
        mask &= np.isin(features.strate, [number - 1 for number in filters.strates])
    if filters.has_espace is not None:
        mask &= (features.espace_of_row >= 0) == filters.has_espace
    return mask


def _weighted(query: Query, weights: Weights, blocks: tuple[str, ...]) -> np.ndarray:
    return np.concatenate([query.vectors[name] * weights.of(name) for name in blocks])


def score_all(features: FeatureMatrix, query: Query, weights: Weights) -> np.ndarray:
    """The score of every row: two matrix–vector products (all rows, then the space rows)."""
    scores = features.context @ _weighted(query, weights, CONTEXT_BLOCKS)
    if len(features.espace_rows):
        scores[features.espace_rows] += features.espace @ _weighted(query, weights, ESPACE_BLOCKS)
    return scores


def floor_scores(features: FeatureMatrix, query: Query) -> tuple[np.ndarray, np.ndarray]:
    """The bare arithmetic of a search: the same two products and nothing else (no weights,
    masks, ranking or reasons). A benchmark reports the search time beside this one."""
    context = features.context @ np.concatenate([query.vectors[b] for b in CONTEXT_BLOCKS])
    espace = features.espace @ np.concatenate([query.vectors[b] for b in ESPACE_BLOCKS])
    return context, espace


def top_rows(scores: np.ndarray, mask: np.ndarray, k: int, ids: np.ndarray) -> np.ndarray:
    """The k best rows among the masked ones, best first, ties by territory id.

    argpartition finds the k best in linear time; rows tied with the k-th are then all taken
    in before sorting, so that which of them is kept never depends on argpartition's order.
    """
    candidates = np.flatnonzero(mask)
    if k <= 0 or not len(candidates):
        return np.empty(0, dtype=np.int64)
    values = scores[candidates]
    if len(candidates) > k:
        threshold = values[np.argpartition(-values, k - 1)[k - 1]]
        keep = values >= threshold
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((ids[candidates], -values))[:k]
    return candidates[order]


def contributions_of(
    features: FeatureMatrix, query: Query, weights: Weights, rows: np.ndarray
) -> list[dict[str, float]]:
    """Each block's weighted similarity for some rows (zero for space blocks without a space).

    One small product per block for all the rows together: the reasons of ten suggestions
    cost a fraction of the search itself.
    """
    rows = np.asarray(rows, dtype=np.int64)
    espace = features.espace_of_row[rows]
    has_espace = espace >= 0
    table = np.zeros((len(BLOCKS), len(rows)), dtype=np.float64)
    for index, name in enumerate(BLOCKS):
        if name in CONTEXT_BLOCKS:
            table[index] = features.block(name, rows) @ query.vectors[name]
        elif has_espace.any():
            found = features.block(name, espace[has_espace]) @ query.vectors[name]
            table[index, has_espace] = found
        table[index] *= weights.of(name)
    return [dict(zip(BLOCKS, column.tolist(), strict=True)) for column in table.T]


def find_peers(
    features: FeatureMatrix,
    query: Query,
    *,
    k: int = 10,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters | None = None,
    allowed: Allowed = None,
) -> Peers:
    """The k territories most similar to the query among the allowed ones, with reasons.

    The query's own row is never suggested. See the module docstring for `allowed`.
    """
    scores = score_all(features, query, weights)
    mask = candidate_mask(features, filters or Filters(), allowed)
    if query.row is not None:
        mask[query.row] = False
    rows = top_rows(scores, mask, k, features.ids)
    suggestions = []
    for row, contributions in zip(
        rows.tolist(), contributions_of(features, query, weights, rows), strict=True
    ):
        suggestions.append(
            Suggestion(
                id=int(features.ids[row]),
                name=features.names[row],
                score=float(scores[row]),
                contributions=contributions,
                reasons=reasons_for(features, query, row, contributions),
            )
        )
    present = [b for b in BLOCKS if np.any(query.vectors[b])]
    return Peers(
        suggestions=suggestions,
        weights=weights,
        grille=features.grille,
        candidates=int(mask.sum()),
        max_score=sum(weights.of(b) for b in present),
    )
