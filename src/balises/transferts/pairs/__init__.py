"""Peer finder: the territories most like a given one « by situation », with the reasons.

Pure computation: plain data in (`Situation`, `Profil`), numpy inside, plain data out. Build a
`FeatureMatrix` once with `build_features`, then answer queries with `find_peers` and
`strong_where_weak`. Who may see which row is the caller's business: see `scoring`.
"""

from .features import (
    FeatureMatrix,
    Profil,
    Query,
    Situation,
    build_features,
    encode_query,
    query_for,
)
from .forces import StrongPeer, WeakBalise, strong_where_weak
from .scoring import Filters, Peers, Suggestion, find_peers, floor_scores
from .weights import DEFAULT_WEIGHTS, Weights, explain

__all__ = [
    "DEFAULT_WEIGHTS",
    "FeatureMatrix",
    "Filters",
    "Peers",
    "Profil",
    "Query",
    "Situation",
    "StrongPeer",
    "Suggestion",
    "WeakBalise",
    "Weights",
    "build_features",
    "encode_query",
    "explain",
    "find_peers",
    "floor_scores",
    "query_for",
    "strong_where_weak",
]
