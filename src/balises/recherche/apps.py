from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RechercheConfig(AppConfig):
    name = "balises.recherche"
    label = "recherche"
    verbose_name = _("Recherche")
