"""Generated requests over the whole API schema: no 5xx, responses match the schema.

Runs in process through WSGI, signed in with a token so private endpoints are exercised too.
Bounded to a few examples per operation to stay fast; raise MAX_EXAMPLES locally to dig.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from balises.core.tokens import create_token
from balises.wsgi import application

MAX_EXAMPLES = int(os.environ.get("BALISES_SCHEMATHESIS_EXAMPLES", "25"))


# Loading goes through the WSGI application, like the calls; it touches no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def same_connection():
    """Keep the test's database connection across WSGI calls, as Django's test client does.

    Outside the test client, every request ends by closing connections that are inside a
    transaction; on PostgreSQL that would close the connection holding the test transaction.
    """
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def bearer(make_user):
    _token, raw = create_token(make_user("schemathesis@example.org"), "schemathesis")
    return {"Authorization": f"Bearer {raw}"}


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.django_db
def test_api_answers_every_generated_request_without_server_error(case, bearer, same_connection):
    case.call_and_validate(
        headers=bearer,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
