from decimal import Decimal

import pytest

from balises.referentiels import services
from balises.referentiels.formats.errors import FormatError
from balises.referentiels.models import Referentiel

from .conftest import DATA, write


def test_generic_csv_builds_the_tree_whatever_the_row_order(db):
    referentiel = services.import_referentiel(DATA / "mini.csv", "csv").referentiel
    assert (referentiel.slug, referentiel.version) == ("mini", "1")
    rows = referentiel.elements.order_by("position").values_list("code", "parent__code", "key")
    assert list(rows) == [("T1", None, "t-1"), ("B1", "T1", "B1"), ("T2", None, "T2")]
    balise = referentiel.elements.get(code="B1")
    assert balise.description_fr == "Une description\nsur deux lignes"
    assert balise.points == Decimal("3.5") and balise.is_interpretation
    assert list(referentiel.kinds.values_list("code", flat=True)) == ["balise", "theme"]


def test_csv_export_reimports_to_the_same_elements(mini, tmp_path):
    exported = services.export_referentiel(mini, "csv")
    path = write(tmp_path, "copie.csv", exported)
    again = services.import_referentiel(path, "csv", slug="copie").referentiel
    assert services.export_referentiel(again, "csv") == exported


def test_missing_required_column_is_named(db, tmp_path):
    with pytest.raises(FormatError, match="colonne « kind » absente") as error:
        services.import_referentiel(write(tmp_path, "x.csv", "code,label_fr\nA,a\n"), "csv")
    assert error.value.line == 1


def test_bad_points_are_refused_with_the_row_line_and_nothing_is_written(db, tmp_path):
    text = "code,kind,label_fr,points\nA,t,a,1\nB,t,b,beaucoup\n"
    with pytest.raises(FormatError, match="nombre de points invalide") as error:
        services.import_referentiel(write(tmp_path, "x.csv", text), "csv")
    assert (error.value.line, error.value.expected) == (3, "un nombre")
    assert not Referentiel.objects.exists()


def test_a_loop_of_parents_is_refused(db, tmp_path):
    text = "code,parent_code,kind,label_fr\nA,B,t,a\nB,A,t,b\n"
    with pytest.raises(FormatError, match="son propre ancêtre"):
        services.import_referentiel(write(tmp_path, "boucle.csv", text), "csv")
