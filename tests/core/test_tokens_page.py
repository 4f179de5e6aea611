"""Personal API tokens from /compte/jetons/: shown once, stored hashed, named, revoked."""

import hashlib
import re

import pytest

from balises.core.models import ApiToken
from balises.core.tokens import create_token

pytestmark = pytest.mark.django_db

PAGE = "/compte/jetons/"


def created_token(body: str) -> str:
    match = re.search(
        r'<code class="token-value" id="token-value" tabindex="0">(bal_[^<]+)</code>', body
    )
    assert match, body
    return match.group(1)


def test_created_token_is_shown_once_and_stored_only_as_a_digest(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.post(PAGE, {"name": "  script d'import  "})
    assert response.status_code == 200
    raw = created_token(response.content.decode())

    token = ApiToken.objects.get(user=user)
    assert token.name == "script d'import"
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw.startswith(token.prefix)
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert raw not in stored

    again = client.get(PAGE).content.decode()
    assert raw not in again
    assert token.prefix in again and "script d&#x27;import" in again


def test_token_needs_a_name(client, make_user):
    client.force_login(make_user())
    response = client.post(PAGE, {"name": "   "})
    assert response.status_code == 200
    assert "token-value" not in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_a_token_stops_it_working(client, make_user):
    user = make_user()
    token, raw = create_token(user, "script")
    client.force_login(user)
    assert client.get("/api/v1/moi", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    response = client.post(f"/compte/jetons/{token.pk}/revoquer/", follow=True)
    assert "Le jeton « script » est révoqué." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    assert client.get("/api/v1/moi", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_someone_else_cannot_revoke_my_token(client, make_user):
    token, _raw = create_token(make_user(), "à moi")
    client.force_login(make_user())
    assert client.post(f"/compte/jetons/{token.pk}/revoquer/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_needs_a_post(client, make_user):
    user = make_user()
    token, _raw = create_token(user, "script")
    client.force_login(user)
    assert client.get(f"/compte/jetons/{token.pk}/revoquer/").status_code == 405


def test_tokens_page_lists_only_my_tokens(client, make_user):
    create_token(make_user(), "celui des autres")
    me = make_user()
    create_token(me, "le mien")
    client.force_login(me)
    body = client.get(PAGE).content.decode()
    assert "le mien" in body and "celui des autres" not in body
