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


def _enum(schema: dict) -> list | None:
    """The allowed values of a property, through « | None » (anyOf) and lists (items)."""
    if "enum" in schema:
        return schema["enum"]
    for inner in [*schema.get("anyOf", []), schema.get("items", {})]:
        if inner and (found := _enum(inner)) is not None:
            return found
    return None


def _choice_fields():
    from balises.cooperation import models as cooperation
    from balises.diagnostics import models as diagnostics
    from balises.espaces.models import Role, Visibility
    from balises.referentiels.models import LabelOrigin, Lien
    from balises.territoires.models import Territoire
    from balises.trajectoires import models as trajectoires

    return {
        ("ActeurOut", "kind"): cooperation.ActeurKind,
        ("ActeurOut", "visibility"): Visibility,
        ("ActeurIn", "kind"): cooperation.ActeurKind,
        ("ParticipationOut", "level"): cooperation.Level,
        ("ParticipationIn", "role"): cooperation.ParticipationRole,
        ("ContributionOut", "nature"): cooperation.Nature,
        ("ContributionOut", "unit"): cooperation.Unit,
        ("ContributionOut", "period_kind"): cooperation.PeriodKind,
        ("ContributionIn", "unit"): cooperation.Unit,
        ("ActionRow", "status"): trajectoires.Status,
        ("ActionRow", "scale"): trajectoires.Scale,
        ("ActionRow", "themes"): trajectoires.Theme,
        ("ActionRow", "start_precision"): trajectoires.Precision,
        ("ActionIn", "visibility"): Visibility,
        ("LinkOut", "kind"): trajectoires.LinkKind,
        ("LienIn", "kind"): trajectoires.LinkKind,
        ("RecordOut", "kind"): trajectoires.EventKind,
        ("RecordIn", "widened"): trajectoires.Widening,
        ("CampagneOut", "status"): diagnostics.CampagneStatus,
        ("AnswerOut", "status"): diagnostics.AnswerStatus,
        ("ViewpointOut", "code"): diagnostics.Viewpoint,
        ("EspaceOut", "default_visibility"): Visibility,
        ("MemberOut", "role"): Role,
        ("EspaceTerritoire", "kind"): Territoire.Kind,
        ("TerritoireOut", "kind"): Territoire.Kind,
        ("LienOut", "kind"): Lien.Kind,
        ("ElementSummary", "label_origin"): LabelOrigin,
    }


def test_fields_holding_model_choices_list_their_values(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for (schema, field), choices in _choice_fields().items():
        values = _enum(schemas[schema]["properties"][field])
        assert values is not None, f"{schema}.{field} has no enum"
        assert set(values) - {""} == set(choices.values), f"{schema}.{field}"


def test_filters_holding_model_choices_list_their_values_and_the_empty_one(client):
    from balises.trajectoires.models import Status

    operation = client.get("/api/v1/openapi.json").json()["paths"][
        "/api/v1/trajectoires/{slug}/actions"
    ]["get"]
    status = next(p for p in operation["parameters"] if p["name"] == "status")
    assert _enum(status["schema"]) == ["", *Status.values]


def test_a_value_outside_the_choices_is_refused_in_french(client):
    response = client.get("/api/v1/territoires/", {"kind": "planete"})
    assert response.status_code == 422
    assert "kind : valeur inconnue ; valeurs permises" in response.json()["detail"]


def test_no_two_schemas_share_a_name(client):
    """OpenAPI names schemas by class name: two of the same name would silently become one."""
    from collections import Counter

    from ninja import Schema

    client.get("/api/v1/openapi.json")  # every router and its schemas are loaded

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    names = Counter(
        cls.__name__
        for cls in set(subclasses(Schema))
        if cls.__module__.startswith("balises.") and "[" not in cls.__name__
    )
    assert [name for name, count in names.items() if count > 1] == []
