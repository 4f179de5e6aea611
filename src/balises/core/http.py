"""Request types for views, so type checkers know who `request.user` is."""

from django.http import HttpRequest

from .models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request that passed `login_required`: its user is a real account."""

    user: User  # type: ignore[assignment]
