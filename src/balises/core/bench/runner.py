"""Find, run and summarise benchmark scenarios (see the contract in `balises.core.bench`)."""

import importlib
import importlib.util
import statistics
import traceback
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone

from . import SCENARIOS, BenchContext, Result, Scenario
from .machine import describe_machine
from .report import Row, format_number, within_text

EXTRA_MODULES = ["balises.core.bench.scenarios"]


def discover() -> dict[str, Scenario]:
    """Import `balises.<app>.bench` of every installed app that has one, and core's scenarios."""
    modules = [
        f"{config.name}.bench"
        for config in apps.get_app_configs()
        if config.name.startswith("balises.")
    ]
    for name in [*modules, *EXTRA_MODULES]:
        # find_spec first: a missing module is normal, an error inside one is not hidden.
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    return dict(sorted(SCENARIOS.items()))


@dataclass
class Outcome:
    scenario: Scenario
    results: list[Result]
    error: str = ""


def run(scenarios: list[Scenario], context: BenchContext) -> list[Outcome]:
    outcomes = []
    for scenario in scenarios:
        try:
            returned = scenario.function(context)
        except Exception:  # one broken scenario must not lose the others' measures
            outcomes.append(Outcome(scenario, [], traceback.format_exc()))
            continue
        results = returned if isinstance(returned, list) else [returned]
        outcomes.append(Outcome(scenario, results))
    return outcomes


def to_rows(outcomes: list[Outcome]) -> list[Row]:
    machine = describe_machine()
    today = timezone.localdate().isoformat()
    rows = []
    for outcome in outcomes:
        for result in outcome.results:
            samples = [float(sample) for sample in result.samples] or [float("nan")]
            rows.append(
                Row(
                    scenario=outcome.scenario.name,
                    label=result.label or "—",
                    median=format_number(statistics.median(samples)),
                    minimum=format_number(min(samples)),
                    maximum=format_number(max(samples)),
                    unit=result.unit,
                    budget=result.budget or "—",
                    within=within_text(result.within_budget),
                    machine=machine,
                    date=today,
                )
            )
    return rows
