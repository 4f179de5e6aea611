"""« Qui, parmi les territoires comme le mien, est fort là où je suis faible ? »

For each of my weakest balises (lowest published level), the territories whose published
level there is highest. Ties between equal levels go to the territory most like mine (the
peer score), then to the smallest id, so that the answer never depends on input order.
A balise I published no level for is not « weak »: not knowing is not a level, so it is left
out rather than guessed.
"""

from dataclasses import dataclass

import numpy as np

from .features import MAX_LEVEL, FeatureMatrix, Query
from .scoring import Allowed, Filters, candidate_mask, score_all
from .weights import DEFAULT_WEIGHTS, Weights


@dataclass(frozen=True)
class StrongPeer:
    id: int
    name: str
    level: float
    score: float  # similarity to the query, as in find_peers


@dataclass(frozen=True)
class WeakBalise:
    balise: str
    my_level: float
    peers: list[StrongPeer]


def weakest_balises(levels: np.ndarray, count: int) -> list[int]:
    """Positions of the `count` lowest known levels below the top of the scale, lowest first,
    ties in balise order."""
    known = [i for i in range(len(levels)) if not np.isnan(levels[i]) and levels[i] < MAX_LEVEL]
    return sorted(known, key=lambda i: (float(levels[i]), i))[:count]


def strong_where_weak(
    features: FeatureMatrix,
    query: Query,
    *,
    weakest: int = 3,
    per_balise: int = 5,
    weights: Weights = DEFAULT_WEIGHTS,
    filters: Filters | None = None,
    allowed: Allowed = None,
) -> list[WeakBalise]:
    """My `weakest` balises, each with up to `per_balise` territories strictly stronger there.

    `allowed` and the data in the matrix follow the contract of `scoring` (only rows the viewer
    may see; the matrix built from published self-assessments).
    """
    scores = score_all(features, query, weights)
    mask = candidate_mask(features, filters or Filters(), allowed)
    if query.row is not None:
        mask[query.row] = False
    visible = mask[features.espace_rows]  # espace index → may be shown
    rows = features.espace_rows
    answer = []
    for balise in weakest_balises(query.maturite, weakest):
        mine = float(query.maturite[balise])
        levels = features.maturite[:, balise]
        with np.errstate(invalid="ignore"):
            stronger = np.flatnonzero(visible & (levels > mine))  # NaN is never stronger
        order = np.lexsort(
            (features.ids[rows[stronger]], -scores[rows[stronger]], -levels[stronger])
        )[:per_balise]
        peers = [
            StrongPeer(
                id=int(features.ids[rows[i]]),
                name=features.names[rows[i]],
                level=float(levels[i]),
                score=float(scores[rows[i]]),
            )
            for i in stronger[order]
        ]
        answer.append(WeakBalise(features.balises[balise], mine, peers))
    return answer
