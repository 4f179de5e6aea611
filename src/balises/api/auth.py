"""How API callers authenticate: a personal token (Bearer) or the browser session with CSRF."""

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from balises.core.tokens import user_for_token


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class OptionalAuth(TokenAuth):
    """For reads open to everyone: identifies the caller when it can, lets anonymous through.

    A malformed or revoked token is still refused (401) rather than silently ignored, so a
    script never reads public data believing it is signed in.
    """

    def __call__(self, request: HttpRequest):
        header = request.headers.get(self.header)
        if header:
            return super().__call__(request)
        return request.user if request.user.is_authenticated else True


token_or_session = [TokenAuth(), SessionAuth()]
