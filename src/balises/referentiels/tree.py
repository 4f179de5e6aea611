"""Pure computations over a référentiel's elements, given in depth-first order.

They take any objects with `pk`, `parent_id`, `depth`, `points` (and, for search, text
attributes), so pages call them on one query's results and tests on plain records.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from balises.core.text import stems


@dataclass
class TreeRow:
    element: Any
    has_children: bool
    closes: range  # how many open branches end right after this element
    child_count: int = 0


def tree_rows(elements: Sequence[Any]) -> list[TreeRow]:
    """Rows to draw nested lists from a flat loop: a template needs no recursion."""
    counts: dict[Any, int] = {}
    for element in elements:
        counts[element.parent_id] = counts.get(element.parent_id, 0) + 1
    rows = []
    for index, element in enumerate(elements):
        next_depth = elements[index + 1].depth if index + 1 < len(elements) else 0
        has_children = next_depth > element.depth
        closes = 0 if has_children else element.depth - next_depth
        rows.append(TreeRow(element, has_children, range(closes), counts.get(element.pk, 0)))
    return rows


def total_points(elements: Iterable[Any]) -> Decimal:
    """The points of a référentiel: each branch counted once, at its highest scored level.

    Territoires en Transitions scores mesures (CAE) or axes (ECI) and repeats sub-scores
    below them; adding every level would count the same points twice.
    """
    covered: dict[Any, bool] = {}
    total = Decimal(0)
    for element in elements:
        above = covered.get(element.parent_id, False)
        if element.points is not None and not above:
            total += element.points
        covered[element.pk] = above or element.points is not None
    return total


def search(elements: Iterable[Any], query: str) -> list[Any]:
    """Elements whose code, labels or descriptions hold every stemmed word of `query`."""
    wanted = set(stems(query))
    if not wanted:
        return []
    found = []
    for element in elements:
        text = " ".join(
            (element.code, element.label_fr, element.label_en, element.description_fr,
             element.description_en)
        )  # fmt: skip
        if wanted <= set(stems(text)):
            found.append(element)
    return found
