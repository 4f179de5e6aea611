import os

import pytest

from balises.core.bench import BenchContext
from balises.core.bench.http_load import LoadResult, process_tree_cpu_seconds
from balises.core.bench.scenarios import http_throughput


def test_latency_percentiles_are_in_milliseconds():
    result = LoadResult("/", latencies=[0.001 * n for n in range(1, 101)], elapsed=2.0)
    result.requests = 100
    assert result.percentile(0.5) == pytest.approx(50)
    assert result.percentile(0.95) == pytest.approx(95)
    assert result.throughput == 50
    assert LoadResult("/").percentile(0.5) != LoadResult("/").percentile(0.5)  # NaN


def test_cpu_time_of_a_process_tree_is_read_from_proc():
    if not os.path.isdir("/proc"):
        pytest.skip("pas de /proc sur ce système")
    sum(n * n for n in range(200_000))  # burn a little CPU
    assert process_tree_cpu_seconds(os.getpid()) > 0
    assert process_tree_cpu_seconds(2**22 + 12345) == 0  # no such process


@pytest.mark.slow
def test_http_scenario_measures_both_pages_without_errors_in_quick_mode(tmp_path):
    results = {r.label: r for r in http_throughput(BenchContext(quick=True, workdir=tmp_path))}
    assert results["/healthz : débit"].samples[0] > 0
    assert results["accueil / : débit"].samples[0] > 0
    assert results["accueil / : latence p95"].unit == "ms"
    if os.path.isdir("/proc"):
        assert results["accueil / : CPU serveur par requête"].samples[0] > 0
    assert results["erreurs"].samples == [0.0] and results["erreurs"].within_budget
    ratio = results["débit accueil / débit /healthz"]
    assert ratio.unit == "%" and ratio.budget == "≥ 50 %" and ratio.samples[0] > 0
