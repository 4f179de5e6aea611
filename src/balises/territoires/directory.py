"""The directory of territories: the search index of this process, filters, ordered pages.

The index (see `index.py`) is built once per process from the current territories and rebuilt
when the table changes: every search compares a cheap signature (last load, highest id) with the
one the index was built from, so an import in another process is seen at once.
"""

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .index import Filters, Row, TerritoireIndex
from .models.territoire import Chargement, Territoire

_lock = threading.Lock()
_cache: dict[str, object] = {}

# Population bands of the directory filter: key → (label, min, max exclusive).
POPULATION_BANDS: dict[str, tuple[Promise, int | None, int | None]] = {
    "0-2000": (_("moins de 2 000 habitants"), None, 2_000),
    "2000-10000": (_("de 2 000 à 10 000 habitants"), 2_000, 10_000),
    "10000-50000": (_("de 10 000 à 50 000 habitants"), 10_000, 50_000),
    "50000-": (_("plus de 50 000 habitants"), 50_000, None),
}


def _signature() -> tuple:
    # Two index lookups, cheap enough for every search. Imports record a Chargement whenever
    # they change anything; rows created outside an import raise the highest id. A row changed
    # by hand in place is seen after `clear()` or a restart.
    last_territoire = Territoire.objects.order_by("-id").values_list("id", flat=True).first()
    last_load = Chargement.objects.order_by("-id").values_list("id", flat=True).first()
    return (last_load, last_territoire)


# In the order of index.Row's fields.
INDEX_COLUMNS = (
    "id",
    "kind",
    "search_name",
    "population",
    "departement_id",
    "region_id",
    "code",
    "siren",
    "postcodes",
    "former_names",
    "epci_id",
)


def _row(id, kind, name, population, dep, region, code, siren, postcodes, former, epci) -> Row:
    return Row(id, kind, name, population or 0, dep, region, code, siren, postcodes, former, epci)


def get_index() -> TerritoireIndex:
    """The search index of the current territories, rebuilt when the table has changed."""
    signature = _signature()
    with _lock:
        if _cache.get("signature") != signature:
            values = (
                Territoire.objects.filter(is_current=True)
                .order_by()
                .values_list(*INDEX_COLUMNS)
                .iterator(chunk_size=5000)
            )
            rows = (_row(*row) for row in values)
            _cache["index"] = TerritoireIndex(rows)
            _cache["signature"] = signature
        index = _cache["index"]
    assert isinstance(index, TerritoireIndex)
    return index


@dataclass(frozen=True)
class Query:
    text: str = ""
    kind: str = ""
    region: str = ""  # code INSEE of the région
    departement: str = ""  # code INSEE of the département
    epci: str = ""  # SIREN of the EPCI
    population: str = ""  # a key of POPULATION_BANDS


def search(query: Query) -> list[int]:
    """Ids of the matching current territories, best first."""
    wanted = {
        Territoire.Kind.REGION: query.region,
        Territoire.Kind.DEPARTEMENT: query.departement,
        Territoire.Kind.EPCI: query.epci,
    }
    wanted = {kind: code for kind, code in wanted.items() if code}
    parents: dict[str, int] = {}
    if wanted:
        condition = Q()
        for kind, code in wanted.items():
            condition |= Q(kind=kind, code=code)
        parents = dict(Territoire.objects.filter(condition).values_list("kind", "id"))
        if len(parents) < len(wanted):
            return []
    _label, low, high = POPULATION_BANDS.get(query.population, ("", None, None))
    filters = Filters(
        kind=query.kind,
        region_id=parents.get(Territoire.Kind.REGION),
        departement_id=parents.get(Territoire.Kind.DEPARTEMENT),
        epci_id=parents.get(Territoire.Kind.EPCI),
        population_min=low,
        population_max=high,
    )
    return get_index().search(query.text, filters)


def name_of(kind: str, code: str) -> str:
    """The name of a territory given by kind and code ("" if unknown): labels of filters."""
    found = Territoire.objects.filter(kind=kind, code=code).values_list("name", flat=True)
    return found.first() or ""


def fetch(ids: Sequence[int]) -> list[Territoire]:
    """The territories of `ids`, in that order, with their parents."""
    found = Territoire.objects.select_related("epci", "departement", "region").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def fetch_all(ids: Sequence[int], chunk: int = 2000) -> Iterator[Territoire]:
    """Like `fetch`, for long lists (exports): a bounded number of ids per query."""
    for start in range(0, len(ids), chunk):
        yield from fetch(ids[start : start + chunk])


def clear() -> None:
    """Forget the index of this process (tests that change rows without an import)."""
    with _lock:
        _cache.clear()


def children(territoire: Territoire, kind: str):
    """Current territories of `kind` directly under `territoire`, most populated first."""
    under = {
        Territoire.Kind.EPCI: "epci",
        Territoire.Kind.DEPARTEMENT: "departement",
        Territoire.Kind.REGION: "region",
    }.get(Territoire.Kind(territoire.kind))
    if under is None:
        return Territoire.objects.none()
    return Territoire.objects.filter(**{under: territoire}, kind=kind, is_current=True).order_by(
        "-population", "name"
    )


# Which children a territory page lists in full, and which it counts.
CHILD_KINDS: dict[str, tuple[str, ...]] = {
    Territoire.Kind.EPCI: (Territoire.Kind.COMMUNE,),
    Territoire.Kind.DEPARTEMENT: (Territoire.Kind.EPCI, Territoire.Kind.COMMUNE),
    Territoire.Kind.REGION: (
        Territoire.Kind.DEPARTEMENT,
        Territoire.Kind.EPCI,
        Territoire.Kind.COMMUNE,
    ),
}
