from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoiresConfig(AppConfig):
    name = "balises.territoires"
    label = "territoires"
    verbose_name = _("Territoires")

    def seed(self, stdout) -> None:
        """Load the shipped national reference into an empty table (called by `balises setup`)."""
        from .models.territoire import Territoire
        from .services import import_territoires

        if Territoire.objects.exists():
            return
        report = import_territoires()
        stdout.write(report.lines()[0] + f" ({report.seconds:.1f} s)")
