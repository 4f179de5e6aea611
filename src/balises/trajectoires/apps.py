from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoiresConfig(AppConfig):
    name = "balises.trajectoires"
    label = "trajectoires"
    verbose_name = _("Trajectoires")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
