from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from balises.espaces.tabs import SpaceTab


class TrajectoiresConfig(AppConfig):
    name = "balises.trajectoires"
    label = "trajectoires"
    verbose_name = _("Trajectoires")
    space_tabs = (SpaceTab("trajectoire", _("Trajectoire"), "trajectoires:action_list", 10),)

    def ready(self) -> None:
        from balises.recherche import registry
        from balises.trajectoires import signals  # noqa: F401 - connects the receivers
        from balises.trajectoires.services.actions import (
            SEARCH_KIND,
            count_actions,
            iter_action_documents,
        )

        registry.register(SEARCH_KIND, _("Action"), iter_action_documents, count=count_actions)
