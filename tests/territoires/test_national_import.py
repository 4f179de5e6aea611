"""Loading the national reference: parents, idempotence, change reports, atomicity."""

import gzip

import pytest
from django.core.management import call_command

from balises.territoires.dataset import DatasetError
from balises.territoires.models.territoire import Chargement, Territoire
from balises.territoires.services import import_territoires

from . import national_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_file(tmp_path):
    return national_data.write(national_data.dataset(), tmp_path / "territoires-1.0.0.json.gz")


def snapshot():
    return sorted(
        Territoire.objects.values_list(
            "kind",
            "code",
            "name",
            "population",
            "epci__code",
            "departement__code",
            "region__code",
            "is_current",
            "replaced_by__code",
        )
    )


def test_import_links_communes_to_epci_departement_and_region(data_file):
    report = import_territoires(data_file)
    loos = Territoire.objects.get(kind="commune", code="62528")
    assert loos.name == "Loos-en-Gohelle"
    assert loos.search_name == "loos en gohelle"
    assert loos.epci.name == "CA de Lens - Liévin"
    assert loos.departement.name == "Pas-de-Calais"
    assert loos.region.name == "Hauts-de-France"
    assert loos.epci.region == loos.region
    assert loos.siren == "216205286" and loos.postcodes == "62750"
    lens = Territoire.objects.get(kind="epci", code="246200364")
    assert lens.siren == "246200364" and lens.zone == "metro"
    assert Territoire.objects.get(kind="commune", code="22046").former_names == "Collinée"
    assert len(report.added) == 18
    assert report.totals == {"region": 2, "departement": 3, "epci": 3, "commune": 10}


def test_second_import_of_the_same_file_changes_nothing(data_file):
    import_territoires(data_file)
    before = snapshot()
    report = import_territoires(data_file)
    assert report.changes == 0
    assert "Aucun changement" in "\n".join(report.lines())
    assert snapshot() == before
    assert Chargement.objects.count() == 1


def test_npm_package_and_compact_file_give_the_same_territories(tmp_path, data_file):
    import_territoires(national_data.etalab_package(tmp_path / "etalab.tgz"))
    from_package = snapshot()
    assert import_territoires(data_file).changes == 0
    assert snapshot() == from_package


def test_report_lists_renamed_added_changed_and_merged_communes(tmp_path, data_file):
    import_territoires(data_file)
    newer = national_data.dataset("2.0.0")
    by_code = {row["code"]: row for row in newer.communes}
    by_code["62413"]["name"] = "Grenay-les-Mines"
    by_code["62498"]["population"] = 33_000
    by_code["22002"]["epci"] = ""
    newer.communes = [row for row in newer.communes if row["code"] != "22055"]
    newer.merged.append({"code": "22055", "name": "Le Menez", "into": "22046"})
    newer.communes.append(
        national_data.commune("62999", "Nouvelle-Commune", "62", "246200364", 10, "62000")
    )
    report = import_territoires(national_data.write(newer, tmp_path / "territoires-2.0.0.json.gz"))

    assert report.added == ["commune-62999"]
    assert report.renamed == [("commune-62413", "Grenay", "Grenay-les-Mines")]
    assert report.population_changed == 1
    assert report.moved == 1
    assert report.merged == [("commune-22055", "Le Menez", "commune-22046")]
    menez = Territoire.objects.get(code="22055")
    assert not menez.is_current
    assert menez.replaced_by.name == "Le Mené"
    assert Territoire.objects.get(code="62413").search_name == "grenay les mines"
    assert Territoire.objects.get(code="22002").epci is None
    text = "\n".join(report.lines())
    assert "Grenay-les-Mines" in text and "commune-22055 Le Menez → commune-22046" in text
    assert Chargement.objects.count() == 2


def test_dissolved_epci_points_to_the_epci_that_took_its_communes(tmp_path, data_file):
    import_territoires(data_file)
    newer = national_data.dataset("2.0.0")
    newer.epci = [row for row in newer.epci if row["code"] != "245900428"]
    for row in newer.communes:
        if row["epci"] == "245900428":
            row["epci"] = "246200364"
    report = import_territoires(national_data.write(newer, tmp_path / "t.json.gz"))
    assert report.merged == [("epci-245900428", "CU de Dunkerque", "epci-246200364")]
    assert report.moved == 2


def test_a_commune_coming_back_is_current_again(tmp_path, data_file):
    import_territoires(data_file)
    smaller = national_data.dataset()
    smaller.communes = [row for row in smaller.communes if row["code"] != "22002"]
    import_territoires(national_data.write(smaller, tmp_path / "smaller.json.gz"))
    assert not Territoire.objects.get(code="22002").is_current
    report = import_territoires(data_file)
    assert report.restored == ["commune-22002"]
    assert Territoire.objects.get(code="22002").is_current


def test_truncated_file_is_refused_with_its_name_and_nothing_changes(tmp_path, data_file):
    import_territoires(data_file)
    before = snapshot()
    newer = national_data.dataset("2.0.0")
    newer.communes[0]["name"] = "Autre nom"
    full = national_data.write(newer, tmp_path / "territoires-2.0.0.json.gz").read_bytes()
    truncated = tmp_path / "tronque.json.gz"
    truncated.write_bytes(full[: len(full) // 2])
    with pytest.raises(DatasetError, match=r"tronque\.json\.gz.*tronqué ou endommagé"):
        import_territoires(truncated)
    assert snapshot() == before


def test_invalid_json_is_refused_with_line_and_column(tmp_path):
    broken = tmp_path / "casse.json.gz"
    broken.write_bytes(gzip.compress(b'{"format": "balises-territoires",\n "tables": [}'))
    with pytest.raises(DatasetError, match=r"casse\.json\.gz n'est pas un JSON valide.*ligne 2"):
        import_territoires(broken)
    assert not Territoire.objects.exists()


def test_unknown_parent_is_refused_before_anything_is_written(tmp_path):
    data = national_data.dataset()
    data.communes[0]["departement"] = "99"
    with pytest.raises(
        DatasetError, match=r"table « communes », ligne \d+ : departement inconnu '99'"
    ):
        import_territoires(national_data.write(data, tmp_path / "x.json.gz"))
    assert not Territoire.objects.exists()


def test_a_file_that_is_not_gzip_is_refused(tmp_path):
    text = tmp_path / "communes.csv"
    text.write_text("code;nom\n62528;Loos-en-Gohelle\n")
    with pytest.raises(DatasetError, match=r"communes\.csv n'est ni"):
        import_territoires(text)


def test_command_prints_the_report_and_a_clear_error(tmp_path, data_file, capsys):
    call_command("territoires", "import", "--from", str(data_file))
    assert "18 territoires ajoutés" in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="n'existe pas"):
        call_command("territoires", "import", "--from", str(tmp_path / "absent.json.gz"))


def test_seed_loads_only_into_an_empty_table(monkeypatch, data_file):
    from io import StringIO

    from django.apps import apps

    import balises.territoires.services as services

    monkeypatch.setattr(services, "shipped_dataset", lambda: data_file)
    out = StringIO()
    apps.get_app_config("territoires").seed(out)
    assert "10 communes" in out.getvalue()
    out = StringIO()
    apps.get_app_config("territoires").seed(out)
    assert out.getvalue() == ""


def test_every_changed_column_counts_as_a_change(tmp_path, data_file):
    import_territoires(data_file)
    newer = national_data.dataset("2.0.0")
    newer.merged.append({"code": "22102", "name": "Langourla", "into": "22046"})
    report = import_territoires(national_data.write(newer, tmp_path / "t.json.gz"))
    assert report.other_changed == 1
    assert Territoire.objects.get(code="22046").former_names == "Collinée; Langourla"


def test_a_former_commune_sharing_the_new_communes_code_is_a_name_only(tmp_path):
    data = national_data.dataset()
    data.merged += [
        {"code": "22046", "name": "Le Mené", "into": "22046"},
        {"code": "22136", "name": "Loudéac-Ancien", "into": "22136"},
    ]
    report = import_territoires(national_data.write(data, tmp_path / "t.json.gz"))
    assert report.merged == []
    assert Territoire.objects.get(code="22046").former_names == "Collinée"
    assert Territoire.objects.get(code="22136").former_names == "Loudéac-Ancien"
