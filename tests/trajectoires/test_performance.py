"""The actions list and its twins cost the same number of queries for 5 or 200 actions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from balises.espaces.models import Visibility
from balises.trajectoires.models import Action

pytestmark = pytest.mark.django_db


def _make(espace, count):
    Action.objects.bulk_create(
        Action(espace=espace, title=f"Action {i:04d}", visibility=Visibility.PUBLIC, themes=["eau"])
        for i in range(count)
    )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["action_list", "action_list_json", "action_list_csv"])
def test_query_count_does_not_grow_with_the_number_of_actions(as_user, espace_a, alice, name):
    client = as_user(alice)
    url = reverse(f"trajectoires:{name}", args=[espace_a.slug])
    _make(espace_a, 5)
    few = _queries(client, url)
    _make(espace_a, 195)
    many = _queries(client, url)
    assert few == many


def test_action_page_query_count_does_not_grow_with_its_links(as_user, espace_a, alice):
    from balises.trajectoires import services

    _make(espace_a, 40)
    actions = list(Action.objects.order_by("pk"))
    hub = actions[0]
    client = as_user(alice)
    url = reverse("trajectoires:action_detail", args=[espace_a.slug, hub.pk])
    services.link_actions(alice, hub, actions[1], "entraine")
    few = _queries(client, url)
    for other in actions[2:30]:
        services.link_actions(alice, hub, other, "prolonge")
        services.link_actions(alice, other, hub, "elargit")
    assert _queries(client, url) == few
