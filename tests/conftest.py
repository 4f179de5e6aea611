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


# -- Territory spaces: the Alice/Bob/Charlie/Dana fixture ------------------------------------
# Space A: alice référent, bob lecteur, charlie contributeur. Space B: dana référent (an
# outsider of A). Territories are made here, no national data needed.


@pytest.fixture
def territoire_a(db):
    from balises.territoires.models import Territoire

    return Territoire.objects.create(
        kind="commune", code="99001", name="Pontaval-sur-Mer", search_name="pontaval sur mer"
    )


@pytest.fixture
def territoire_b(db):
    from balises.territoires.models import Territoire

    return Territoire.objects.create(
        kind="commune", code="99002", name="Bourg-Lointain", search_name="bourg lointain"
    )


@pytest.fixture
def alice(make_user):
    return make_user("alice@example.org", name="Alice")


@pytest.fixture
def bob(make_user):
    return make_user("bob@example.org", name="Bob")


@pytest.fixture
def charlie(make_user):
    return make_user("charlie@example.org", name="Charlie")


@pytest.fixture
def dana(make_user):
    return make_user("dana@example.org", name="Dana")


@pytest.fixture
def espace_a(territoire_a, alice, bob, charlie):
    from balises.espaces.models import Adhesion, Espace, Role

    espace = Espace.objects.create(
        territoire=territoire_a, slug="pontaval-sur-mer-99001", created_by=alice
    )
    Adhesion.objects.create(espace=espace, user=alice, role=Role.REFERENT)
    Adhesion.objects.create(espace=espace, user=bob, role=Role.LECTEUR)
    Adhesion.objects.create(espace=espace, user=charlie, role=Role.CONTRIBUTEUR)
    return espace


@pytest.fixture
def espace_b(territoire_b, dana):
    from balises.espaces.models import Adhesion, Espace, Role

    espace = Espace.objects.create(
        territoire=territoire_b, slug="bourg-lointain-99002", created_by=dana
    )
    Adhesion.objects.create(espace=espace, user=dana, role=Role.REFERENT)
    return espace


@pytest.fixture
def as_user(client):
    """Log the test client in as a user (None leaves it anonymous) and return it."""

    def login(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login
