"""The national territories as plain data: read from Etalab's npm package or our compact file.

No ORM here. `read_dataset(path)` accepts either file and returns a validated `Dataset`;
`write_compact(dataset, path)` writes the compact gzip JSON the project ships. Every problem in
a file raises `DatasetError` with a French message naming the file and what is wrong, before
anything is written to a database.
"""

import gzip
import io
import json
import tarfile
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from balises.core.errors import ServiceError

FORMAT = "balises-territoires"
FORMAT_VERSION = 1

# Column order of each table of the compact file: short rows keep the file small.
COLUMNS: dict[str, tuple[str, ...]] = {
    "regions": ("code", "name", "zone", "population"),
    "departements": ("code", "name", "region", "zone", "population"),
    "epci": ("code", "name", "epci_type", "departement", "population"),
    "communes": (
        "code",
        "name",
        "departement",
        "epci",
        "siren",
        "postcodes",
        "population",
        "zone",
    ),
    # Former communes (commune déléguée or associée, or an old code) → the commune they joined.
    "merged": ("code", "name", "into"),
}
ETALAB_FILES = ("communes", "epci", "departements", "regions")


DATA_DIR = Path(__file__).resolve().parent / "data"


def shipped_dataset() -> Path:
    """The compact dataset shipped with the application (the newest version in data/)."""

    def version_key(path: Path) -> tuple[int, ...]:
        version = path.name.removeprefix("territoires-").removesuffix(".json.gz")
        return tuple(int(part) for part in version.split(".") if part.isdigit())

    files = sorted(DATA_DIR.glob("territoires-*.json.gz"), key=version_key)
    if not files:
        raise DatasetError("Aucun jeu de territoires n'est livré avec l'application.")
    return files[-1]


class DatasetError(ServiceError, ValueError):
    """A data file that cannot be read; the message is French and names the file."""


@dataclass
class Dataset:
    source: str
    version: str
    regions: list[dict[str, Any]] = field(default_factory=list)
    departements: list[dict[str, Any]] = field(default_factory=list)
    epci: list[dict[str, Any]] = field(default_factory=list)
    communes: list[dict[str, Any]] = field(default_factory=list)
    merged: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {table: len(getattr(self, table)) for table in COLUMNS}


def read_dataset(path: str | Path) -> Dataset:
    """Read our compact file (.json.gz) or Etalab's npm package (.tgz), and validate it."""
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"Le fichier {path} n'existe pas.")
    with path.open("rb") as handle:
        magic = handle.read(262)
    if not magic.startswith(b"\x1f\x8b"):
        raise DatasetError(
            f"Le fichier {path.name} n'est ni un jeu de territoires compressé (.json.gz) "
            "ni un paquet npm (.tgz)."
        )
    dataset = _read_etalab(path) if _is_tar(path) else _read_compact(path)
    validate(dataset, path.name)
    return dataset


def _is_tar(path: Path) -> bool:
    try:
        with gzip.open(path, "rb") as handle:
            header = handle.read(512)
    except (OSError, EOFError, zlib.error):
        return False
    return len(header) == 512 and header[257:262] == b"ustar"


def _read_compact(path: Path) -> Dataset:
    try:
        with gzip.open(path, "rb") as handle:
            raw = handle.read()
    except (OSError, EOFError, zlib.error) as error:
        raise DatasetError(
            f"Le fichier {path.name} est tronqué ou endommagé (gzip illisible : {error})."
        ) from error
    document = _parse_json(raw, path.name)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DatasetError(f"Le fichier {path.name} n'est pas un jeu de territoires Balises.")
    if document.get("format_version") != FORMAT_VERSION:
        raise DatasetError(
            f"Le fichier {path.name} est au format {document.get('format_version')!r}, "
            f"attendu {FORMAT_VERSION}."
        )
    dataset = Dataset(source=str(document.get("source", "")), version=str(document.get("version")))
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise DatasetError(f"Le fichier {path.name} ne contient pas de tables.")
    for table, columns in COLUMNS.items():
        rows = tables.get(table)
        if not isinstance(rows, list):
            raise DatasetError(f"Le fichier {path.name} ne contient pas la table « {table} ».")
        records = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, list) or len(row) != len(columns):
                raise DatasetError(
                    f"Le fichier {path.name}, table « {table} », ligne {number} : "
                    f"{len(columns)} valeurs attendues."
                )
            records.append(dict(zip(columns, row, strict=True)))
        setattr(dataset, table, records)
    return dataset


def _parse_json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw)
    except UnicodeDecodeError as error:
        raise DatasetError(f"Le fichier {name} n'est pas en UTF-8 ({error}).") from error
    except json.JSONDecodeError as error:
        raise DatasetError(
            f"Le fichier {name} n'est pas un JSON valide : {error.msg} "
            f"(ligne {error.lineno}, colonne {error.colno})."
        ) from error


def _read_etalab(path: Path) -> Dataset:
    documents: dict[str, Any] = {}
    version = ""
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive:
                name = member.name.removeprefix("package/")
                if name == "package.json" or name.startswith("data/"):
                    handle = archive.extractfile(member)
                    if handle is None:
                        continue
                    key = name.removeprefix("data/").removesuffix(".json")
                    if name == "package.json":
                        version = str(_parse_json(handle.read(), name).get("version", ""))
                    elif key in ETALAB_FILES:
                        documents[key] = _parse_json(handle.read(), f"{path.name}:{name}")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise DatasetError(
            f"Le fichier {path.name} est tronqué ou endommagé (archive illisible : {error})."
        ) from error
    missing = [name for name in ETALAB_FILES if name not in documents]
    if missing:
        raise DatasetError(
            f"Le fichier {path.name} ne contient pas data/{missing[0]}.json : "
            "est-ce bien le paquet @etalab/decoupage-administratif ?"
        )
    try:
        return from_etalab(documents, version)
    except (KeyError, TypeError, AttributeError) as error:
        raise DatasetError(
            f"Le fichier {path.name} n'a pas la structure attendue (champ {error} manquant ou "
            "invalide)."
        ) from error


def from_etalab(documents: dict[str, Any], version: str) -> Dataset:
    """Turn the four JSON documents of the npm package into our tables."""
    current = [row for row in documents["communes"] if row["type"] == "commune-actuelle"]
    epci_of: dict[str, str] = {}
    for group in documents["epci"]:
        for member in group["membres"]:
            epci_of[member["code"]] = group["code"]
    communes = [
        {
            "code": row["code"],
            "name": row["nom"],
            "departement": row["departement"],
            "epci": epci_of.get(row["code"], ""),
            "siren": row.get("siren", ""),
            "postcodes": " ".join(sorted(row.get("codesPostaux", []))),
            "population": row.get("population"),
            "zone": row.get("zone", ""),
        }
        for row in current
    ]
    population_of = {row["code"]: row["population"] or 0 for row in communes}
    departement_population: Counter[str] = Counter()
    for row in communes:
        departement_population[row["departement"]] += population_of[row["code"]]
    region_of = {row["code"]: row["region"] for row in documents["departements"]}
    region_population: Counter[str] = Counter()
    for code, population in departement_population.items():
        region_population[region_of.get(code, "")] += population
    by_code = {row["code"]: row for row in communes}
    epci = [
        {
            "code": group["code"],
            "name": group["nom"],
            "epci_type": group["type"],
            "departement": _main_departement(group["membres"], by_code),
            "population": group.get("populationMunicipale", group.get("populationTotale")),
        }
        for group in documents["epci"]
    ]
    return Dataset(
        source="@etalab/decoupage-administratif",
        version=version,
        regions=[
            {
                "code": row["code"],
                "name": row["nom"],
                "zone": row.get("zone", ""),
                "population": region_population.get(row["code"], 0),
            }
            for row in documents["regions"]
        ],
        departements=[
            {
                "code": row["code"],
                "name": row["nom"],
                "region": row["region"],
                "zone": row.get("zone", ""),
                "population": departement_population.get(row["code"], 0),
            }
            for row in documents["departements"]
        ],
        epci=epci,
        communes=communes,
        merged=_merged(documents["communes"]),
    )


def _main_departement(members: Iterable[dict[str, Any]], communes: dict[str, dict]) -> str:
    """The département holding most of an EPCI's inhabitants (a few EPCI straddle two)."""
    weight: Counter[str] = Counter()
    for member in members:
        commune = communes.get(member["code"])
        if commune:
            weight[commune["departement"]] += (commune["population"] or 0) + 1
    if not weight:
        return ""
    return min(weight, key=lambda code: (-weight[code], code))


def _merged(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    current = {row["code"] for row in rows if row["type"] == "commune-actuelle"}
    into: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["type"] == "commune-actuelle":
            for old in row.get("anciensCodes", []):
                if old not in current:
                    into.setdefault(old, {"code": old, "name": "", "into": row["code"]})
    for row in rows:
        # A commune déléguée often shares its code with the new commune (which took it over):
        # still a former commune by its name, but nothing to retire, so a row only for the name.
        if row["type"] in {"commune-deleguee", "commune-associee"}:
            into[row["code"]] = {"code": row["code"], "name": row["nom"], "into": row["chefLieu"]}
    return [into[code] for code in sorted(into)]


def validate(dataset: Dataset, name: str) -> None:
    """Check codes, references and values; raise DatasetError on the first problem."""

    def fail(table: str, index: int, message: str) -> None:
        raise DatasetError(f"Le fichier {name}, table « {table} », ligne {index + 1} : {message}.")

    known: dict[str, set[str]] = {}
    for table in ("regions", "departements", "epci", "communes"):
        seen: set[str] = set()
        for index, row in enumerate(getattr(dataset, table)):
            code, label = row.get("code"), row.get("name")
            if not isinstance(code, str) or not code or len(code) > 20:
                fail(table, index, f"code invalide {code!r}")
            if not isinstance(label, str) or not label.strip() or len(label) > 200:
                fail(table, index, f"nom invalide {label!r}")
            if code in seen:
                fail(table, index, f"code en double {code!r}")
            seen.add(code)
            population = row.get("population")
            if population is not None and (not isinstance(population, int) or population < 0):
                fail(table, index, f"population invalide {population!r}")
            for column in ("zone", "epci_type", "siren", "postcodes"):
                value = row.get(column, "")
                if not isinstance(value, str):
                    fail(table, index, f"{column} invalide {value!r}")
        known[table] = seen
    references = (
        ("departements", "region", "regions", False),
        ("epci", "departement", "departements", True),
        ("communes", "departement", "departements", False),
        ("communes", "epci", "epci", True),
    )
    for table, column, target, optional in references:
        for index, row in enumerate(getattr(dataset, table)):
            value = row.get(column)
            if optional and value == "":
                continue
            if value not in known[target]:
                fail(table, index, f"{column} inconnu {value!r}")
    for index, row in enumerate(dataset.merged):
        if not isinstance(row.get("code"), str) or row.get("into") not in known["communes"]:
            fail("merged", index, f"commune d'accueil inconnue {row.get('into')!r}")
    if not dataset.regions or not dataset.communes:
        raise DatasetError(f"Le fichier {name} ne contient aucun territoire.")


def write_compact(dataset: Dataset, path: str | Path) -> None:
    """Write the dataset as deterministic gzip JSON: same data, same bytes."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    # One table row per line keeps the file readable with zcat and diffable between versions.
    tables = []
    for table, columns in COLUMNS.items():
        rows = sorted(getattr(dataset, table), key=lambda row: row["code"])
        lines = ",\n".join(dump([row[column] for column in columns]) for row in rows)
        tables.append(f"{dump(table)}:[\n{lines}]")
    head = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "source": dataset.source,
        "version": dataset.version,
    }
    text = dump(head)[:-1] + ',"tables":{\n' + ",\n".join(tables) + "}}\n"
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.encode("utf-8"))
    Path(path).write_bytes(buffer.getvalue())
