"""Cached graph metrics: per access scope, fresh while nothing changes, recomputed after."""

from datetime import date

import pytest

from balises.espaces.models import Visibility
from balises.trajectoires import graph, metrics_cache
from balises.trajectoires.models import Action, GraphMetrics, GraphScope, LienAction

from .vues_samples import make_trajectory

pytestmark = pytest.mark.django_db


def test_the_scope_follows_the_viewer(espace_a, alice, dana):
    from django.contrib.auth.models import AnonymousUser

    assert metrics_cache.scope_for(AnonymousUser(), espace_a) == GraphScope.PUBLIC
    assert metrics_cache.scope_for(dana, espace_a) == GraphScope.RESEAU
    assert metrics_cache.scope_for(alice, espace_a) == GraphScope.MEMBRES


def test_each_scope_counts_only_the_actions_it_may_see(espace_a):
    actions = make_trajectory(espace_a)
    public = metrics_cache.get_metrics(espace_a, GraphScope.PUBLIC).metrics
    membres = metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES).metrics
    assert set(public.reach) == {actions["public"].pk, actions["public2"].pk}
    assert str(actions["prive"].pk) not in public.to_json()["reach"]
    assert membres.reach[actions["public"].pk] == 3


def test_the_first_read_computes_and_stores_then_reads_the_cache(
    espace_a, django_assert_num_queries
):
    make_trajectory(espace_a)
    first = metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES)
    assert first.fresh and GraphMetrics.objects.filter(espace=espace_a).count() == 1
    with django_assert_num_queries(3):  # two aggregates for the signature, one read
        again = metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES)
    assert again.fresh and again.metrics == first.metrics


@pytest.mark.parametrize("change", ["add_action", "delete_action", "add_link", "delete_link"])
def test_any_change_of_actions_or_links_changes_the_signature(espace_a, change):
    actions = make_trajectory(espace_a)
    before = metrics_cache.signature(espace_a.pk, GraphScope.MEMBRES)
    if change == "add_action":
        Action.objects.create(espace=espace_a, title="Nouvelle", start=date(2020, 1, 1))
    elif change == "delete_action":
        actions["public2"].delete()
    elif change == "add_link":
        LienAction.objects.create(
            source=actions["public2"], target=actions["public"], kind="elargit"
        )
    else:
        LienAction.objects.filter(source=actions["public"]).first().delete()
    assert metrics_cache.signature(espace_a.pk, GraphScope.MEMBRES) != before


def test_a_link_rewired_to_another_action_changes_the_signature(espace_a):
    actions = make_trajectory(espace_a)
    before = metrics_cache.signature(espace_a.pk, GraphScope.MEMBRES)
    link = LienAction.objects.get(source=actions["public"], target=actions["reseau"])
    link.target = actions["prive"]
    link.save()
    assert metrics_cache.signature(espace_a.pk, GraphScope.MEMBRES) != before


def test_a_private_change_leaves_the_public_cache_fresh(espace_a):
    actions = make_trajectory(espace_a)
    before = metrics_cache.signature(espace_a.pk, GraphScope.PUBLIC)
    Action.objects.create(espace=espace_a, title="Secrète", visibility=Visibility.PRIVE)
    LienAction.objects.create(source=actions["prive"], target=actions["reseau"], kind="elargit")
    assert metrics_cache.signature(espace_a.pk, GraphScope.PUBLIC) == before


def test_a_change_recomputes_the_cache_in_the_background(
    espace_a, django_capture_on_commit_callbacks
):
    actions = make_trajectory(espace_a)
    metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        # « public élargit public2 »: public2 now acts on public, which acts on public2.
        LienAction.objects.create(
            source=actions["public"], target=actions["public2"], kind="elargit"
        )
    assert len(callbacks) == 1  # one task enqueued (the immediate backend runs it)
    rows = GraphMetrics.objects.filter(espace=espace_a)
    assert {row.scope for row in rows} == set(GraphScope.values)
    cached = metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES)
    assert cached.fresh
    # public → public2 → public is now a loop: both reach each other and beyond.
    assert cached.metrics.reach[actions["public2"].pk] == 3


def test_a_stale_cache_is_served_once_while_one_recompute_is_asked(
    espace_a, django_capture_on_commit_callbacks
):
    make_trajectory(espace_a)
    metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES)
    GraphMetrics.objects.update(signature="ancienne")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        stale = metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES)
        metrics_cache.get_metrics(espace_a, GraphScope.MEMBRES)
    assert not stale.fresh
    assert len(callbacks) == 1
    assert GraphMetrics.objects.get(scope=GraphScope.MEMBRES).signature == metrics_cache.PENDING


def test_metrics_of_an_older_algorithm_are_recomputed_before_being_shown(espace_a):
    """Before version 2, « s'appuie sur », « prolonge » and « élargit » pointed backwards:
    such a cache, even with a matching signature, must not survive."""
    actions = make_trajectory(espace_a)
    public, public2 = actions["public"].pk, actions["public2"].pk
    old = {
        "version": 1,
        "reach": {str(public): 0, str(public2): 1},
        "chains": [[[public2], [public]]],
        "fil": [[public2], [public]],
        "fil_score": 3,
        "clusters": [[public, public2]],
    }
    GraphMetrics.objects.create(
        espace=espace_a,
        scope=GraphScope.PUBLIC,
        signature=metrics_cache.signature(espace_a.pk, GraphScope.PUBLIC),
        data=old,
    )
    cached = metrics_cache.get_metrics(espace_a, GraphScope.PUBLIC)
    assert cached.fresh
    assert cached.metrics.reach == {public: 1, public2: 0}  # public2 s'appuie sur public
    assert cached.metrics.fil == [[public], [public2]]
    row = GraphMetrics.objects.get(espace=espace_a, scope=GraphScope.PUBLIC)
    assert row.data["version"] == graph.ALGORITHM_VERSION


@pytest.mark.parametrize("change", ["kind", "start", "precision"])
def test_retyping_a_link_or_moving_a_start_changes_the_signature(espace_a, change):
    """Made without signals (a bulk update): the signature alone must notice."""
    actions = make_trajectory(espace_a)
    before = metrics_cache.signature(espace_a.pk, GraphScope.MEMBRES)
    if change == "kind":
        LienAction.objects.filter(source=actions["public"]).update(kind="s_appuie_sur")
    elif change == "start":
        Action.objects.filter(pk=actions["reseau"].pk).update(start=date(2012, 1, 2))
    else:
        Action.objects.filter(pk=actions["reseau"].pk).update(start_precision="year")
    assert metrics_cache.signature(espace_a.pk, GraphScope.MEMBRES) != before


def test_the_cache_keeps_the_links_that_go_back_in_time(espace_a):
    actions = make_trajectory(espace_a)
    # « Maison du projet » (2017) entraîne « Chaufferie » (2010): a cause after its effect.
    LienAction.objects.create(source=actions["public2"], target=actions["public"], kind="entraine")
    cached = metrics_cache.get_metrics(espace_a, GraphScope.PUBLIC)
    assert cached.metrics.backward == [(actions["public2"].pk, actions["public"].pk, "entraine")]
