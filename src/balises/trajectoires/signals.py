"""Changes to actions and links make the cached graph metrics of their space stale; a space
that goes takes its actions' search documents and its cached metrics with it."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from balises.espaces.models import Espace
from balises.recherche import services as recherche
from balises.trajectoires import metrics_cache
from balises.trajectoires.models import Action, GraphMetrics, LienAction
from balises.trajectoires.services.actions import SEARCH_KIND


@receiver([post_save, post_delete], sender=Action, dispatch_uid="trajectoires-metrics-action")
def action_changed(sender, instance: Action, **kwargs) -> None:
    metrics_cache.mark_stale(instance.espace_id)


@receiver([post_save, post_delete], sender=LienAction, dispatch_uid="trajectoires-metrics-lien")
def lien_changed(sender, instance: LienAction, **kwargs) -> None:
    espace_id = Action.objects.filter(pk=instance.source_id).values_list("espace_id", flat=True)
    for found in espace_id:
        metrics_cache.mark_stale(found)


@receiver(pre_delete, sender=Espace, dispatch_uid="trajectoires-espace-deleted")
def espace_deleted(sender, instance: Espace, **kwargs) -> None:
    # Metrics first, so that deleting the actions does not ask for a recompute.
    GraphMetrics.objects.filter(espace=instance).delete()
    for pk in Action.objects.filter(espace=instance).values_list("pk", flat=True):
        recherche.remove_document(SEARCH_KIND, pk)
