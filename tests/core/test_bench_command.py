import pytest
from django.core.management import CommandError, call_command

from balises.core.bench import SCENARIOS, BenchContext, Result, scenario
from balises.core.bench.report import read_rows

SEEN_CONTEXTS: list[BenchContext] = []


@pytest.fixture
def fake_scenarios():
    SEEN_CONTEXTS.clear()
    values = iter([[1.0, 3.0, 2.0], [10.0, 30.0, 20.0]])

    @scenario("faux-test", "Un scénario de test")
    def fake(context: BenchContext) -> list[Result]:
        SEEN_CONTEXTS.append(context)
        samples = next(values)
        return [
            Result(samples, "s", "durée", budget="< 5 s", within_budget=max(samples) < 5),
            Result([42.0], "req/s", "débit | pic"),
        ]

    @scenario("faux-casse", "Un scénario qui échoue")
    def broken(context: BenchContext) -> Result:
        raise RuntimeError("panne simulée")

    yield
    SCENARIOS.pop("faux-test", None)
    SCENARIOS.pop("faux-casse", None)


def test_list_names_every_discovered_scenario(fake_scenarios, capsys):
    call_command("bench", "--list")
    out = capsys.readouterr().out
    assert "faux-test" in out and "Un scénario de test" in out
    assert "http-debit" in out  # balises.core.bench.scenarios is discovered


def test_a_quick_run_writes_a_table_with_median_min_max_budget_and_machine(
    fake_scenarios, tmp_path, capsys
):
    output = tmp_path / "benchmarks.md"
    call_command("bench", "faux-test", "--quick", "--output", str(output))
    assert SEEN_CONTEXTS[0].quick and SEEN_CONTEXTS[0].repeat == 1
    text = output.read_text()
    assert text.startswith("# Mesures de performance")
    assert "médiane" in text and "bruyantes" in text and "balises bench" in text
    rows = {row.label: row for row in read_rows(output)}
    duration = rows["durée"]
    assert (duration.median, duration.minimum, duration.maximum) == ("2", "1", "3")
    assert (duration.unit, duration.budget, duration.within) == ("s", "< 5 s", "oui")
    assert "cœurs" in duration.machine and "Python 3." in duration.machine
    assert "SQLite" in duration.machine and "base " in duration.machine
    assert rows["débit | pic"].within == "—"  # a pipe in a label survives the table
    assert "durée : 2 s" in capsys.readouterr().out


def test_rerunning_a_scenario_replaces_its_rows_and_keeps_the_others(fake_scenarios, tmp_path):
    output = tmp_path / "benchmarks.md"
    output.write_text(
        "# ancien\n\n| scénario | mesure | médiane | min | max | unité | budget | respecté ? "
        "| machine | date |\n|---|---|---|---|---|---|---|---|---|---|\n"
        "| autre | temps | 7 | 6 | 8 | s | < 30 s | oui | vieille machine | 2025-01-01 |\n"
    )
    call_command("bench", "faux-test", "--quick", "--output", str(output))
    call_command("bench", "faux-test", "--quick", "--output", str(output))
    rows = read_rows(output)
    assert [(row.scenario, row.label) for row in rows] == [
        ("autre", "temps"),
        ("faux-test", "durée"),
        ("faux-test", "débit | pic"),
    ]
    assert rows[0].machine == "vieille machine" and rows[0].date == "2025-01-01"
    assert (rows[1].median, rows[1].within) == ("20", "**non**")


def test_an_unknown_scenario_is_refused_in_french(fake_scenarios, tmp_path):
    with pytest.raises(CommandError, match="Scénario inconnu : nulle-part"):
        call_command("bench", "nulle-part", "--output", str(tmp_path / "b.md"))
    assert not (tmp_path / "b.md").exists()


def test_a_failing_scenario_is_reported_after_the_others_are_written(fake_scenarios, tmp_path):
    output = tmp_path / "benchmarks.md"
    with pytest.raises(CommandError, match="Scénarios en échec : faux-casse"):
        call_command("bench", "faux-casse", "faux-test", "--quick", "--output", str(output))
    assert {row.scenario for row in read_rows(output)} == {"faux-test"}


def test_repeat_must_be_positive(fake_scenarios, tmp_path):
    with pytest.raises(CommandError, match="au moins 1"):
        call_command("bench", "faux-test", "--repeat", "0", "--output", str(tmp_path / "b.md"))
