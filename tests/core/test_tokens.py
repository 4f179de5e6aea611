"""The token service: creation, lookup, revocation, and what counts as a usable token."""

from datetime import timedelta

import pytest
from django.utils import timezone

from balises.core.models import ApiToken
from balises.core.tokens import TOKEN_PREFIX, create_token, revoke_token, user_for_token

pytestmark = pytest.mark.django_db


def test_a_fresh_token_finds_its_user_and_records_its_use(make_user):
    user = make_user()
    token, raw = create_token(user, "script")
    assert raw.startswith(TOKEN_PREFIX) and len(raw) > 40
    assert user_for_token(raw) == user
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_two_tokens_never_share_a_value(make_user):
    user = make_user()
    values = {create_token(user, f"t{number}")[1] for number in range(20)}
    assert len(values) == 20


@pytest.mark.parametrize(
    "raw", ["", "bal_", "bal_inconnu", "sans-prefixe", "bal_" + "x" * 300, "Bearer bal_x"]
)
def test_unknown_or_malformed_values_find_nobody(make_user, raw):
    create_token(make_user(), "script")
    assert user_for_token(raw) is None


def test_revoked_token_and_inactive_user_find_nobody(make_user):
    token, raw = create_token(make_user(), "script")
    revoke_token(token)
    assert user_for_token(raw) is None
    sleeper = make_user(is_active=False)
    _other, raw2 = create_token(sleeper, "script")
    assert user_for_token(raw2) is None


def test_use_is_recorded_at_most_once_a_minute(make_user):
    token, raw = create_token(make_user(), "script")
    recent = timezone.now() - timedelta(seconds=10)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=recent)
    user_for_token(raw)
    token.refresh_from_db()
    assert token.last_used_at == recent
