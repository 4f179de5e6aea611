"""Production-facing settings computed from the environment, read in a fresh interpreter."""

import json
import os
import subprocess
import sys

import pytest

PRINT = (
    "import json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'balises.settings';"
    "from balises import settings as s;"
    "print(json.dumps({'hosts': s.ALLOWED_HOSTS, 'secure': s.SESSION_COOKIE_SECURE,"
    " 'proxy': s.SECURE_PROXY_SSL_HEADER, 'hsts': s.SECURE_HSTS_SECONDS,"
    " 'hasher': s.PASSWORD_HASHERS[0], 'email': s.EMAIL_BACKEND}))"
)


def settings_with(tmp_path, **env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BALISES_", "DATABASE_URL"))}
    clean |= {"BALISES_DATA_DIR": str(tmp_path), **env}
    out = subprocess.run(
        [sys.executable, "-c", PRINT], env=clean, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


@pytest.mark.slow
def test_defaults_are_a_local_instance_with_console_email(tmp_path):
    values = settings_with(tmp_path)
    assert "127.0.0.1" in values["hosts"]
    assert values["secure"] is False and values["proxy"] is None and values["hsts"] == 0
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
    assert values["hasher"] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.slow
def test_an_https_site_url_turns_on_secure_cookies_hsts_the_proxy_header_and_its_host(tmp_path):
    values = settings_with(tmp_path, BALISES_SITE_URL="https://balises.example.org")
    assert "balises.example.org" in values["hosts"]
    assert values["secure"] is True
    assert values["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["hsts"] == 31536000


@pytest.mark.slow
def test_an_email_host_switches_to_smtp(tmp_path):
    values = settings_with(tmp_path, BALISES_EMAIL_HOST="smtp.example.org")
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
