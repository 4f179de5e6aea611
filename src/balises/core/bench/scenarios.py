"""Scenarios of the platform itself. Discovered by `balises bench` (see `runner.discover`)."""

import statistics

from . import BenchContext, Result, scenario
from .http_load import run_load, running_server

CONNECTIONS = 32
PAGES = ("/healthz", "/")
MIN_RATIO = 50.0  # the home page keeps at least half of the trivial endpoint's throughput


@scenario(
    "http-debit",
    "Débit HTTP sous charge (32 connexions keep-alive, gunicorn 2 × 4) : "
    "la page d'accueil comparée à /healthz sur le même serveur",
)
def http_throughput(context: BenchContext) -> list[Result]:
    duration = 1.0 if context.quick else 5.0
    repeat = 1 if context.quick else max(1, context.repeat)
    runs: dict[str, list] = {path: [] for path in PAGES}
    with running_server() as server:
        for path in PAGES:  # warm up every worker's templates and connections
            run_load(server, path, connections=4, duration=0.3, max_requests=40)
        for _ in range(repeat):
            for path in PAGES:
                runs[path].append(
                    run_load(server, path, connections=CONNECTIONS, duration=duration)
                )
    results = []
    for path in PAGES:
        name = "accueil /" if path == "/" else path
        results += [
            Result([run.throughput for run in runs[path]], "req/s", f"{name} : débit"),
            Result([run.percentile(0.5) for run in runs[path]], "ms", f"{name} : latence p50"),
            Result([run.percentile(0.95) for run in runs[path]], "ms", f"{name} : latence p95"),
            Result(
                [run.cpu_ms_per_request for run in runs[path]],
                "ms",
                f"{name} : CPU serveur par requête",
                notes="temps CPU des processus gunicorn divisé par le nombre de requêtes",
            ),
        ]
    ratios = [
        100 * home.throughput / healthz.throughput if healthz.throughput else 0.0
        for healthz, home in zip(runs["/healthz"], runs["/"], strict=True)
    ]
    errors = [sum(run.errors for run in pair) for pair in zip(*runs.values(), strict=True)]
    results += [
        Result(
            ratios,
            "%",
            "débit accueil / débit /healthz",
            budget=f"≥ {MIN_RATIO:.0f} %",
            within_budget=statistics.median(ratios) >= MIN_RATIO,
        ),
        Result(
            [float(count) for count in errors],
            "requêtes",
            "erreurs",
            budget="0",
            within_budget=sum(errors) == 0,
        ),
    ]
    return results
