"""The published OpenAPI document and its documentation page, which must work offline under CSP."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_openapi_document_is_valid_openapi_3_1(client):
    import schemathesis
    from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    # The official OpenAPI 3.1 meta-schema, as shipped with schemathesis.
    errors = [error.message for error in OPENAPI_31_VALIDATOR.iter_errors(document)]
    assert errors == []
    assert document["info"]["title"] == "Balises API"
    assert "/api/v1/moi" in document["paths"]
    assert {"get", "post"} <= set(document["paths"]["/api/v1/moi"])
    schema = schemathesis.openapi.from_dict(document)
    assert len(list(schema.get_all_operations())) >= 3


def test_openapi_declares_bearer_tokens(client):
    schemes = client.get("/api/v1/openapi.json").json()["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())


def test_docs_page_loads_swagger_from_our_static_files_without_inline_code(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    body = response.content.decode()
    assert "cdn" not in body.lower() and "https://" not in body
    scripts = re.findall(r"<script([^>]*)>", body)
    assert scripts
    for attributes in scripts:
        # Either a file of ours, or a JSON data block, which browsers never execute.
        assert 'src="/static/' in attributes or 'type="application/json"' in attributes
    assert " style=" not in body and "<style" not in body
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_docs_static_files_are_shipped(client, settings):
    from django.contrib.staticfiles import finders

    for name in ["ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"]:
        assert finders.find(name), name
