from collections import Counter
from io import StringIO

from balises.referentiels import services
from balises.referentiels.apps import BUILTIN_FILES, ReferentielsConfig
from balises.referentiels.builtin import sync_builtin
from balises.referentiels.models import Element, Lien, Referentiel


def test_setup_seed_loads_villes_pairs_once(db):
    from django.apps import apps

    config = apps.get_app_config("referentiels")
    assert isinstance(config, ReferentielsConfig)
    first, second = StringIO(), StringIO()
    config.seed(first)
    config.seed(second)
    assert "Villes pairs" in first.getvalue() and second.getvalue() == ""
    referentiel = Referentiel.objects.get()
    assert referentiel.is_builtin and referentiel.owner is None
    assert referentiel.licence.startswith("CC BY-NC-ND")


def test_villes_pairs_has_its_themes_balises_modes_and_dispositifs(villes_pairs):
    kinds = Counter(villes_pairs.elements.values_list("kind__code", flat=True))
    assert (kinds["theme"], kinds["balise"]) == (4, 23)
    assert (kinds["mode_de_faire"], kinds["dispositif"]) == (13, 11)
    themes = villes_pairs.elements.filter(kind__code="theme").order_by("position")
    per_theme = [t.children.filter(kind__code="balise").count() for t in themes]
    assert per_theme == [6, 5, 6, 6]
    serves = Lien.objects.filter(source__referentiel=villes_pairs, kind="serves")
    assert serves.exists()
    assert set(serves.values_list("target__kind__code", flat=True)) == {"balise"}
    assert villes_pairs.maturity_levels.count() == 5


def _stored_copy_of_an_older_file(referentiel):
    """Make the stored built-in look as an older file left it."""
    element = referentiel.elements.get(code="H2-B1")
    element.label_fr, element.label_origin = "Ancien intitulé", ""
    element.save()
    moved = referentiel.elements.get(code="H1-B2")
    moved.parent = referentiel.elements.get(code="H2")
    moved.save()
    Lien.objects.filter(source__referentiel=referentiel, source__code="H1-M1").delete()
    referentiel.scale_note_fr = ""
    referentiel.save()
    return element.pk


def test_setup_brings_a_stored_builtin_up_to_date_in_place_with_history(villes_pairs):
    from django.apps import apps

    fresh = services.export_referentiel(villes_pairs, "yaml")
    pk = _stored_copy_of_an_older_file(villes_pairs)
    extra = villes_pairs.elements.get(code="H3-B1")
    Lien.objects.create(source=extra, target=villes_pairs.elements.get(code="H1-B1"), kind="serves")
    output = StringIO()
    apps.get_app_config("referentiels").seed(output)
    assert "mis à jour" in output.getvalue()
    villes_pairs.refresh_from_db()
    assert services.export_referentiel(villes_pairs, "yaml") == fresh
    element = villes_pairs.elements.get(code="H2-B1")
    assert element.pk == pk  # what points at it still does
    latest = element.history.first()
    assert latest.history_change_reason.startswith("mise à jour du référentiel intégré")
    assert villes_pairs.elements.get(code="H1-B2").parent.code == "H1"
    assert Referentiel.objects.count() == 1
    assert sync_builtin(BUILTIN_FILES[0]).changes == []


def test_an_element_the_file_no_longer_has_is_kept_and_reported(villes_pairs):
    Element.objects.create(
        referentiel=villes_pairs, kind=villes_pairs.kinds.get(code="concept"),
        code="X-ANCIEN", key="X-ANCIEN", label_fr="Retiré du fichier",
    )  # fmt: skip
    result = sync_builtin(BUILTIN_FILES[0])
    assert result.kept == ["X-ANCIEN"] and villes_pairs.elements.filter(code="X-ANCIEN").exists()


def test_a_non_builtin_import_with_the_same_version_is_left_alone(db):
    services.import_referentiel(BUILTIN_FILES[0])
    element = Element.objects.get(code="H2-B1")
    element.label_fr = "Changé par son propriétaire"
    element.save()
    result = sync_builtin(BUILTIN_FILES[0])
    assert not result.created and result.changes == []
    assert Element.objects.get(code="H2-B1").label_fr == "Changé par son propriétaire"
