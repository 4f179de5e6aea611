import pytest

from balises.core.tokens import create_token


@pytest.fixture
def token_user(make_user):
    """A user and the clear value of one of their personal tokens."""
    user = make_user("script@example.org", name="Script")
    _token, raw = create_token(user, "script")
    return user, raw
