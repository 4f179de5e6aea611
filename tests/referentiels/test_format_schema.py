"""The published JSON Schema and the reader must describe the same format."""

import json
from importlib.resources import files

from balises.referentiels.formats import canonical
from balises.referentiels.formats.document import FORMAT_ID, LINK_KINDS

SCHEMA = json.loads(
    (files("balises.referentiels") / "formats" / "referentiel.schema.json").read_text()
)


def test_schema_names_the_keys_the_reader_accepts():
    assert set(SCHEMA["properties"]) == canonical.TOP_KEYS
    assert set(SCHEMA["properties"]["referentiel"]["properties"]) == canonical.META_KEYS
    assert set(SCHEMA["$defs"]["element"]["properties"]) == canonical.ELEMENT_KEYS
    assert SCHEMA["properties"]["format"]["const"] == FORMAT_ID
    link = SCHEMA["properties"]["links"]["items"]["properties"]
    assert tuple(link["kind"]["enum"]) == LINK_KINDS


def test_exported_documents_use_only_keys_of_the_schema(mini):
    from balises.referentiels import services

    data = json.loads(services.export_referentiel(mini, "json"))
    assert set(data) <= set(SCHEMA["properties"])
    assert set(data["referentiel"]) <= set(SCHEMA["properties"]["referentiel"]["properties"])
    element_keys = set(SCHEMA["$defs"]["element"]["properties"])

    def walk(elements):
        for element in elements:
            assert set(element) <= element_keys
            walk(element.get("children", []))

    walk(data["elements"])
