"""The bench scenarios of the national reference run and report within their budgets."""

import pytest

from balises.core.bench import BenchContext
from balises.territoires.bench import name_search, national_load


@pytest.mark.slow
def test_load_and_name_search_scenarios_measure_the_national_set(tmp_path, monkeypatch):
    monkeypatch.delenv("BALISES_BENCH_POSTGRES", raising=False)
    context = BenchContext(quick=True, workdir=tmp_path)
    [load] = national_load(context)
    assert load.label == "sqlite" and load.unit == "s" and len(load.samples) == 1
    assert 0 < load.samples[0] < 120
    p95, median, index = name_search(context)
    assert p95.unit == "ms" and p95.budget == "< 50 ms"
    assert all(sample > 0 for sample in p95.samples + median.samples + index.samples)
