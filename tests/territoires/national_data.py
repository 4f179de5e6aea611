"""A small national dataset for tests: a few real territories, written like the shipped file."""

import copy
import io
import json
import tarfile
from pathlib import Path

import pytest

from balises.territoires.dataset import Dataset, write_compact

REGIONS = [
    {"code": "32", "name": "Hauts-de-France", "zone": "metro", "population": 6_000_000},
    {"code": "53", "name": "Bretagne", "zone": "metro", "population": 3_400_000},
]
DEPARTEMENTS = [
    {"code": "59", "name": "Nord", "region": "32", "zone": "metro", "population": 2_600_000},
    {
        "code": "62",
        "name": "Pas-de-Calais",
        "region": "32",
        "zone": "metro",
        "population": 1_460_000,
    },
    {"code": "22", "name": "Côtes-d'Armor", "region": "53", "zone": "metro", "population": 600_000},
]
EPCI = [
    {
        "code": "246200364",
        "name": "CA de Lens - Liévin",
        "epci_type": "CA",
        "departement": "62",
        "population": 242_591,
    },
    {
        "code": "245900428",
        "name": "CU de Dunkerque",
        "epci_type": "CU",
        "departement": "59",
        "population": 192_000,
    },
    {
        "code": "200067981",
        "name": "Loudéac Communauté - Bretagne Centre",
        "epci_type": "CC",
        "departement": "22",
        "population": 51_000,
    },
]


def commune(code, name, departement, epci, population, postcodes, siren=""):
    return {
        "code": code,
        "name": name,
        "departement": departement,
        "epci": epci,
        "siren": siren or f"2{code}00",
        "postcodes": postcodes,
        "population": population,
        "zone": "metro",
    }


COMMUNES = [
    commune("62528", "Loos-en-Gohelle", "62", "246200364", 6_799, "62750", "216205286"),
    commune("62498", "Lens", "62", "246200364", 32_920, "62300"),
    commune("62510", "Liévin", "62", "246200364", 30_000, "62800"),
    commune("62413", "Grenay", "62", "246200364", 6_800, "62160"),
    commune("59271", "Grande-Synthe", "59", "245900428", 20_000, "59760"),
    commune("59183", "Dunkerque", "59", "245900428", 86_000, "59140 59240 59640"),
    commune("22046", "Le Mené", "22", "200067981", 6_556, "22330"),
    commune("22136", "Loudéac", "22", "200067981", 9_400, "22600"),
    commune("22055", "Le Menez", "22", "200067981", 900, "22210"),
    commune("22002", "Allineuc", "22", "200067981", 540, "22460"),
]
MERGED = [{"code": "22066", "name": "Collinée", "into": "22046"}]


def dataset(version: str = "1.0.0") -> Dataset:
    """The test territories; départements and régions count the people of their communes."""
    departements = copy.deepcopy(DEPARTEMENTS)
    regions = copy.deepcopy(REGIONS)
    for departement in departements:
        departement["population"] = sum(
            c["population"] for c in COMMUNES if c["departement"] == departement["code"]
        )
    for region in regions:
        region["population"] = sum(
            d["population"] for d in departements if d["region"] == region["code"]
        )
    return Dataset(
        source="test",
        version=version,
        regions=regions,
        departements=departements,
        epci=copy.deepcopy(EPCI),
        communes=copy.deepcopy(COMMUNES),
        merged=copy.deepcopy(MERGED),
    )


def write(data: Dataset, path: Path) -> Path:
    write_compact(data, path)
    return path


def etalab_package(path: Path, version: str = "9.9.9") -> Path:
    """The same territories shaped like Etalab's npm package (.tgz)."""
    epci_members: dict[str, list] = {row["code"]: [] for row in EPCI}
    for row in COMMUNES:
        epci_members[row["epci"]].append(
            {"code": row["code"], "siren": row["siren"], "nom": row["name"]}
        )
    documents = {
        "package.json": {"name": "@etalab/decoupage-administratif", "version": version},
        "data/regions.json": [
            {"code": r["code"], "nom": r["name"], "zone": r["zone"]} for r in REGIONS
        ],
        "data/departements.json": [
            {"code": d["code"], "nom": d["name"], "region": d["region"], "zone": d["zone"]}
            for d in DEPARTEMENTS
        ],
        "data/epci.json": [
            {
                "code": e["code"],
                "nom": e["name"],
                "type": e["epci_type"],
                "populationMunicipale": e["population"],
                "membres": epci_members[e["code"]],
            }
            for e in EPCI
        ],
        "data/communes.json": [
            {
                "code": c["code"],
                "nom": c["name"],
                "type": "commune-actuelle",
                "departement": c["departement"],
                "region": next(d["region"] for d in DEPARTEMENTS if d["code"] == c["departement"]),
                "siren": c["siren"],
                "codesPostaux": c["postcodes"].split(),
                "population": c["population"],
                "zone": "metro",
            }
            for c in COMMUNES
        ]
        + [
            {
                "code": "22066",
                "nom": "Collinée",
                "type": "commune-deleguee",
                "chefLieu": "22046",
                "departement": "22",
                "region": "53",
            }
        ],
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, document in documents.items():
            raw = json.dumps(document).encode()
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
    return path


@pytest.fixture
def national(db, tmp_path):
    """The test territories loaded through the importer (import this fixture in a test file)."""
    from balises.territoires.services import import_territoires

    import_territoires(write(dataset(), tmp_path / "territoires-1.0.0.json.gz"))
