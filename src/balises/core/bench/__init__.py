"""The benchmark contract used by `balises bench`.

An app declares scenarios in its own `bench.py` module:

    from balises.core.bench import BenchContext, Result, scenario

    @scenario("territoires-chargement", "Chargement national dans une base SQLite vide")
    def national_load(context: BenchContext) -> Result:
        samples = [...]  # one measure per repetition
        return Result(samples=samples, unit="s", budget="< 30 s", within_budget=max(samples) < 30)

`balises bench` imports every `balises.<app>.bench` module (and `balises.core.bench.scenarios`,
since this package is core's), runs the selected scenarios and writes docs/benchmarks.md (scenario,
measure, median, min, max, unit, budget, within budget, machine, date), keeping the rows of
scenarios not run this time (see `report.py`). A scenario may return several results (e.g. one
per database or one per page) as a list; each is a row, keyed by scenario and label.
`context.repeat` is 1 and `context.quick` True under `--quick`: keep quick runs to a few seconds.
Scenarios start and stop whatever they need (servers, temporary databases) themselves, only on
127.0.0.1, with bounded loops.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class BenchContext:
    repeat: int = 5
    quick: bool = False  # fewer and smaller runs, for the test suite
    workdir: Path = field(default_factory=Path.cwd)
    stdout: TextIO | None = None


@dataclass
class Result:
    samples: list[float]
    unit: str = "s"
    label: str = ""  # sub-row name, e.g. "sqlite" or "/healthz"
    budget: str = ""  # human-readable budget, e.g. "< 30 s" or ">= 50 % of /healthz"
    within_budget: bool | None = None
    notes: str = ""


ScenarioFunction = Callable[[BenchContext], "Result | list[Result]"]


@dataclass
class Scenario:
    name: str
    description: str
    function: ScenarioFunction


SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, description: str = "") -> Callable[[ScenarioFunction], ScenarioFunction]:
    def register(function: ScenarioFunction) -> ScenarioFunction:
        SCENARIOS[name] = Scenario(name, description or (function.__doc__ or "").strip(), function)
        return function

    return register
