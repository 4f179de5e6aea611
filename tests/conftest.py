"""Shared fixtures. Test settings differ from production only where speed or isolation needs it."""

import itertools

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_user(db):
    """Create a user whose email is confirmed: make_user("alice@example.org", name="Alice")."""

    def make(email: str | None = None, password: str = "motdepasse-solide-42", **extra):
        email = email or f"user{next(_counter)}@example.org"
        user = get_user_model().objects.create_user(email=email, password=password, **extra)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make
