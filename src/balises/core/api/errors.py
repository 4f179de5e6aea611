"""How refusals raised anywhere under an endpoint become JSON answers, registered once on the API.

Endpoints never catch the access helpers' or the services' exceptions themselves:

- ``Http404`` → 404 and ``PermissionDenied`` → 403, with the helper's French message;
- ``ServiceError`` (and subclasses) → their ``status`` (422, 409 for a version conflict);
- Django's ``ValidationError`` → 422, one « champ : message » part per problem;
- ninja's own validation, authentication and HTTP errors keep the same ``{"detail"}`` shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

from balises.core.errors import ServiceError

if TYPE_CHECKING:
    from ninja import NinjaAPI


def validation_detail(error: ValidationError) -> str:
    """« champ : message ; … » for a ValidationError, the form edge's wording for the API."""
    if hasattr(error, "error_dict"):
        parts = [
            f"{field} : {' '.join(messages)}" for field, messages in error.message_dict.items()
        ]
    else:
        parts = list(error.messages)
    return "; ".join(parts)


def register_error_handlers(api: NinjaAPI) -> None:
    def answer(request: HttpRequest, status: int, body: dict):
        return api.create_response(request, body, status=status)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404):
        return answer(request, 404, {"detail": str(exc) or _("Introuvable.")})

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied):
        return answer(request, 403, {"detail": str(exc) or _("Accès refusé.")})

    @api.exception_handler(ServiceError)
    def refused(request: HttpRequest, exc: ServiceError):
        return answer(request, exc.status, {"detail": str(exc)})

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError):
        return answer(request, 422, {"detail": validation_detail(exc)})

    @api.exception_handler(SchemaValidationError)
    def schema_invalid(request: HttpRequest, exc: SchemaValidationError):
        return answer(request, 422, {"detail": _("Données invalides."), "errors": exc.errors})

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError):
        response = answer(
            request,
            401,
            {"detail": _("Authentification requise : jeton absent, invalide ou révoqué.")},
        )
        response["WWW-Authenticate"] = 'Bearer realm="balises"'
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError):
        detail = str(exc)
        if exc.status_code == 400 and detail.startswith("Cannot parse request body"):
            # ninja's own wording when the body is not valid JSON.
            detail = _("Corps de requête illisible : envoyez un objet JSON valide.")
        return answer(request, exc.status_code, {"detail": detail})
