"""The dataset shipped with Balises loads whole and holds the expected territories."""

import pytest

from balises.territoires import directory
from balises.territoires.dataset import read_dataset, shipped_dataset, write_compact
from balises.territoires.models import Territoire
from balises.territoires.services import import_territoires


def test_shipped_dataset_is_written_deterministically(tmp_path):
    shipped = shipped_dataset()
    copy = tmp_path / shipped.name
    write_compact(read_dataset(shipped), copy)
    assert copy.read_bytes() == shipped.read_bytes()


@pytest.mark.slow
@pytest.mark.django_db
def test_shipped_dataset_loads_every_french_territory():
    report = import_territoires()
    assert report.totals == {"commune": 34_969, "epci": 1_255, "departement": 109, "region": 26}
    counts = {kind: Territoire.objects.filter(kind=kind).count() for kind in report.totals}
    assert counts == report.totals
    loos = Territoire.objects.select_related("epci", "departement", "region").get(
        kind="commune", code="62528"
    )
    assert loos.name == "Loos-en-Gohelle"
    assert loos.epci.name == "CA de Lens - Liévin"
    assert loos.departement.name == "Pas-de-Calais"
    assert loos.region.name == "Hauts-de-France"
    assert not Territoire.objects.filter(kind="commune", departement__isnull=True).exists()
    directory.clear()
    index = directory.get_index()
    for typed, code in (
        ("loos en gohele", "62528"),
        ("le mene", "22046"),
        ("grande synthe", "59271"),
    ):
        first = Territoire.objects.get(pk=index.search(typed)[0])
        assert first.code == code
    assert import_territoires().changes == 0
