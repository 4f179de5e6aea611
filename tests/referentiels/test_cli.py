import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rdflib import Graph

from balises.referentiels.models import Referentiel

from .conftest import DATA, TET


def run(*args) -> str:
    out = StringIO()
    call_command("referentiel", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_guesses_the_tet_format_and_reports_counts(db):
    output = run("import", str(TET / "referentiel-eci-structure.csv"))
    assert "eci version 1, 367 éléments" in output


def test_import_error_names_file_line_and_column(db, tmp_path):
    path = tmp_path / "faux.yaml"
    path.write_text("format: balises-referentiel/1\nreferentiel: [1]\n")
    with pytest.raises(CommandError, match=r"faux.yaml, ligne 2, colonne 14"):
        run("import", str(path))
    assert not Referentiel.objects.exists()


def test_export_writes_turtle_to_a_file(mini, tmp_path):
    output = tmp_path / "mini.ttl"
    run("export", "mini", "--format", "ttl", "-o", str(output))
    assert len(Graph().parse(output, format="turtle")) > 20


def test_diff_between_two_versions_in_json(mini):
    run("import", str(DATA / "mini.yaml"), "--version", "2")
    Referentiel.objects.get(version="2").elements.filter(code="H1-B2").delete()
    data = json.loads(run("diff", "mini", "1", "2", "--json"))
    assert [change["code"] for change in data["removed"]] == ["H1-B2"]
    assert "retiré\tH1-B2" in run("diff", "mini", "1", "2")


def test_unknown_version_is_a_clear_error(mini):
    with pytest.raises(CommandError, match="introuvable : mini 9"):
        run("export", "mini", "--version", "9", "--format", "yaml")
