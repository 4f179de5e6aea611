"""docs/benchmarks.md: one table row per (scenario, measure), merged with the rows already there.

Rows of scenarios not re-run keep their values, machine and date, so that running one scenario
does not erase the others.
"""

import re
from dataclasses import dataclass
from pathlib import Path

HEADER = """# Mesures de performance

Ces chiffres sont produits par `balises bench` (tous les scénarios) ou
`balises bench NOM [NOM …] [--repeat N]` (quelques-uns ; `balises bench --list` les énumère) ;
l'option `--quick` fait des passes courtes, pour vérifier que les scénarios fonctionnent.
Chaque ligne donne la **médiane** de plusieurs répétitions, avec le minimum et le maximum :
les machines de mesure sont partagées et bruyantes, si bien qu'un chiffre isolé compte moins
que les rapports mesurés au cours d'une même exécution (par exemple le débit d'une page
comparé à celui de `/healthz` sur le même serveur). Relancer un scénario remplace ses lignes et
garde celles des autres ; la colonne « machine » décrit où chaque ligne a été mesurée.
"""

COLUMNS = [
    "scénario",
    "mesure",
    "médiane",
    "min",
    "max",
    "unité",
    "budget",
    "respecté ?",
    "machine",
    "date",
]


@dataclass
class Row:
    scenario: str
    label: str
    median: str
    minimum: str
    maximum: str
    unit: str
    budget: str
    within: str
    machine: str
    date: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.scenario, self.label)

    def cells(self) -> list[str]:
        return [
            self.scenario,
            self.label,
            self.median,
            self.minimum,
            self.maximum,
            self.unit,
            self.budget,
            self.within,
            self.machine,
            self.date,
        ]


def format_number(value: float) -> str:
    if value != value:  # NaN: nothing was measured
        return "—"
    magnitude = abs(value)
    if magnitude >= 100 or value == int(value):
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 0.01:
        return f"{value:.2f}"
    return f"{value:.3g}"


def within_text(within: bool | None) -> str:
    return {True: "oui", False: "**non**", None: "—"}[within]


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _split(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    cells = re.split(r"(?<!\\)\|", inner)
    return [cell.strip().replace("\\|", "|") for cell in cells]


def read_rows(path: Path) -> list[Row]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = _split(line)
        if len(cells) != len(COLUMNS) or cells[0] == COLUMNS[0] or set(cells[0]) <= {"-", ":"}:
            continue
        rows.append(Row(*cells))
    return rows


def merge_rows(old: list[Row], new: list[Row]) -> list[Row]:
    """A new row replaces the old row of the same scenario and measure; other rows are kept."""
    merged = {row.key: row for row in old}
    for row in new:
        merged.pop(row.key, None)
        merged[row.key] = row
    # Stable sort: within a scenario, measures keep the order in which the scenario gave them.
    return sorted(merged.values(), key=lambda row: row.scenario)


def render(rows: list[Row]) -> str:
    lines = [HEADER, "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_escape(cell) for cell in row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_report(path: Path, new_rows: list[Row]) -> list[Row]:
    rows = merge_rows(read_rows(path), new_rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(rows), encoding="utf-8")
    return rows
