"""The recherche-plein-texte bench scenario runs end to end in its quick form."""

import pytest

from balises.core.bench import SCENARIOS, BenchContext
from balises.recherche import bench


@pytest.mark.slow
def test_the_quick_bench_builds_a_temporary_index_and_times_every_query(
    django_db_blocker, monkeypatch
):
    monkeypatch.delenv("BALISES_BENCH_POSTGRES", raising=False)
    with django_db_blocker.unblock():
        [result] = SCENARIOS["recherche-plein-texte"].function(BenchContext(repeat=1, quick=True))
    assert result.label == "sqlite p95" and result.unit == "ms"
    assert len(result.samples) == 1
    assert all(sample > 0 for sample in result.samples)
    assert "2000 documents" in result.notes
    assert bench.ALIAS not in bench.connections.settings


def test_synthetic_documents_are_reproducible_and_mix_visibilities():
    first = list(bench.synthetic_documents(300))
    assert first == list(bench.synthetic_documents(300))
    visibilities = {document["visibility"] for document in first}
    assert visibilities == {"public", "reseau", "prive"}
    assert all(
        (document["espace_id"] is not None) == (document["visibility"] == "prive")
        for document in first
    )
