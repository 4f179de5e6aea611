"""Directory and territory pages run a fixed number of SQL queries, whatever their size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from balises.territoires.models import Territoire

from .national_data import national  # noqa: F401

pytestmark = pytest.mark.usefixtures("national")


def queries(client, url, params=None) -> int:
    client.get(url, params)  # the first search of a process builds the index
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def add_communes(count: int) -> None:
    lens = Territoire.objects.get(kind="epci", code="246200364")
    Territoire.objects.bulk_create(
        Territoire(
            kind="commune", code=f"62{number:03}", name=f"Village {number}",
            search_name=f"village {number}", population=number,
            epci=lens, departement=lens.departement, region=lens.region,
        )
        for number in range(600, 600 + count)
    )  # fmt: skip


def test_directory_page_queries_do_not_grow_with_results(client):
    few = queries(client, "/territoires/", {"q": "lens"})
    add_communes(40)
    assert queries(client, "/territoires/", {"q": "village"}) == few


def test_epci_and_departement_pages_queries_do_not_grow_with_members(client):
    epci = queries(client, "/territoires/epci-246200364/")
    departement = queries(client, "/territoires/departement-62/")
    add_communes(40)
    assert queries(client, "/territoires/epci-246200364/") == epci
    assert queries(client, "/territoires/departement-62/") == departement
