"""`make test`'s runner: an empty run is a failure, and the summary says which suites ran."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "run_tests.py"


@pytest.fixture
def runner(monkeypatch):
    spec = importlib.util.spec_from_file_location("run_tests", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls = []

    def fake_call(command, cwd, env):
        calls.append((command, env.get("DATABASE_URL")))
        return module.exit_codes.pop(0) if module.exit_codes else 0

    module.exit_codes = []
    monkeypatch.setattr(module.subprocess, "call", fake_call)
    monkeypatch.setattr(module.sys, "argv", ["run_tests.py"])
    module.calls = calls
    return module


def test_without_postgres_two_suites_run_and_the_summary_says_postgres_did_not(
    runner, monkeypatch, capsys
):
    monkeypatch.delenv("BALISES_TEST_POSTGRES", raising=False)
    monkeypatch.delenv("BALISES_REQUIRE_POSTGRES", raising=False)
    assert runner.main() == 0
    assert [command[-2:] for command, _url in runner.calls] == [
        ["-m", "not e2e"],
        ["e2e", "tests/e2e"],
    ]
    out = capsys.readouterr().out
    assert "SQLite                 réussie" in out
    assert "PostgreSQL             non lancée" in out


def test_postgres_suite_runs_with_the_database_url(runner, monkeypatch):
    monkeypatch.setenv("BALISES_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5999/balises")
    assert runner.main() == 0
    assert runner.calls[-1][1] == "postgres://postgres@127.0.0.1:5999/balises"
    assert all(url is None for _command, url in runner.calls[:-1])


def test_a_run_that_collects_no_test_fails(runner, monkeypatch, capsys):
    monkeypatch.delenv("BALISES_TEST_POSTGRES", raising=False)
    runner.exit_codes = [5, 0]
    assert runner.main() == 1
    assert "aucun test collecté" in capsys.readouterr().err


def test_required_postgres_without_a_url_fails(runner, monkeypatch):
    monkeypatch.delenv("BALISES_TEST_POSTGRES", raising=False)
    monkeypatch.setenv("BALISES_REQUIRE_POSTGRES", "1")
    assert runner.main() == 1


def test_a_failing_suite_fails_the_whole_run(runner, monkeypatch):
    monkeypatch.delenv("BALISES_TEST_POSTGRES", raising=False)
    runner.exit_codes = [0, 1]
    assert runner.main() == 1
