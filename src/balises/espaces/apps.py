from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EspacesConfig(AppConfig):
    name = "balises.espaces"
    label = "espaces"
    verbose_name = _("Espaces")
