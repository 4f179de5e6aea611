from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .tabs import SpaceTab


class EspacesConfig(AppConfig):
    name = "balises.espaces"
    label = "espaces"
    verbose_name = _("Espaces")
    space_tabs = (
        SpaceTab("home", _("Accueil de l'espace"), "espaces:home", 0),
        SpaceTab("members", _("Membres"), "espaces:members", 90, needs="member"),
        SpaceTab("settings", _("Paramètres"), "espaces:settings", 100, needs="manager"),
    )

    def ready(self) -> None:
        from balises.recherche.permissions import set_readable_spaces

        from .permissions import readable_espace_ids

        # Search finds a space's private documents for those who may read the space.
        set_readable_spaces(readable_espace_ids)
