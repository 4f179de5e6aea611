import pytest

from balises.referentiels import services
from balises.referentiels.formats.errors import FormatError
from balises.referentiels.models import Element, Lien, MaturityLevel, Referentiel

from .conftest import DATA, write


def test_mini_file_imports_with_its_tree_levels_and_links(mini):
    assert mini.title_fr == "Mini référentiel"
    assert mini.authors == ["Ada", "Blaise"]
    assert list(mini.kinds.values_list("code", flat=True)) == ["theme", "balise", "mode_de_faire"]
    codes = list(mini.elements.order_by("position").values_list("code", "depth", "order"))
    assert codes == [("H1", 0, 0), ("H1-B1", 1, 0), ("H1-B2", 1, 1), ("H2", 0, 1), ("H2-M1", 1, 0)]
    h1 = mini.elements.get(code="H1")
    assert h1.key == "mini-h1" and h1.is_interpretation and h1.source_ref == "§4"
    assert mini.elements.get(code="H1-B2").key == "H1-B2"
    assert str(mini.elements.get(code="H1-B1").points) == "12.500"
    assert MaturityLevel.objects.filter(referentiel=mini).count() == 2
    serves = Lien.objects.get(kind="serves")
    assert (serves.source.code, serves.target.code) == ("H2-M1", "H1-B1")


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_export_then_import_gives_exactly_the_same_referentiel(mini, tmp_path, format):
    exported = services.export_referentiel(mini, format)
    Referentiel.objects.all().delete()
    path = write(tmp_path, f"mini.{format}", exported)
    again = services.import_referentiel(path).referentiel
    assert services.export_referentiel(again, format) == exported
    assert services.document_from_db(again).elements == services.document_from_db(again).elements


def test_link_to_another_referentiel_uses_slug_and_code(mini):
    cible = services.import_referentiel(DATA / "cible.yaml").referentiel
    link = Lien.objects.get(source__referentiel=cible)
    assert link.target.referentiel == mini and str(link.weight) == "0.750"
    assert "to: mini:H1-B1" in services.export_referentiel(cible, "yaml")


def test_json_syntax_error_names_line_and_column(db, tmp_path):
    path = write(tmp_path, "casse.json", '{\n  "format": "balises-referentiel/1",\n  "x": }')
    with pytest.raises(FormatError) as error:
        services.import_referentiel(path)
    assert (error.value.file, error.value.line, error.value.column) == ("casse.json", 3, 8)


def test_unknown_key_is_reported_with_its_position_and_the_allowed_keys(db, tmp_path):
    text = (DATA / "mini.yaml").read_text().replace("    source_ref:", "    sourceref:")
    with pytest.raises(FormatError) as error:
        services.import_referentiel(write(tmp_path, "faute.yaml", text))
    message = str(error.value)
    assert "faute.yaml, ligne 27, colonne 5" in message
    assert "sourceref" in message and "source_ref" in error.value.expected


def test_undeclared_kind_is_refused(db, tmp_path):
    text = (DATA / "mini.yaml").read_text().replace("kind: mode_de_faire", "kind: dispositif")
    with pytest.raises(FormatError, match="nature « dispositif » non déclarée"):
        services.import_referentiel(write(tmp_path, "nature.yaml", text))


def test_duplicate_code_is_refused_with_its_line(db, tmp_path):
    text = (DATA / "mini.yaml").read_text().replace('code: "H1-B2"', 'code: "H1-B1"')
    with pytest.raises(FormatError, match="déjà utilisé") as error:
        services.import_referentiel(write(tmp_path, "double.yaml", text))
    assert (error.value.line, error.value.column) == (34, 9)


def test_a_bad_link_at_the_end_writes_nothing(db, tmp_path):
    text = (DATA / "mini.yaml").read_text().replace('to: "H1-B2"', 'to: "H9"')
    with pytest.raises(FormatError, match="introuvable") as error:
        services.import_referentiel(write(tmp_path, "lien.yaml", text))
    assert error.value.line == 49
    assert not Referentiel.objects.exists() and not Element.objects.exists()


def test_importing_the_same_version_twice_is_refused(mini):
    with pytest.raises(FormatError, match="existe déjà"):
        services.import_referentiel(DATA / "mini.yaml")
    assert Referentiel.objects.count() == 1


def test_wrong_format_marker_is_refused(db, tmp_path):
    path = write(tmp_path, "vieux.yaml", "format: autre/2\n")
    with pytest.raises(FormatError, match="format non reconnu") as error:
        services.import_referentiel(path)
    assert (error.value.line, error.value.column) == (1, 9)


def test_the_builtin_referentiel_round_trips_through_yaml(villes_pairs, tmp_path):
    exported = services.export_referentiel(villes_pairs, "yaml")
    Referentiel.objects.all().delete()
    again = services.import_referentiel(write(tmp_path, "vp.yaml", exported)).referentiel
    assert services.export_referentiel(again, "yaml") == exported


def test_a_file_that_is_not_utf8_is_refused_clearly(db, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("format: é".encode("latin-1"))
    with pytest.raises(FormatError, match="lecture impossible") as error:
        services.import_referentiel(path)
    assert error.value.file == "latin1.yaml"


def test_a_list_instead_of_a_document_is_refused(db, tmp_path):
    with pytest.raises(FormatError, match="mauvaise forme"):
        services.import_referentiel(write(tmp_path, "liste.yaml", "- a\n- b\n"))


def with_provenance(text: str) -> str:
    """mini.yaml with a scale note and the origin of two labels."""
    text = text.replace(
        '  attribution: {fr: "Texte',
        '  scale_note: {fr: "Échelle proposée par nous.", en: "Scale proposed by us."}\n'
        '  attribution: {fr: "Texte',
    )
    return text.replace(
        '        label: {fr: "Partager le pouvoir"}\n',
        '        label: {fr: "Partager le pouvoir"}\n'
        "        label_origin: corrected\n"
        '        label_note: {fr: "Accent ajouté.", en: "Accent added."}\n',
    ).replace(
        '    label: {fr: "Évaluer la valeur créée"}\n',
        '    label: {fr: "Évaluer la valeur créée"}\n    label_origin: ours\n',
    )


@pytest.mark.parametrize("format", ["yaml", "json", "csv"])
def test_label_origin_notes_and_scale_note_survive_export_and_import(db, tmp_path, format):
    path = write(tmp_path, "mini.yaml", with_provenance((DATA / "mini.yaml").read_text()))
    mini = services.import_referentiel(path).referentiel
    assert (mini.scale_note_fr, mini.scale_note_en) == (
        "Échelle proposée par nous.",
        "Scale proposed by us.",
    )
    b2 = mini.elements.get(code="H1-B2")
    assert (b2.label_origin, b2.label_note_fr, b2.label_note_en) == (
        "corrected",
        "Accent ajouté.",
        "Accent added.",
    )
    assert mini.elements.get(code="H2").label_origin == "ours"
    assert mini.elements.get(code="H1").label_origin == ""
    exported = services.export_referentiel(mini, format)
    Referentiel.objects.all().delete()
    reader = "csv" if format == "csv" else "canonical"  # the CSV holds elements only
    again = services.import_referentiel(write(tmp_path, f"again.{format}", exported), reader)
    elements = services.document_from_db(again.referentiel).elements
    assert [(e.code, e.label_origin, e.label_note_en) for e in elements] == [
        ("H1", "", ""),
        ("H1-B1", "", ""),
        ("H1-B2", "corrected", "Accent added."),
        ("H2", "ours", ""),
        ("H2-M1", "", ""),
    ]


def test_unknown_label_origin_is_refused_with_the_allowed_values(db, tmp_path):
    text = with_provenance((DATA / "mini.yaml").read_text()).replace(
        "label_origin: ours", "label_origin: nous"
    )
    with pytest.raises(FormatError) as error:
        services.import_referentiel(write(tmp_path, "origine.yaml", text))
    assert "label_origin" in str(error.value) and "reported" in error.value.expected
