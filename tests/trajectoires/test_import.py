"""Importing actions from a spreadsheet: preview with line-level errors, all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from balises.trajectoires import importer
from balises.trajectoires.models import Action

pytestmark = pytest.mark.django_db

HEADER = "titre;résumé;statut;début;fin;thèmes;échelle;visibilité;contexte;source_url;source_titre"


def _upload(client, espace, name, content):
    url = reverse("trajectoires:import", args=[espace.slug])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_a_good_csv_is_previewed_then_written(as_user, espace_a, charlie):
    rows = [
        HEADER,
        'Jardins;Des parcelles;en cours;03/2014;;"alimentation ; solidarité";quartier;public;'
        "Une friche;https://example.org/j;Bulletin",
        "Chaufferie;;réalisée;2010;2012;énergie;commune;;;;",
    ]
    client = as_user(charlie)
    response = _upload(client, espace_a, "actions.csv", "\n".join(rows).encode())
    assert response.status_code == 302
    preview = client.get(response.url)
    assert "2 actions sont prêtes" in preview.content.decode()
    assert not Action.objects.exists()
    client.post(response.url)
    jardins = Action.objects.get(title="Jardins")
    assert jardins.themes == ["alimentation", "solidarite"] and jardins.start_precision == "month"
    assert jardins.sources.get().title == "Bulletin"
    assert Action.objects.get(title="Chaufferie").visibility == espace_a.default_visibility


def test_line_errors_name_line_column_and_what_was_expected_and_nothing_is_written(
    as_user, espace_a, charlie
):
    rows = [HEADER, "Bonne;;en cours;2014;;;;;;;", ";;fini;2015;2012;magie;;;;;"]
    client = as_user(charlie)
    response = _upload(client, espace_a, "actions.csv", "\n".join(rows).encode())
    content = client.get(response.url).content.decode()
    assert "Ligne 3, colonne « statut »" in content and "en préparation" in content
    assert "Ligne 3, colonne « thèmes »" in content
    assert "Ligne 3, colonne « titre »" not in content or "obligatoire" in content
    assert client.post(response.url).status_code == 400
    assert not Action.objects.exists()


def test_an_xlsx_file_is_read(as_user, espace_a, charlie):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Titre", "Début", "Visibilité"])
    sheet.append(["Depuis Excel", "2019-05", "réseau"])
    out = io.BytesIO()
    workbook.save(out)
    client = as_user(charlie)
    response = _upload(client, espace_a, "actions.xlsx", out.getvalue())
    client.post(response.url)
    action = Action.objects.get()
    assert action.title == "Depuis Excel" and action.visibility == "reseau"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("actions.csv", "titre;résumé\nÉté;x".encode("latin-1"), "UTF-8"),
        ("actions.csv", b"nom;couleur\na;b", "En-têtes non reconnus"),
        ("actions.pdf", b"%PDF-1.4 binary", "ni un CSV ni un classeur"),
        ("actions.xlsx", b"PK\x03\x04 not really a zip", "ni un CSV ni un classeur"),
        ("actions.csv", b"", "vide"),
    ],
)
def test_a_malformed_file_gives_a_clear_error_and_writes_nothing(
    as_user, espace_a, charlie, name, content, message
):
    response = _upload(as_user(charlie), espace_a, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Action.objects.exists()


def test_too_many_rows_are_refused(as_user, espace_a, charlie, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 3)
    content = "\n".join(["titre"] + [f"Action {i}" for i in range(5)]).encode()
    response = _upload(as_user(charlie), espace_a, "a.csv", content)
    assert "plus de 3 lignes" in response.content.decode()


def test_the_templates_are_downloadable_and_read_back_without_error(client, espace_a):
    for fmt in ("csv", "xlsx"):
        url = reverse("trajectoires:import_template", args=[espace_a.slug, fmt])
        content = client.get(url).content
        preview = importer.check_rows(importer.read_rows(f"modele.{fmt}", content), espace_a)
        assert preview.is_valid, preview.errors


def test_reader_cannot_import_and_outsider_gets_404(as_user, espace_a, bob, dana):
    assert _upload(as_user(bob), espace_a, "a.csv", b"titre\nx").status_code == 403
    assert _upload(as_user(dana), espace_a, "a.csv", b"titre\nx").status_code == 404
    assert not Action.objects.exists()


def test_a_line_with_more_cells_than_columns_is_an_error(as_user, espace_a, charlie):
    client = as_user(charlie)
    response = _upload(client, espace_a, "a.csv", "titre;thèmes\nJardins;énergie;mobilité".encode())
    assert "Plus de cellules que de colonnes" in client.get(response.url).content.decode()


def test_every_error_of_a_line_is_listed_at_once(espace_a):
    rows = importer.read_rows("a.csv", "titre;statut;début;fin\n;fini;2016;2012".encode())
    columns = {column for _n, column, _m in importer.check_rows(rows, espace_a).errors}
    assert columns == {"titre", "statut", "fin"}


def test_files_left_pending_for_a_day_are_removed_at_the_next_upload(
    as_user, espace_a, charlie, settings
):
    import os
    import time
    from pathlib import Path

    folder = Path(settings.MEDIA_ROOT) / "imports" / "trajectoires"
    folder.mkdir(parents=True)
    old = folder / "abandonne"
    old.write_bytes(b"titre\nx")
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    _upload(as_user(charlie), espace_a, "a.csv", b"titre\nx")
    assert not old.exists() and len(list(folder.iterdir())) == 1


def test_abandoning_a_file_writes_nothing_and_removes_it(as_user, espace_a, charlie, settings):
    from pathlib import Path

    client = as_user(charlie)
    response = _upload(client, espace_a, "a.csv", b"titre\nx")
    client.post(response.url, {"cancel": "1"})
    assert not Action.objects.exists()
    assert not list((Path(settings.MEDIA_ROOT) / "imports" / "trajectoires").iterdir())
