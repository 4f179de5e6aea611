"""Run benchmark scenarios and record their medians in docs/benchmarks.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from balises.core.bench import BenchContext
from balises.core.bench.report import write_report
from balises.core.bench.runner import discover, run, to_rows


class Command(BaseCommand):
    help = "Mesure les performances (scénarios de `balises bench --list`) et écrit le rapport."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", metavar="NOM", help="scénarios (défaut : tous)")
        parser.add_argument("--repeat", type=int, default=5, help="répétitions (5)")
        parser.add_argument("--quick", action="store_true", help="passes courtes, pour tester")
        parser.add_argument("--list", action="store_true", help="énumérer les scénarios")
        parser.add_argument(
            "--output",
            type=Path,
            default=Path("docs") / "benchmarks.md",
            help="fichier du rapport (docs/benchmarks.md)",
        )

    def handle(self, *args, names, repeat, quick, list, output, **options):
        scenarios = discover()
        if list:
            for name, scenario in scenarios.items():
                self.stdout.write(f"{name}\n    {scenario.description}")
            return
        if repeat < 1:
            raise CommandError("--repeat doit valoir au moins 1.")
        unknown = [name for name in names if name not in scenarios]
        if unknown:
            raise CommandError(
                f"Scénario inconnu : {', '.join(unknown)}. "
                f"Scénarios disponibles : {', '.join(scenarios) or 'aucun'}."
            )
        selected = [scenarios[name] for name in names] if names else [*scenarios.values()]
        context = BenchContext(repeat=1 if quick else repeat, quick=quick, stdout=self.stdout)
        outcomes = []
        for scenario in selected:
            self.stdout.write(f"▸ {scenario.name} — {scenario.description}")
            outcome = run([scenario], context)[0]
            outcomes.append(outcome)
            if outcome.error:
                self.stderr.write(f"  échec :\n{outcome.error}")
            for row in to_rows([outcome]):
                self.stdout.write(
                    f"  {row.label} : {row.median} {row.unit} "
                    f"(min {row.minimum}, max {row.maximum}) {row.budget} {row.within}"
                )
        write_report(output, to_rows(outcomes))
        self.stdout.write(f"Rapport écrit dans {output}")
        failed = [outcome.scenario.name for outcome in outcomes if outcome.error]
        if failed:
            raise CommandError(f"Scénarios en échec : {', '.join(failed)}.")
