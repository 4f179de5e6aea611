"""How refusals raised anywhere under an endpoint become JSON answers, registered once on the API.

Endpoints never catch the access helpers' or the services' exceptions themselves:

- ``Http404`` → 404 and ``PermissionDenied`` → 403, with the helper's French message;
- ``ServiceError`` (and subclasses) → their ``status`` (422, 409 for a version conflict);
- Django's ``ValidationError`` → 422, one « champ : message » part per problem;
- ``PageError`` (a page that cannot be served) → 422;
- ninja's own validation, authentication and HTTP errors keep the same ``{"detail"}`` shape;
  a validation error's detail says in French what is wrong with each value (the ``errors``
  list beside it is pydantic's own, in English).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

from balises.core.errors import ServiceError
from balises.core.pagination import PageError

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


# Pydantic's error types → French, for the problems callers meet most (bad numbers, unknown
# choices, missing fields); other types get the generic wording.
_PROBLEMS = {
    "int_parsing": lambda ctx: _("nombre entier attendu"),
    "int_from_float": lambda ctx: _("nombre entier attendu"),
    "float_parsing": lambda ctx: _("nombre attendu"),
    "bool_parsing": lambda ctx: _("true ou false attendu"),
    "greater_than_equal": lambda ctx: _("au moins %(n)s") % {"n": ctx.get("ge")},
    "less_than_equal": lambda ctx: _("au plus %(n)s") % {"n": ctx.get("le")},
    "literal_error": lambda ctx: (
        _("valeur inconnue ; valeurs permises : %(values)s") % {"values": ctx.get("expected", "")}
    ),
    "missing": lambda ctx: _("obligatoire"),
    "string_too_long": lambda ctx: _("%(n)s caractères au plus") % {"n": ctx.get("max_length")},
}


def schema_problems(errors: list[dict]) -> str:
    """« page : au plus 100000 ; kind : valeur inconnue… » for pydantic's errors."""
    parts = []
    for error in errors:
        names = [str(part) for part in error.get("loc", ()) if isinstance(part, str)]
        name = names[-1] if names else ""
        problem = _PROBLEMS.get(error.get("type", ""))
        text = problem(error.get("ctx") or {}) if problem else _("valeur refusée")
        parts.append(f"{name} : {text}" if name and name not in ("body", "query") else text)
    return " ; ".join(dict.fromkeys(parts))


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

    @api.exception_handler(PageError)
    def bad_page(request: HttpRequest, exc: PageError):
        return answer(request, 422, {"detail": str(exc)})

    @api.exception_handler(SchemaValidationError)
    def schema_invalid(request: HttpRequest, exc: SchemaValidationError):
        problems = schema_problems(list(exc.errors))
        detail = (
            _("Données invalides : %(problems)s.") % {"problems": problems}
            if problems
            else _("Données invalides.")
        )
        return answer(request, 422, {"detail": detail, "errors": exc.errors})

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
