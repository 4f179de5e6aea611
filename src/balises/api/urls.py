"""The JSON API under /api/v1/. Each app contributes a router; its schemas live with the app."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from balises import __version__

from .auth import OptionalAuth, token_or_session

api = NinjaAPI(
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
    return api.create_response(
        request,
        {"detail": _("Authentification requise : jeton absent, invalide ou révoqué.")},
        status=401,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


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


api.add_router("/referentiels/", "balises.referentiels.api.router")
api.add_router("/territoires/", "balises.territoires.api.router")
api.add_router("/recherche/", "balises.recherche.api.router")
api.add_router("/espaces/", "balises.territoires.api_espaces.router")
