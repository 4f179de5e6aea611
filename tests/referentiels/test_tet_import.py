from collections import Counter
from decimal import Decimal

import pytest

from balises.referentiels import services, tree
from balises.referentiels.formats.errors import FormatError
from balises.referentiels.models import Lien, Referentiel

from .conftest import TET, write


def _kinds(referentiel):
    return Counter(referentiel.elements.values_list("kind__code", flat=True))


def _points(referentiel):
    return tree.total_points(referentiel.elements.order_by("position"))


def test_climat_air_energie_has_its_five_levels_and_500_points(cae):
    assert (cae.slug, cae.title_fr, cae.licence) == ("cae", "Climat Air Énergie", "MIT")
    assert _kinds(cae) == {
        "axe": 6, "sous-axe": 19, "mesure": 61, "sous-action": 325, "tache": 1059,
    }  # fmt: skip
    assert _points(cae) == Decimal(500)
    mesure = cae.elements.get(code="1.1.1")
    assert mesure.parent.code == "1.1" and mesure.kind.code == "mesure"


def test_markdown_of_text_cells_is_kept(cae):
    mesure = cae.elements.get(code="1.1.1")
    contexte = next(s for s in mesure.sections if s["title"] == "Contexte")
    assert contexte["text"].startswith("**Contexte et enjeux**\n\n")


def test_economie_circulaire_has_four_levels_and_500_points(db):
    path = TET / "referentiel-eci-structure.csv"
    eci = services.import_referentiel(path, "tet").referentiel
    assert _kinds(eci) == {"axe": 5, "sous-axe": 21, "mesure": 80, "sous-action": 261}
    assert _points(eci) == Decimal(500)


def test_transition_ecologique_origins_become_weighted_correspondences(cae):
    services.import_referentiel(TET / "referentiel-eci-structure.csv", "tet")
    result = services.import_referentiel(TET / "referentiel-te-structure.csv", "tet")
    te = result.referentiel
    assert te.elements.count() == 663
    links = Lien.objects.filter(source__referentiel=te, kind="corresponds_to")
    targets = Counter(links.values_list("target__referentiel__slug", flat=True))
    assert targets["cae"] > 300 and targets["eci"] > 100
    half = links.get(source__code="1.1.2.1", target__code="1.1.1.5")
    assert half.weight == Decimal("0.5") and half.target.referentiel == cae
    whole = links.get(source__code="1.1.1.1")
    assert whole.target.code == "1.1.2.2.3" and whole.weight == Decimal(1)
    # Two empty placeholder rows of the source file are reported, not fatal.
    assert len(result.warnings) == 2


def test_transition_ecologique_alone_imports_and_reports_missing_targets(db):
    result = services.import_referentiel(TET / "referentiel-te-structure.csv", "tet")
    assert not Lien.objects.exists()
    assert any("cae:1.1.2.2.3" in warning for warning in result.warnings)


def test_an_identifier_deeper_than_five_levels_is_refused_with_its_line(db, tmp_path):
    text = "identifiant,nom,points\n1,Axe,\n1.1.1.1.1.1,Trop profond,\n"
    with pytest.raises(FormatError, match="identifiant invalide") as error:
        services.import_referentiel(write(tmp_path, "profond.csv", text), "tet")
    assert (error.value.file, error.value.line) == ("profond.csv", 3)
    assert not Referentiel.objects.exists()


def test_a_child_without_its_parent_is_refused(db, tmp_path):
    text = 'identifiant,nom\n1,Axe\n"2.1","Sans parent"\n'
    with pytest.raises(FormatError, match="parent « 2 » introuvable"):
        services.import_referentiel(write(tmp_path, "orphelin.csv", text), "tet")


def test_points_with_a_french_comma_are_read(db, tmp_path):
    text = 'identifiant,nom,points\n1,Axe,"2,5"\n'
    referentiel = services.import_referentiel(write(tmp_path, "virgule.csv", text), "tet")
    assert referentiel.referentiel.elements.get().points == Decimal("2.5")
