"""Loading the national reference of territories into the database.

`import_territoires(path)` is what `balises territoires import`, `balises setup` and the bench
call. It reads and validates the whole file first (our compact file or Etalab's npm package), then
applies the differences in one transaction with bulk queries: a bad file changes nothing, a second
run of the same file changes nothing and reports zero changes.
"""

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from balises.core.progress import ProgressCallback, no_progress
from balises.core.text import fold

from .dataset import Dataset, read_dataset, shipped_dataset
from .models.territoire import Chargement, Territoire

BATCH = 1000
Kind = Territoire.Kind
# The columns the dataset owns; an import compares and writes only these.
DATA_FIELDS = (
    "name",
    "search_name",
    "epci_type",
    "population",
    "siren",
    "postcodes",
    "zone",
    "epci_id",
    "departement_id",
    "region_id",
    "is_current",
    "replaced_by_id",
    "former_names",
)
TABLES = (
    (Kind.REGION, "regions"),
    (Kind.DEPARTEMENT, "departements"),
    (Kind.EPCI, "epci"),
    (Kind.COMMUNE, "communes"),
)


@dataclass
class ImportReport:
    file_name: str
    version: str = ""
    added: list[str] = field(default_factory=list)  # uids
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # uid, old, new
    population_changed: int = 0
    moved: int = 0  # parent (EPCI, département, région) changed
    other_changed: int = 0  # postcodes, SIREN, type, zone
    restored: list[str] = field(default_factory=list)
    # uid, name, uid of the territory that took it over (or "")
    merged: list[tuple[str, str, str]] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def changes(self) -> int:
        return (
            len(self.added)
            + len(self.renamed)
            + self.population_changed
            + self.moved
            + self.other_changed
            + len(self.restored)
            + len(self.merged)
        )

    def lines(self) -> list[str]:
        """The report in French, one fact per line, for the terminal and the logs."""
        totals = ", ".join(
            f"{self.totals.get(kind, 0)} {label}"
            for kind, label in (
                (Kind.COMMUNE, _("communes")),
                (Kind.EPCI, _("EPCI")),
                (Kind.DEPARTEMENT, _("départements")),
                (Kind.REGION, _("régions")),
            )
        )
        lines = [
            _("%(file)s (version %(version)s) : %(totals)s.")
            % {"file": self.file_name, "version": self.version, "totals": totals}
        ]
        if not self.changes:
            lines.append(_("Aucun changement : la base était déjà à jour."))
            return lines
        facts = (
            (len(self.added), _("territoires ajoutés")),
            (len(self.renamed), _("renommés")),
            (self.population_changed, _("populations modifiées")),
            (self.moved, _("rattachements modifiés")),
            (
                self.other_changed,
                _("autres changements (codes postaux, SIREN, type, anciennes communes)"),
            ),
            (len(self.restored), _("territoires rétablis")),
            (len(self.merged), _("territoires disparus (fusionnés ou dissous)")),
        )
        lines += [f"  {count} {label}" for count, label in facts if count]
        for uid, old, new in self.renamed[:20]:
            lines.append(f"  {uid} : « {old} » → « {new} »")
        for uid, name, into in self.merged[:20]:
            target = into or _("successeur inconnu")
            lines.append(f"  {uid} {name} → {target}")
        lines.append(_("Durée : %(seconds).1f s.") % {"seconds": self.seconds})
        return lines

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "renamed": [list(item) for item in self.renamed],
            "population_changed": self.population_changed,
            "moved": self.moved,
            "other_changed": self.other_changed,
            "restored": self.restored,
            "merged": [list(item) for item in self.merged],
            "totals": self.totals,
        }


def import_territoires(
    path: str | Path | None = None, progress: ProgressCallback | None = None
) -> ImportReport:
    """Bring the national reference in line with a file; see the module docstring."""
    started = time.perf_counter()
    path = Path(path) if path else shipped_dataset()
    progress = progress or no_progress
    progress(0, None, _("lecture de %(file)s") % {"file": path.name})
    dataset = read_dataset(path)
    report = ImportReport(file_name=path.name, version=dataset.version)
    with transaction.atomic():
        _Loader(dataset, report, progress).run()
        if report.changes:
            Chargement.objects.create(
                source=dataset.source,
                version=dataset.version,
                file_name=path.name[:200],
                changes=report.changes,
                summary=report.as_dict(),
            )
    report.seconds = time.perf_counter() - started
    return report


class _Loader:
    def __init__(self, dataset: Dataset, report: ImportReport, progress: ProgressCallback):
        self.dataset = dataset
        self.report = report
        self.progress = progress
        self.total = sum(len(getattr(dataset, table)) for _kind, table in TABLES)
        self.done = 0
        # (kind, code) → dict of the row's DATA_FIELDS plus "id"
        self.existing: dict[tuple[str, str], dict[str, Any]] = {
            (row["kind"], row["code"]): row
            for row in Territoire.objects.values("id", "kind", "code", *DATA_FIELDS)
        }
        self.ids: dict[tuple[str, str], int] = {
            key: row["id"] for key, row in self.existing.items()
        }
        self.seen: set[tuple[str, str]] = set()
        self.region_of: dict[int, int] = {}  # département id → région id
        self.zones = {row["code"]: row["zone"] for row in dataset.departements}
        former: dict[str, list[str]] = {}
        names = {row["code"]: row["name"] for row in dataset.communes}
        for row in dataset.merged:
            if row["name"] and row["name"] != names.get(row["into"]):
                former.setdefault(row["into"], []).append(row["name"])
        self.former_names = {code: "; ".join(sorted(names)) for code, names in former.items()}

    def run(self) -> None:
        for kind, table in TABLES:
            rows = getattr(self.dataset, table)
            values = [self._values(kind, row) for row in rows]
            self._apply(kind, values)
            self.seen |= {(kind, row["code"]) for row in rows}
            self.report.totals[kind] = len(rows)
            if kind == Kind.DEPARTEMENT:
                self.region_of = {self.ids[(kind, v["code"])]: v["region_id"] for v in values}
        self._retire()
        self.progress(self.total, self.total, _("terminé"))

    def _values(self, kind: str, row: dict[str, Any]) -> dict[str, Any]:
        ids = self.ids
        values = {
            "code": row["code"],
            "name": row["name"],
            "search_name": fold(row["name"])[:200],
            "epci_type": row.get("epci_type", ""),
            "population": row.get("population"),
            "siren": row.get("siren", "") if kind != Kind.EPCI else row["code"],
            "postcodes": row.get("postcodes", ""),
            # EPCI have no zone in the source: theirs is their département's.
            "zone": row.get("zone") or self.zones.get(row.get("departement", ""), ""),
            "epci_id": None,
            "departement_id": None,
            "region_id": None,
            "is_current": True,
            "replaced_by_id": None,
            "former_names": self.former_names.get(row["code"], "") if kind == Kind.COMMUNE else "",
        }
        if kind == Kind.DEPARTEMENT:
            values["region_id"] = ids[(Kind.REGION, row["region"])]
        elif kind in (Kind.EPCI, Kind.COMMUNE):
            if row["departement"]:
                values["departement_id"] = ids[(Kind.DEPARTEMENT, row["departement"])]
                values["region_id"] = self.region_of[values["departement_id"]]
            if kind == Kind.COMMUNE and row["epci"]:
                values["epci_id"] = ids[(Kind.EPCI, row["epci"])]
        return values

    def _apply(self, kind: str, rows: list[dict[str, Any]]) -> None:
        new, changed = [], []
        fields_changed: set[str] = set()
        for values in rows:
            old = self.existing.get((kind, values["code"]))
            if old is None:
                new.append(Territoire(kind=kind, **values))
                continue
            diff = {name for name in DATA_FIELDS if old[name] != values[name]}
            if not diff:
                continue
            self._count(kind, old, values, diff)
            fields_changed |= diff
            changed.append(Territoire(id=old["id"], kind=kind, **values))
        for start in range(0, len(new), BATCH):
            created = Territoire.objects.bulk_create(new[start : start + BATCH])
            for territoire in created:
                self.ids[(kind, territoire.code)] = territoire.pk
            self._advance(len(created), kind)
        self.report.added += [f"{kind}-{territoire.code}" for territoire in new]
        if changed:
            Territoire.objects.bulk_update(changed, sorted(fields_changed), batch_size=BATCH)
        self._advance(len(rows) - len(new), kind)

    def _count(self, kind: str, old: dict, values: dict, diff: set[str]) -> None:
        uid = f"{kind}-{values['code']}"
        if "name" in diff:
            self.report.renamed.append((uid, old["name"], values["name"]))
        if "population" in diff:
            self.report.population_changed += 1
        if diff & {"epci_id", "departement_id", "region_id"}:
            self.report.moved += 1
        # Whatever else changed counts too: a change left out of the report would also leave
        # no Chargement, and search indexes would not notice it.
        named = {"name", "search_name", "population", "epci_id", "departement_id", "region_id"}
        if diff - named - {"is_current", "replaced_by_id"}:
            self.report.other_changed += 1
        if "is_current" in diff:
            self.report.restored.append(uid)

    def _advance(self, count: int, kind: str) -> None:
        self.done += count
        self.progress(self.done, self.total, str(Kind(kind).label))

    def _retire(self) -> None:
        """Territories gone from the file stay (links keep working) but are no longer current."""
        gone = [
            row
            for key, row in self.existing.items()
            if key not in self.seen and row["is_current"] and key[0] != Kind.AUTRE
        ]
        if not gone:
            return
        merged_into = {row["code"]: row["into"] for row in self.dataset.merged}
        successors = self._epci_successors({row["id"] for row in gone})
        retired = []
        code_of = {row_id: key for key, row_id in self.ids.items()}
        for row in gone:
            kind, code = code_of[row["id"]]
            target_id = None
            if kind == Kind.COMMUNE and code in merged_into:
                target_id = self.ids.get((Kind.COMMUNE, merged_into[code]))
            elif kind == Kind.EPCI:
                target_id = successors.get(row["id"])
            retired.append(Territoire(id=row["id"], is_current=False, replaced_by_id=target_id))
            target = code_of.get(target_id) if target_id else None
            self.report.merged.append(
                (f"{kind}-{code}", row["name"], f"{target[0]}-{target[1]}" if target else "")
            )
        Territoire.objects.bulk_update(retired, ["is_current", "replaced_by_id"], batch_size=BATCH)

    def _epci_successors(self, gone_ids: set[int]) -> dict[int, int]:
        """A dissolved EPCI → the current EPCI that now holds most of its former communes."""
        votes: dict[int, Counter[int]] = {}
        for code, row in self.existing.items():
            if code[0] == Kind.COMMUNE and row["epci_id"] in gone_ids:
                votes.setdefault(row["epci_id"], Counter())
        if not votes:
            return {}
        current_epci = dict(
            Territoire.objects.filter(kind=Kind.COMMUNE, is_current=True).values_list(
                "id", "epci_id"
            )
        )
        for (kind, _code), row in self.existing.items():
            if kind == Kind.COMMUNE and row["epci_id"] in votes:
                successor = current_epci.get(row["id"])
                if successor and successor not in gone_ids:
                    votes[row["epci_id"]][successor] += 1
        return {old: counter.most_common(1)[0][0] for old, counter in votes.items() if counter}
