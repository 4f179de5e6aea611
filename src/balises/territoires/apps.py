from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoiresConfig(AppConfig):
    name = "balises.territoires"
    label = "territoires"
    verbose_name = _("Territoires")
