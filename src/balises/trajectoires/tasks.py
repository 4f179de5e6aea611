"""Background tasks of trajectories."""

from django_tasks import task

from balises.trajectoires.models import GraphScope


@task()
def recompute_graph_metrics(espace_id: int) -> None:
    """Recompute the cached graph metrics of every scope of a space (see metrics_cache)."""
    from balises.trajectoires import metrics_cache

    for scope in GraphScope.values:
        metrics_cache.store(espace_id, scope)
