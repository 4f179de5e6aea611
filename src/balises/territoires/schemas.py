"""Shapes of territories in the API and the JSON/CSV twins of the pages."""

from typing import Annotated, Any

from django.urls import reverse
from ninja import Schema

from balises.core.api.choices import choices_of

from .models.territoire import Territoire

KindValue = Annotated[str, choices_of(Territoire.Kind)]


class TerritoireRef(Schema):
    uid: str
    kind: KindValue
    code: str
    name: str
    url: str


class TerritoireOut(Schema):
    uid: str
    kind: KindValue
    kind_label: str
    code: str
    name: str
    epci_type: str
    population: int | None
    siren: str
    postcodes: list[str]
    zone: str
    is_current: bool
    url: str
    epci: TerritoireRef | None
    departement: TerritoireRef | None
    region: TerritoireRef | None
    replaced_by: TerritoireRef | None
    former_names: list[str]


class TerritoireChild(Schema):
    uid: str
    kind: KindValue
    code: str
    name: str
    population: int | None
    url: str


class TerritoireDetail(TerritoireOut):
    children: list[TerritoireChild]
    children_count: int


def ref(territoire: Territoire | None) -> dict[str, Any] | None:
    if territoire is None:
        return None
    return {
        "uid": territoire.uid,
        "kind": territoire.kind,
        "code": territoire.code,
        "name": territoire.name,
        "url": reverse("territoires:detail", args=[territoire.uid]),
    }


def territoire_data(territoire: Territoire) -> dict[str, Any]:
    """A territory and its parents (select_related them), as TerritoireOut."""
    return {
        "uid": territoire.uid,
        "kind": territoire.kind,
        "kind_label": str(territoire.get_kind_display()),
        "code": territoire.code,
        "name": territoire.name,
        "epci_type": territoire.epci_type,
        "population": territoire.population,
        "siren": territoire.siren,
        "postcodes": territoire.postcodes.split(),
        "zone": territoire.zone,
        "is_current": territoire.is_current,
        "url": reverse("territoires:detail", args=[territoire.uid]),
        "epci": ref(territoire.epci),
        "departement": ref(territoire.departement),
        "region": ref(territoire.region),
        "replaced_by": ref(territoire.replaced_by) if territoire.replaced_by_id else None,
        "former_names": [name for name in territoire.former_names.split("; ") if name],
    }


def child_data(territoire: Territoire) -> dict[str, Any]:
    return {**(ref(territoire) or {}), "population": territoire.population}


CSV_COLUMNS = (
    ("uid", "identifiant"),
    ("kind_label", "nature"),
    ("code", "code"),
    ("name", "nom"),
    ("epci_type", "type_epci"),
    ("population", "population"),
    ("siren", "siren"),
    ("postcodes", "codes_postaux"),
    ("epci", "epci"),
    ("departement", "departement"),
    ("region", "region"),
)


def csv_row(data: dict[str, Any]) -> list[Any]:
    """One CSV line of a territory: parents by name, postcodes space-separated."""
    values: list[Any] = []
    for key, _header in CSV_COLUMNS:
        value = data[key]
        if isinstance(value, dict):
            value = value["name"]
        elif isinstance(value, list):
            value = " ".join(value)
        values.append(value)
    return values
