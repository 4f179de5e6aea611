"""The JSON API under /api/v1/: wiring only. Each app contributes a router (its schemas live with
the app); the pieces they share (authentication, errors) live in ``balises.core.api``."""

import functools

from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from balises import __version__
from balises.core.api.errors import register_error_handlers
from balises.core.api.platform import router as platform_router


class BalisesAPI(NinjaAPI):
    """Answers in JSON everywhere under /api/, and refuses NUL characters before any endpoint."""

    def _get_urls(self):
        patterns = super()._get_urls()
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = guarded(pattern.callback)
        return patterns


def has_nul(request: HttpRequest) -> bool:
    # PostgreSQL cannot store NUL in text and Django forms refuse it; pydantic lets it through.
    query = request.META.get("QUERY_STRING", "")
    if "%00" in query or "\x00" in query or "\x00" in request.path:
        return True
    if request.content_type != "application/json":
        return False  # uploads may carry binary files; only JSON bodies hold text to store
    return b"\x00" in request.body or b"\\u0000" in request.body


def guarded(view):
    """Refuse NUL characters (400) and turn ninja's plain-text 405 into JSON."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if has_nul(request):
            return JsonResponse(
                {"detail": _("Les caractères nuls (\\0) ne sont pas acceptés.")}, status=400
            )
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            response = JsonResponse({"detail": _("Méthode non permise ici.")}, status=405)
            response["Allow"] = allowed
        return response

    return wrapper


api = BalisesAPI(
    title="Balises API",
    version=__version__,
    description=(
        "API de Balises : lecture des données publiques sans authentification, lecture des "
        "données privées et écriture avec un jeton personnel (en-tête "
        "`Authorization: Bearer bal_…`) ou la session du navigateur (avec le jeton CSRF)."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


register_error_handlers(api)
api.add_router("", platform_router)
api.add_router("/referentiels/", "balises.referentiels.api.router")
api.add_router("/territoires/", "balises.territoires.api.router")
api.add_router("/recherche/", "balises.recherche.api.router")
api.add_router("/espaces/", "balises.espaces.api.router")
api.add_router("/trajectoires/", "balises.trajectoires.api.router")
api.add_router("/cooperation/", "balises.cooperation.api.router")
api.add_router("/diagnostics/", "balises.diagnostics.api.router")
