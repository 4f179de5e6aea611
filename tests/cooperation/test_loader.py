"""Loading actors, participations and contributions from plain data (parsed YAML)."""

import pytest
import yaml
from django.core.exceptions import ValidationError

from balises.cooperation import services
from balises.cooperation.models import Acteur, Contribution

from .samples import make_action

pytestmark = pytest.mark.django_db

DATA = """
acteurs:
  - {name: "Direction de l'énergie", kind: service, visibility: public}
  - {name: "Régie", kind: service, parent: "Direction de l'énergie"}
participations:
  - {acteur: "Régie", action: "Chaufferie", level: co_production, role: porteur}
contributions:
  - {acteur: "Régie", action: "Chaufferie", nature: temps, amount: 0.5, unit: etp, period: "2019"}
  - {acteur: "Régie", action: "Chaufferie", nature: argent, amount: 1200, unit: euros,
     period: "2019-03"}
"""


def test_a_yaml_file_loads_actors_with_their_hierarchy_and_contributions(espace_a, alice):
    make_action(espace_a, alice, "Chaufferie")
    counts = services.load_cooperation(espace_a, alice, yaml.safe_load(DATA))
    assert counts == {"acteurs": 2, "participations": 1, "contributions": 2}
    assert Acteur.objects.get(name="Régie").parent.name == "Direction de l'énergie"
    assert Contribution.objects.filter(period_kind="month").count() == 1


def test_a_bad_item_loads_nothing_and_says_where(espace_a, alice):
    make_action(espace_a, alice, "Chaufferie")
    data = yaml.safe_load(DATA)
    data["contributions"][1]["amount"] = -1
    with pytest.raises(ValidationError) as error:
        services.load_cooperation(espace_a, alice, data)
    assert "contributions, élément n° 2" in error.value.messages[0]
    assert not Acteur.objects.exists()
