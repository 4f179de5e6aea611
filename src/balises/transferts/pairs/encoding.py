"""Turning situations into unit vectors: soft one-hot codes and hashed TF-IDF of French stems.

Every block of the feature matrix is a set of rows of length 1 (or 0 when nothing is known),
so that the dot product of two rows is a cosine between 0 and 1 and the blocks can be weighed
against each other on the same scale.
"""

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from balises.core.text import STOPWORDS, fold, stem_word

# Half-width of the triangle used by soft codes: the neighbouring position gets half the
# weight, two positions away nothing. Two towns one stratum (or one maturity level) apart are
# then still alike (cosine 2/3), two apart barely (1/6), three apart not at all.
SOFT_WIDTH = 2.0


def soft_codes(positions: np.ndarray, size: int, width: float = SOFT_WIDTH) -> np.ndarray:
    """One row per position: a triangle centred on it over `size` slots; NaN gives a zero row.

    Fractional positions (a median of 2.5) spread over the two slots around them.
    """
    slots = np.arange(size, dtype=np.float32)
    positions = np.asarray(positions, dtype=np.float32)
    codes = np.clip(1.0 - np.abs(positions[..., None] - slots) / width, 0.0, None)
    return np.nan_to_num(codes, nan=0.0).astype(np.float32)


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    """Scale each row to length 1 in place; an all-zero row (nothing known) stays zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix


def log_counts(counts: np.ndarray) -> np.ndarray:
    """Damped counts: 30 actions on a balise are not 30 times one (log(1 + n))."""
    return np.log1p(np.clip(np.nan_to_num(counts, nan=0.0), 0.0, None)).astype(np.float32)


@lru_cache(maxsize=200_000)
def _bucket(stem: str, dimensions: int) -> tuple[int, float]:
    # crc32 rather than hash(): Python salts string hashes per process, and the same stem
    # must land in the same slot in the process that builds and the one that queries.
    digest = zlib.crc32(stem.encode("utf-8"))
    # One bit of the digest gives a sign, so that two stems sharing a slot cancel out on
    # average instead of always adding up.
    return digest % dimensions, (1.0 if digest & 0x8000_0000 else -1.0)


_WORD = re.compile(r"[^\W_]+")


def stem_counts(text: str) -> tuple[Counter[str], dict[str, str]]:
    """Stems of a text with their counts, and one readable word per stem (its first form,
    lower-cased with its accents: « bocagères » reads better than « bocager » in a reason).

    Words are cut and folded as `balises.core.text.stems` does, so both agree on stems.
    """
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    # Distinct words first (in order of first appearance), then their stems.
    for token, times in Counter(_WORD.findall(text)).items():
        for stem in _token_stems(token):
            counts[stem] += times
            shown.setdefault(stem, token.lower())
    return counts, shown


@lru_cache(maxsize=200_000)
def _token_stems(token: str) -> tuple[str, ...]:
    # Texts repeat the same words: folding and stemming each distinct word once makes
    # building the matrix several times faster.
    return tuple(stem_word(word) for word in fold(token).split() if word not in STOPWORDS)


@dataclass
class TextHasher:
    """TF-IDF over French stems, hashed into a fixed number of slots.

    Hashing keeps the vectors the same size however large the vocabulary grows, and needs no
    vocabulary to be stored; the document frequencies learnt by `fit` give rare stems (a
    « chaufferie ») more weight than stems every récit uses (« projet »).
    """

    dimensions: int = 1024
    documents: int = 0
    idfs: dict[str, float] = field(default_factory=dict)

    def fit(self, documents: Iterable[Counter[str]]) -> "TextHasher":
        frequency: Counter[str] = Counter()
        count = 0
        for counts in documents:
            frequency.update(counts.keys())
            count += 1
        self.documents = count
        # Computed once: a matrix of thousands of récits asks for the same stems again and again.
        self.idfs = {stem: self._idf(seen) for stem, seen in frequency.items()}
        return self

    def _idf(self, seen: int) -> float:
        return math.log((1 + self.documents) / (1 + seen)) + 1.0

    def idf(self, stem: str) -> float:
        found = self.idfs.get(stem)
        return self._idf(0) if found is None else found

    def weights(self, counts: Counter[str]) -> dict[str, float]:
        """tf-idf of each stem, with a damped term frequency (1 + log n)."""
        unseen = self._idf(0)
        idfs = self.idfs
        return {stem: (1.0 + math.log(n)) * idfs.get(stem, unseen) for stem, n in counts.items()}

    def vector(self, counts: Counter[str]) -> np.ndarray:
        return self.vector_of(self.weights(counts))

    def vector_of(self, weights: dict[str, float]) -> np.ndarray:
        row = np.zeros(self.dimensions, dtype=np.float32)
        for stem, weight in weights.items():
            slot, sign = _bucket(stem, self.dimensions)
            row[slot] += sign * weight
        norm = float(np.linalg.norm(row))
        return row / norm if norm > 0 else row


def top_terms(
    weights: dict[str, float], shown: dict[str, str], limit: int
) -> tuple[tuple[str, str], ...]:
    """The `limit` heaviest (stem, word) pairs of a text: what a reason can name."""
    best = sorted(weights, key=lambda stem: (-weights[stem], stem))[:limit]
    return tuple((stem, shown[stem]) for stem in best)


def as_levels(values: Sequence[float | None], size: int) -> np.ndarray:
    """Maturity levels as floats with NaN for « not known » (None, NaN or a missing tail)."""
    levels = np.full(size, np.nan, dtype=np.float32)
    for position, value in enumerate(values[:size]):
        if value is not None and not math.isnan(value):
            levels[position] = value
    return levels
