from collections import Counter
from io import StringIO

from balises.referentiels.apps import ReferentielsConfig
from balises.referentiels.models import Lien, Referentiel


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
