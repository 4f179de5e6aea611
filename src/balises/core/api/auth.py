"""How API callers authenticate: a personal token (Bearer) or the browser session with CSRF.

Contract for endpoints: `auth=token_or_session` for anything private or writing,
`auth=OptionalAuth()` for reads open to everyone, `auth=None` for purely public reference data.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from balises.core.tokens import user_for_token

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def require_csrf(request: HttpRequest) -> None:
    """Refuse (403) an unsafe request authenticated by the session cookie without CSRF token."""
    if request.method in SAFE_METHODS or getattr(request, "_ninja_csrf_exempt", False):
        return
    if check_csrf(request) is not None:
        raise HttpError(403, _("Jeton CSRF absent ou invalide : rechargez la page et réessayez."))


class TokenAuth(HttpBearer):
    """A personal token in `Authorization: Bearer bal_…`.

    A request that sends an Authorization header is judged on it alone: a malformed, unknown or
    revoked token is refused (401) even when a session cookie would have been accepted, so a
    script never acts with other credentials than the ones it sent.
    """

    openapi_scheme = "bearer"

    def __call__(self, request: HttpRequest):
        if not request.headers.get(self.header):
            return None
        user = super().__call__(request)
        if user is None:
            raise AuthenticationError
        return user

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class CsrfSessionAuth(SessionAuth):
    """The browser session; unsafe methods need the CSRF token (header X-CSRFToken)."""

    def _get_key(self, request: HttpRequest) -> str | None:
        require_csrf(request)
        return request.COOKIES.get(self.param_name)


class OptionalAuth(TokenAuth):
    """For reads open to everyone: identifies the caller when it can, lets anonymous through.

    A malformed or revoked token is still refused (401) rather than silently ignored, so a
    script never reads public data believing it is signed in.
    """

    def __call__(self, request: HttpRequest):
        if request.headers.get(self.header):
            return super().__call__(request)
        if request.user.is_authenticated:
            require_csrf(request)
            return request.user
        return True


token_or_session = [TokenAuth(), CsrfSessionAuth()]
