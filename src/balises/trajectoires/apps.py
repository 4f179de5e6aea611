from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoiresConfig(AppConfig):
    name = "balises.trajectoires"
    label = "trajectoires"
    verbose_name = _("Trajectoires")

    def ready(self) -> None:
        from balises.recherche import registry

        from . import signals  # noqa: F401 - connects the receivers
        from .services.actions import SEARCH_KIND, count_actions, iter_action_documents

        registry.register(SEARCH_KIND, _("Action"), iter_action_documents, count=count_actions)

    def seed(self, stdout) -> None:
        """Load the demo towns into an empty database (after the territories and référentiels).

        ``BALISES_DEMO=0`` turns this off.
        """
        from balises.core.env import env_bool

        from .demo.loader import load_demo, should_seed

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
