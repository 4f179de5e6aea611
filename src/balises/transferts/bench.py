"""Bench scenarios of the transfer computations: peer search against its floor, and the
decontextualisation check against the national names.

No database and no server: everything is built in memory, so the functions `measure_peers`
and `measure_decontexte` can also be called directly (they return plain timings). The
scenarios are registered with `balises bench` like every app's `bench.py`; they are listed
once this package is an installed app.
"""

import statistics
import time
from collections.abc import Callable
from functools import partial

import numpy as np

from balises.core.bench import BenchContext, Result, scenario

from .decontexte import (
    ORGANISATION,
    PERSONNE,
    Lieu,
    NomLocal,
    build_local_index,
    build_national_index,
    check,
    lieux_from_dataset,
)
from .pairs import Profil, Situation, build_features, find_peers, floor_scores, query_for

PEERS_BUDGET_RATIO = 3.0  # peer search ≤ 3 × the bare products over the same matrix
PEERS_BUDGET_MS = 50.0  # p95
CHECK_BUDGET_MS = 50.0  # a 2,000-word text against every national name

# Made-up syllables: the synthetic récits need a vocabulary, not a meaning.
_SYLLABLES = ("ba", "ro", "ti", "cha", "leur", "mon", "ver", "eau", "bo", "ner", "gi", "sol")


def percentile(samples: list[float], share: float) -> float:
    """The sample below which `share` of the samples lie (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, int(np.ceil(share * len(ordered))) - 1))]


def synthetic_situations(
    territoires: int = 36_000,
    espaces: int = 5_000,
    balises: int = 23,
    themes: int = 12,
    words: int = 200,
    seed: int = 0,
) -> list[Situation]:
    """Territories shaped like the national set: ~3.5 % EPCI, 18 regions, log-normal
    populations, and `espaces` of them with a profile (a fifth of the levels unpublished)."""
    rng = np.random.default_rng(seed)
    vocabulary = ["".join(rng.choice(_SYLLABLES, size=3)) for _ in range(4_000)]
    with_espace = set(rng.choice(territoires, size=espaces, replace=False).tolist())
    epci_from = territoires - territoires * 35 // 1000
    situations = []
    for row in range(territoires):
        profil = None
        if row in with_espace:
            levels = rng.integers(0, 5, size=balises).astype(float)
            unknown = rng.random(balises) < 0.2
            profil = Profil(
                maturite=[None if u else float(v) for u, v in zip(unknown, levels, strict=True)],
                couverture=rng.poisson(2, balises).tolist(),
                themes=rng.poisson(1, themes).tolist(),
                texte=" ".join(rng.choice(vocabulary, size=words)),
            )
        kind = "epci" if row >= epci_from else "commune"
        situations.append(
            Situation(
                id=row + 1,
                kind=kind,
                population=int(rng.lognormal(6.5, 1.6)) * (30 if kind == "epci" else 1),
                region=f"{row % 18:02d}",
                epci_type=str(rng.choice(["CC", "CA", "CU", "METRO"])) if kind == "epci" else "",
                name=f"Territoire {row + 1}",
                profil=profil,
            )
        )
    return situations


def _timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def measure_peers(
    territoires: int = 36_000, espaces: int = 5_000, queries: int = 200, k: int = 10
) -> dict[str, float]:
    """Build a synthetic matrix, then time a top-k search with reasons and the floor (the same
    products, bare) for the same queries, alternating them so both see the same noise."""
    situations = synthetic_situations(territoires, espaces)
    balises = [f"B{i + 1}" for i in range(23)]
    started = time.perf_counter()
    features = build_features(situations, balises, [f"T{i + 1}" for i in range(12)])
    build = time.perf_counter() - started
    rng = np.random.default_rng(1)
    with_espace = features.ids[features.espace_rows]
    # Half the queries from territories with a space (the full computation), half without.
    chosen = [int(i) for i in rng.choice(with_espace, size=queries // 2, replace=False)]
    chosen += [int(i) for i in rng.choice(features.ids, size=queries - len(chosen))]
    prepared = [query_for(features, identifier) for identifier in chosen]
    for query in prepared[:5]:  # warm caches and BLAS
        find_peers(features, query, k=k)
        floor_scores(features, query)
    search, floor = [], []
    for query in prepared:
        search.append(_timed(partial(find_peers, features, query, k=k)))
        floor.append(_timed(partial(floor_scores, features, query)))
    return {
        "build_s": build,
        "search_median_ms": statistics.median(search),
        "search_p95_ms": percentile(search, 0.95),
        "floor_median_ms": statistics.median(floor),
        "floor_p95_ms": percentile(floor, 0.95),
        "ratio_median": statistics.median(search) / statistics.median(floor),
        "ratio_p95": percentile(search, 0.95) / percentile(floor, 0.95),
    }


SAMPLE = (
    "En 2014, la commune de Loos-en-Gohelle a réuni les habitants autour d'un Plan climat ; "
    "avec la communauté d'agglomération de Lens-Liévin, elle a investi 14 M€ sur six ans, "
    "dont 700 000 euros pour la chaufferie bois. Jean-François Caron, le maire, cite Le Mené, "
    "Malaunay et Saint-Jean-de-Luz comme exemples ; en mars 2019, l'association Chênelet a "
    "formé douze personnes. Le projet a coûté 1,5 million et le bar associatif de la place "
    "accueille les ateliers du mardi, sur un plan de financement partagé. "
)
FILLER = (
    "Les habitants se sont approprié la démarche pas à pas : des ateliers ouverts, une "
    "gouvernance partagée entre élus, agents et associations, des chantiers participatifs où "
    "chacun apporte ce qu'il sait faire, et un temps de bilan chaque année pour décider de la "
    "suite. "
)


def sample_text(words: int = 2_000) -> str:
    """A text of about `words` words mixing running French with local names, amounts, dates."""
    parts: list[str] = []
    count = 0
    while count < words:
        part = SAMPLE if len(parts) % 3 == 0 else FILLER
        parts.append(part)
        count += len(part.split())
    return "".join(parts)


def measure_decontexte(repeat: int = 20, words: int = 2_000) -> dict[str, float]:
    """Read the shipped national dataset, build the name index once, then check a text."""
    from balises.territoires.dataset import read_dataset, shipped_dataset

    started = time.perf_counter()
    lieux = lieux_from_dataset(read_dataset(shipped_dataset()))
    read = time.perf_counter() - started
    started = time.perf_counter()
    national = build_national_index(lieux)
    build = time.perf_counter() - started
    local = build_local_index(
        [
            Lieu("Loos-en-Gohelle", "commune", 6_900),
            Lieu("CA de Lens - Liévin", "epci", 242_000, "CA"),
        ],
        [NomLocal("Jean-François Caron", PERSONNE, "le maire"), NomLocal("Chênelet", ORGANISATION)],
    )
    text = sample_text(words)
    findings = check(text, national, local, population=6_900)
    checks = [_timed(lambda: check(text, national, local, population=6_900)) for _ in range(repeat)]
    return {
        "read_s": read,
        "build_s": build,
        "names": float(len(national)),
        "words": float(len(text.split())),
        "findings": float(len(findings)),
        "check_median_ms": statistics.median(checks),
        "check_max_ms": max(checks),
    }


@scenario(
    "transferts-pairs",
    "Territoires pairs : top 10 parmi 36 000 territoires (5 000 avec un espace), raisons "
    "comprises, comparé au plancher (les mêmes produits matrice–vecteur, nus)",
)
def peers(context: BenchContext) -> list[Result]:
    runs = [
        measure_peers(queries=20 if context.quick else 200)
        for _ in range(1 if context.quick else max(1, min(context.repeat, 3)))
    ]
    return [
        Result(
            [run["search_p95_ms"] for run in runs],
            "ms",
            "recherche p95",
            budget=f"< {PEERS_BUDGET_MS:.0f} ms",
            within_budget=max(run["search_p95_ms"] for run in runs) < PEERS_BUDGET_MS,
        ),
        Result([run["search_median_ms"] for run in runs], "ms", "recherche médiane"),
        Result([run["floor_median_ms"] for run in runs], "ms", "plancher médian"),
        Result(
            [run["ratio_median"] for run in runs],
            "×",
            "recherche / plancher (médianes)",
            budget=f"≤ {PEERS_BUDGET_RATIO:g} ×",
            within_budget=statistics.median(r["ratio_median"] for r in runs) <= PEERS_BUDGET_RATIO,
        ),
        Result([run["build_s"] for run in runs], "s", "construction de la matrice"),
    ]


@scenario(
    "transferts-decontexte",
    "Aide à la décontextualisation : un texte de 2 000 mots contre les ~40 000 noms du "
    "référentiel national, et la construction de l'index",
)
def decontexte(context: BenchContext) -> list[Result]:
    measured = measure_decontexte(repeat=3 if context.quick else 20)
    return [
        Result(
            [measured["check_median_ms"]],
            "ms",
            "vérification de 2 000 mots (médiane)",
            budget=f"< {CHECK_BUDGET_MS:.0f} ms",
            within_budget=measured["check_median_ms"] < CHECK_BUDGET_MS,
        ),
        Result([measured["build_s"]], "s", "construction de l'index des noms (une fois)"),
    ]
