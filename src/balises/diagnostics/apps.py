from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from balises.espaces.tabs import SpaceTab


class DiagnosticsConfig(AppConfig):
    name = "balises.diagnostics"
    label = "diagnostics"
    verbose_name = _("Auto-diagnostics")
    space_tabs = (SpaceTab("diagnostics", _("Auto-diagnostic"), "diagnostics:campagne_list", 30),)

    def ready(self) -> None:
        from . import policies  # noqa: F401 - declares the access policies of the models
