from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The sourced demo of every module (the four Villes pairs towns), loaded by `balises setup`
    after the référentiels and the national territories; the last app in INSTALLED_APPS."""

    name = "balises.demo"
    label = "demo"
    verbose_name = _("Démonstration")

    def seed(self, stdout) -> None:
        """Load the demo towns into an empty database (after the territories and référentiels).

        ``BALISES_DEMO=0`` turns this off.
        """
        from balises.core.env import env_bool

        from .loader import load_demo, should_seed

        if env_bool("BALISES_DEMO", True) and should_seed():
            load_demo(stdout=stdout)

    def run_hints(self, url: str) -> list[str]:
        """Where the demo towns are, for the message printed by `balises run`."""
        from balises.espaces.models import Espace

        spaces = Espace.objects.filter(is_demo=True).order_by("slug").values_list("slug", flat=True)
        lines = [f"  {url}espaces/{slug}/trajectoire/" for slug in spaces]
        if not lines:
            return []
        return [
            "Démonstration, en lecture libre (`balises demo remove` l'efface) :",
            *lines,
        ]
