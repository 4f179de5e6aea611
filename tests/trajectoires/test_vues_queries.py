"""The views of a trajectory run the same number of SQL queries for 20 actions as for 2,000
actions and 5,000 links (metrics cache warm)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from balises.trajectoires import metrics_cache
from balises.trajectoires.bench import fill_synthetic
from balises.trajectoires.models import GraphScope

pytestmark = pytest.mark.django_db
PAGES = ["", "frise/", "frise.json", "graphe/", "graphe.json", "couverture/", "couverture.csv"]


def counts(client, espace) -> dict[str, int]:
    # Bulk creation sends no signal: compute the metrics as the background task would.
    for scope in GraphScope.values:
        metrics_cache.store(espace.pk, scope)
    found = {}
    for page in PAGES:
        address = f"/espaces/{espace.slug}/trajectoire/{page}"
        client.get(address)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        found[page] = len(captured)
    return found


@pytest.mark.parametrize("viewer", ["alice", None])
def test_query_counts_do_not_grow_with_the_trajectory(as_user, request, espace_a, espace_b, viewer):
    client = as_user(request.getfixturevalue(viewer) if viewer else None)
    fill_synthetic(espace_a, actions=20, links=40, seed=1)
    small = counts(client, espace_a)
    fill_synthetic(espace_a, actions=1980, links=4960, seed=2)
    large = counts(client, espace_a)
    assert large == small
    data = client.get(f"/espaces/{espace_a.slug}/trajectoire/graphe.json").json()
    assert data["fresh"] and len(data["actions"]) > 1000
