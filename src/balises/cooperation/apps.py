from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from balises.espaces.tabs import SpaceTab


class CooperationConfig(AppConfig):
    name = "balises.cooperation"
    label = "cooperation"
    verbose_name = _("Engagement et coopération")
    space_tabs = (SpaceTab("cooperation", _("Coopération"), "cooperation:acteur_list", 20),)

    def ready(self) -> None:
        from . import policies  # noqa: F401 - declares the access policies of the models
