"""Pure scoring of a self-assessment: plain data in, plain data out, no ORM, no request.

The rules are written out for users in docs/diagnostics.md; keep both in step.

- A respondent's answer is a level of the référentiel's scale, or None (« je ne sais pas »).
  Unknown answers are left out of every median: not knowing is not a level.
- The median of a viewpoint is the median of its respondents' known levels (the mean of the
  two middle values when their number is even, hence halves).
- The consensus of an element is the median of the viewpoints' medians, so that each
  viewpoint weighs the same: thirty agents do not outvote three élus.
- An element is divergent when two viewpoints' medians are two levels apart or more.
- The level suggested from the evidence (``suggested_level``) reads the actions of the space;
  it is shown beside the declared levels and never replaces them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import median as _median

DIVERGENCE_THRESHOLD = 2

# Action statuses (balises.trajectoires.models.Status codes), kept here as plain strings so
# that this module imports nothing from the ORM.
ABANDONED = "abandonnee"
REALISED = "realisee"
IN_PLACE = frozenset({"en_cours", REALISED})


def median(values: Iterable[float]) -> float | None:
    """The median of the values, None when there are none."""
    values = list(values)
    if not values:
        return None
    return float(_median(values))


def viewpoint_medians(answers: Iterable[tuple[str, int | None]]) -> dict[str, float]:
    """(viewpoint, level or None) pairs → the median level of each viewpoint that gave one."""
    grouped: dict[str, list[int]] = {}
    for viewpoint, level in answers:
        if level is not None:
            grouped.setdefault(viewpoint, []).append(level)
    return {viewpoint: float(_median(levels)) for viewpoint, levels in grouped.items()}


def consensus(medians: Mapping[str, float]) -> float | None:
    """The median of the viewpoints' medians (each viewpoint weighs the same)."""
    return median(medians.values())


def spread(medians: Mapping[str, float]) -> float:
    """The largest gap between two viewpoints' medians (0 with fewer than two viewpoints)."""
    if len(medians) < 2:
        return 0.0
    return max(medians.values()) - min(medians.values())


def is_divergent(medians: Mapping[str, float], threshold: float = DIVERGENCE_THRESHOLD) -> bool:
    return spread(medians) >= threshold


def evolution(previous: float | None, current: float | None) -> float | None:
    """Change of a level since the previous campaign; None when either is unknown."""
    if previous is None or current is None:
        return None
    return current - previous


@dataclass(frozen=True)
class Evidence:
    """An action of the space, as the suggestion reads it for one element.

    ``direct``: the action is linked to the element itself (ActionElement).
    ``through_dispositif``: the action is linked to a dispositif that serves the element
    (a référentiel link of kind « sert » from the dispositif to the element).
    ``evaluated``: its récit states both the effects observed and the lessons drawn.
    """

    status: str
    direct: bool = True
    through_dispositif: bool = False
    evaluated: bool = False


def suggested_level(evidence: Sequence[Evidence], top: int = 4) -> int:
    """The level the actions of the space suggest for one element, within 0..``top``.

    Abandoned actions are left out. Then:
    0 — no action linked to the element;
    1 — at least one action linked to it, whatever its progress (idea, in progress…);
    2 — at least two actions linked to it, one of them realised;
    3 — as 2, and a dispositif serving the element is in place: an action linked to such a
        dispositif is in progress or realised;
    4 — as 3, and a realised action linked to the element has been evaluated and its lessons
        drawn (its récit tells the effects observed and the lessons).
    Each level requires the one below, so adding evidence or moving an action forward never
    lowers the suggestion.
    """
    live = [item for item in evidence if item.status != ABANDONED]
    direct = [item for item in live if item.direct]
    level = 0
    if direct:
        level = 1
    if level == 1 and len(direct) >= 2 and any(item.status == REALISED for item in direct):
        level = 2
    if level == 2 and any(item.through_dispositif and item.status in IN_PLACE for item in live):
        level = 3
    if level == 3 and any(item.status == REALISED and item.evaluated for item in direct):
        level = 4
    return max(0, min(level, top))


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the known values (a theme's maturity from its balises' consensus)."""
    known = [value for value in values if value is not None]
    if not known:
        return None
    return sum(known) / len(known)
