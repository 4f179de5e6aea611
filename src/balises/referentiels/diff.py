"""What changed between two versions of a référentiel, computed over plain data.

Elements are matched by `key` (their identity across versions), never by code or label: a
renumbered element is the same element, a new element reusing an old code is not.
"""

from dataclasses import asdict, dataclass, field

TEXT_FIELDS = ("label_fr", "label_en", "description_fr", "description_en")


@dataclass(frozen=True)
class ElementRow:
    key: str
    code: str
    kind: str
    parent_key: str | None
    label_fr: str
    label_en: str = ""
    description_fr: str = ""
    description_en: str = ""


@dataclass
class Change:
    key: str
    code: str
    label_fr: str
    old_code: str = ""
    old_parent: str | None = None  # codes, for display
    new_parent: str | None = None
    fields: list[str] = field(default_factory=list)  # reworded fields
    old_label_fr: str = ""


@dataclass
class Diff:
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    moved: list[Change] = field(default_factory=list)
    reworded: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.moved or self.reworded)

    def as_dict(self) -> dict[str, list[dict]]:
        return {
            name: [asdict(change) for change in getattr(self, name)]
            for name in ("added", "removed", "moved", "reworded")
        }


def diff_elements(old: list[ElementRow], new: list[ElementRow]) -> Diff:
    """Added, removed, moved (parent changed) and reworded (label or description changed).

    An element both moved and reworded appears in both lists. Lists follow the order of the
    version they come from (`new` for added, moved and reworded; `old` for removed).
    """
    old_by_key = {row.key: row for row in old}
    new_by_key = {row.key: row for row in new}
    old_codes = {row.key: row.code for row in old}
    new_codes = {row.key: row.code for row in new}
    result = Diff()
    for row in new:
        before = old_by_key.get(row.key)
        if before is None:
            result.added.append(Change(row.key, row.code, row.label_fr))
            continue
        if before.parent_key != row.parent_key:
            result.moved.append(
                Change(
                    row.key,
                    row.code,
                    row.label_fr,
                    old_code=before.code,
                    old_parent=old_codes.get(before.parent_key) if before.parent_key else None,
                    new_parent=new_codes.get(row.parent_key) if row.parent_key else None,
                )
            )
        changed = [name for name in TEXT_FIELDS if getattr(before, name) != getattr(row, name)]
        if changed:
            result.reworded.append(
                Change(
                    row.key,
                    row.code,
                    row.label_fr,
                    old_code=before.code,
                    fields=changed,
                    old_label_fr=before.label_fr,
                )
            )
    result.removed = [
        Change(row.key, row.code, row.label_fr) for row in old if row.key not in new_by_key
    ]
    return result
