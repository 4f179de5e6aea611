"""Staff accounts: `balises createstaff`, the admin site, and how passwords are hashed."""

import importlib
import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def createstaff(monkeypatch, *args: str, password: str):
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    out = io.StringIO()
    call_command("createstaff", *args, "--password-stdin", stdout=out)
    return out.getvalue()


def test_createstaff_makes_a_verified_staff_account(monkeypatch):
    out = createstaff(monkeypatch, "Admin@Example.org", password="un-mot-de-passe-fort-51")
    user = get_user_model().objects.get(email="admin@example.org")
    assert user.is_staff and not user.is_superuser
    assert user.check_password("un-mot-de-passe-fort-51")
    assert EmailAddress.objects.get(user=user).verified
    assert "admin@example.org" in out


def test_createstaff_promotes_an_existing_account(monkeypatch, make_user):
    user = make_user("existe@example.org")
    createstaff(
        monkeypatch, "existe@example.org", "--superuser", password="un-mot-de-passe-fort-51"
    )
    user.refresh_from_db()
    assert user.is_staff and user.is_superuser
    assert get_user_model().objects.count() == 1


def test_createstaff_refuses_a_weak_password(monkeypatch):
    with pytest.raises(CommandError, match="trop court"):
        createstaff(monkeypatch, "admin@example.org", password="court")
    assert not get_user_model().objects.exists()


def test_createstaff_refuses_a_malformed_email(monkeypatch):
    with pytest.raises(CommandError, match="Adresse e-mail invalide"):
        createstaff(monkeypatch, "pas-une-adresse", password="un-mot-de-passe-fort-51")
    assert not get_user_model().objects.exists()


def test_admin_is_reachable_by_staff(client, make_user):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert client.get("/admin/core/user/").status_code == 200


def test_admin_refuses_signed_in_users_who_are_not_staff(client, make_user):
    client.force_login(make_user())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")


def test_admin_sends_anonymous_visitors_to_its_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response.headers["Location"]


def test_production_settings_hash_passwords_with_argon2():
    # Read the settings module itself: the test fixtures swap in a fast hasher.
    production = importlib.import_module("balises.settings")
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    from django.contrib.auth.hashers import Argon2PasswordHasher

    encoded = Argon2PasswordHasher().encode("un-mot-de-passe", "selselselsel")
    assert encoded.startswith("argon2$argon2id$")
