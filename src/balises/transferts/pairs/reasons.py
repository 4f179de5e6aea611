"""Why a territory was suggested: the share of each block in its score, in French words.

A reason is given for a block only when that block brought something; it names what the two
territories share (the stratum and its grid, the region, the balises where their levels are
close, the words their récits have in common), never a figure the viewer could not check.
"""

import numpy as np

from .features import NATURE_LABELS, NATURES, FeatureMatrix, Query
from .weights import (
    COUVERTURE,
    ESPACE_BLOCKS,
    MATURITE,
    NATURE,
    REGION,
    STRATE,
    TEXTE,
    THEMES,
)

NAMED = 4  # balises, themes or words named in one reason; the rest are counted
CLOSE_LEVELS = 0.5  # two levels this close (or closer) are « proches »


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:NAMED])
    return shown if len(names) <= NAMED else f"{shown}… (+{len(names) - NAMED})"


def _strate_reason(features: FeatureMatrix, query: Query, row: int) -> str | None:
    mine, theirs = query.strate, int(features.strate[row])
    if mine < 0 or theirs < 0 or abs(mine - theirs) > 1:
        return None
    grille = features.grille
    strate = grille.strates[theirs]
    source = f"{strate.label}, grille {grille.code.upper()} lue en {grille.year}"
    if mine == theirs:
        return f"même strate démographique ({source})"
    return f"strate démographique voisine ({source})"


def _nature_reason(features: FeatureMatrix, query: Query, row: int) -> str | None:
    codes = (*NATURES, "epci")
    mine, theirs = codes[query.nature], codes[int(features.nature[row])]
    if mine == theirs:
        return f"même nature de territoire ({NATURE_LABELS[theirs]})"
    if "commune" not in (mine, theirs):
        return f"intercommunalité elle aussi ({NATURE_LABELS[theirs]})"
    return None


def _region_reason(features: FeatureMatrix, query: Query, row: int) -> str | None:
    theirs = int(features.region[row])
    if query.region < 0 or theirs != query.region:
        return None
    code = features.regions[theirs]
    return f"même région ({features.region_names.get(code, code)})"


def _maturite_reason(features: FeatureMatrix, query: Query, espace: int) -> str | None:
    theirs = features.maturite[espace]
    with np.errstate(invalid="ignore"):
        close = np.abs(theirs - query.maturite) <= CLOSE_LEVELS  # NaN compares False
    names = [features.balises[i] for i in np.flatnonzero(close)]
    return f"profils de maturité proches sur {_listing(names)}" if names else None


def _shared(labels: tuple[str, ...], mine: np.ndarray, theirs: np.ndarray) -> list[str]:
    """Labels both vectors count, the most shared first (by the smaller of the two counts),
    ties in label order (a stable sort)."""
    both = np.minimum(mine, theirs)
    order = np.argsort(-both, kind="stable")
    return [labels[i] for i in order[both[order] > 0].tolist()]


def _couverture_reason(features: FeatureMatrix, query: Query, espace: int) -> str | None:
    names = _shared(features.balises, query.couverture, features.couverture[espace])
    return f"balises travaillées par les deux : {_listing(names)}" if names else None


def _themes_reason(features: FeatureMatrix, query: Query, espace: int) -> str | None:
    names = _shared(features.themes, query.themes_counts, features.themes_counts[espace])
    return f"thèmes d'action communs : {_listing(names)}" if names else None


def _texte_reason(features: FeatureMatrix, query: Query, espace: int) -> str | None:
    mine = {stem for stem, _word in query.terms}
    words = [word for stem, word in features.terms[espace] if stem in mine]
    return f"récits et fiches proches ({_listing(words)})" if words else None


def reasons_for(
    features: FeatureMatrix, query: Query, row: int, contributions: dict[str, float]
) -> list[str]:
    """French reasons, the block that brought most first; blocks that brought nothing are silent."""
    espace = int(features.espace_of_row[row])
    makers = {
        STRATE: lambda: _strate_reason(features, query, row),
        NATURE: lambda: _nature_reason(features, query, row),
        REGION: lambda: _region_reason(features, query, row),
        MATURITE: lambda: _maturite_reason(features, query, espace),
        COUVERTURE: lambda: _couverture_reason(features, query, espace),
        THEMES: lambda: _themes_reason(features, query, espace),
        TEXTE: lambda: _texte_reason(features, query, espace),
    }
    reasons = []
    for block in sorted(contributions, key=lambda name: -contributions[name]):
        if contributions[block] <= 0 or (block in ESPACE_BLOCKS and espace < 0):
            continue
        reason = makers[block]()
        if reason:
            reasons.append(reason)
    return reasons
