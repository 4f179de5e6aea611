"""The JSON API under /api/v1/. Each app contributes a router; its schemas live with the app."""

import functools
from typing import cast

from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from balises import __version__
from balises.core.models import User

from .auth import OptionalAuth, token_or_session


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


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError):
    return api.create_response(
        request,
        {"detail": _("Données invalides."), "errors": exc.errors},
        status=422,
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError):
    response = api.create_response(
        request,
        {"detail": _("Authentification requise : jeton absent, invalide ou révoqué.")},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="balises"'
    return response


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    detail = str(exc)
    if exc.status_code == 400 and detail.startswith("Cannot parse request body"):
        # ninja's own wording when the body is not valid JSON.
        detail = _("Corps de requête illisible : envoyez un objet JSON valide.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


class Error(Schema):
    detail: str


class Me(Schema):
    email: str
    name: str
    is_staff: bool


class Status(Schema):
    version: str
    authenticated: bool


@api.get("/", response=Status, auth=OptionalAuth(), tags=["plateforme"], summary="État de l'API")
def status(request: HttpRequest):
    return {"version": __version__, "authenticated": request.user.is_authenticated}


@api.get(
    "/moi", response=Me, auth=token_or_session, tags=["plateforme"], summary="Le compte authentifié"
)
def me(request: HttpRequest):
    return request.user


class MeUpdate(Schema):
    name: str = Field(max_length=150, description="Nom affiché ; vide pour afficher l'adresse.")


@api.post(
    "/moi",
    response={200: Me, 401: Error, 403: Error, 422: Error},
    auth=token_or_session,
    tags=["plateforme"],
    summary="Changer son nom affiché",
)
def update_me(request: HttpRequest, payload: MeUpdate):
    user = cast(User, request.user)  # token_or_session let only signed-in users through
    user.name = payload.name.strip()
    user.save(update_fields=["name"])
    return user


api.add_router("/referentiels/", "balises.referentiels.api.router")
api.add_router("/territoires/", "balises.territoires.api.router")
api.add_router("/recherche/", "balises.recherche.api.router")
api.add_router("/espaces/", "balises.territoires.api_espaces.router")
api.add_router("/trajectoires/", "balises.trajectoires.api.router")
api.add_router("/cooperation/", "balises.cooperation.api.router")
api.add_router("/diagnostics/", "balises.diagnostics.api.router")
