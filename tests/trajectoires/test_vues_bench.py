"""The bench scenario of the trajectory views runs (quick mode: a small synthetic space)."""

from balises.core.bench import BenchContext
from balises.trajectoires.bench import trajectory_views


def test_the_trajectory_views_scenario_measures_every_view(tmp_path):
    results = trajectory_views(BenchContext(repeat=1, quick=True, workdir=tmp_path))
    labels = [r.label for r in results]
    assert len(results) == 12
    assert "graphe/ (temps CPU du serveur)" in labels
    assert all(r.unit == "ms" and r.samples and min(r.samples) > 0 for r in results)
    assert all(r.within_budget is not None for r in results if "CPU" in r.label)
