"""Changes to actions and links make the cached graph metrics of their space stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from balises.trajectoires import metrics_cache
from balises.trajectoires.models import Action, LienAction


@receiver([post_save, post_delete], sender=Action, dispatch_uid="trajectoires-metrics-action")
def action_changed(sender, instance: Action, **kwargs) -> None:
    metrics_cache.mark_stale(instance.espace_id)


@receiver([post_save, post_delete], sender=LienAction, dispatch_uid="trajectoires-metrics-lien")
def lien_changed(sender, instance: LienAction, **kwargs) -> None:
    espace_id = Action.objects.filter(pk=instance.source_id).values_list("espace_id", flat=True)
    for found in espace_id:
        metrics_cache.mark_stale(found)
