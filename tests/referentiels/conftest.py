from pathlib import Path

import pytest

from balises.referentiels import services
from balises.referentiels.apps import BUILTIN_FILES
from balises.referentiels.builtin import load_builtin

DATA = Path(__file__).parent / "data"
TET = DATA / "tet"


@pytest.fixture
def mini(db):
    return services.import_referentiel(DATA / "mini.yaml").referentiel


@pytest.fixture
def cae(db):
    return services.import_referentiel(TET / "referentiel-cae-structure.csv", "tet").referentiel


@pytest.fixture
def villes_pairs(db):
    return load_builtin(BUILTIN_FILES[0])


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
