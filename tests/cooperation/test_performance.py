"""The dashboard and the network render with a fixed number of SQL queries, whatever the
size of the space (500 actors and 10,000 contributions against a handful)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from balises.cooperation.bench import populate

pytestmark = pytest.mark.django_db
PAGES = (
    "tableau-de-bord/",
    "reseau/",
    "tableau-de-bord.json",
    "reseau.json",
    "",
    "contributions.json",
)


def _queries(client, espace) -> dict[str, int]:
    counts = {}
    for page in PAGES:
        url = f"/espaces/{espace.slug}/cooperation/{page}"
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts[page] = len(captured)
    return counts


def test_the_number_of_queries_does_not_grow_with_the_space(espace_a, espace_b, bob, as_user):
    from balises.espaces.models import Adhesion

    Adhesion.objects.create(espace=espace_b, user=bob, role="lecteur")
    populate(espace_b, actors=7, actions=5, contributions=20, participations=10)
    populate(espace_a, actors=500, actions=2000, contributions=10_000, participations=4000)
    for user in (bob, None):
        client = as_user(user)
        small = _queries(client, espace_b)
        large = _queries(client, espace_a)
        assert small == large, (small, large)
