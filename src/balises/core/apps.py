from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "balises.core"
    label = "core"
    verbose_name = _("Plateforme")

    def ready(self) -> None:
        from . import jobs  # noqa: F401  (connects the task_finished receiver)
