from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from balises.referentiels import tree


@dataclass
class Node:
    pk: int
    parent_id: int | None
    depth: int
    points: Decimal | None = None


@st.composite
def trees(draw):
    """Depth-first lists of nodes: each new node hangs under one of the open ancestors."""
    nodes: list[Node] = []
    path: list[Node] = []
    for pk in range(1, draw(st.integers(0, 40)) + 1):
        path = path[: draw(st.integers(0, len(path)))]
        parent = path[-1] if path else None
        points = draw(st.none() | st.integers(0, 20).map(Decimal))
        node = Node(pk, parent.pk if parent else None, len(path), points)
        nodes.append(node)
        path.append(node)
    return nodes


@given(trees())
def test_every_opened_branch_is_closed_exactly_once(nodes):
    rows = tree.tree_rows(nodes)
    opened = sum(row.has_children for row in rows)
    assert sum(len(row.closes) for row in rows) == opened
    for row in rows:
        direct = sum(1 for node in nodes if node.parent_id == row.element.pk)
        assert row.child_count == direct and row.has_children == (direct > 0)


@given(trees())
def test_points_count_each_branch_once_at_its_highest_scored_level(nodes):
    by_pk = {node.pk: node for node in nodes}

    def scored_ancestor(node):
        parent = by_pk.get(node.parent_id)
        while parent is not None:
            if parent.points is not None:
                return True
            parent = by_pk.get(parent.parent_id)
        return False

    expected = sum(
        (n.points for n in nodes if n.points is not None and not scored_ancestor(n)), Decimal(0)
    )
    assert tree.total_points(nodes) == expected


def test_search_matches_every_stem_of_the_query():
    @dataclass
    class Text:
        code: str
        label_fr: str
        label_en: str = ""
        description_fr: str = ""
        description_en: str = ""

    items = [Text("A", "La coopération entre communes"), Text("B", "Coopérer avec les habitants")]
    assert [t.code for t in tree.search(items, "coopérer")] == ["A", "B"]
    assert [t.code for t in tree.search(items, "coopératives habitantes")] == ["B"]
    assert tree.search(items, "les de") == []
