"""The network drawing: valid, accessible, escaped, deterministic SVG with arrowheads."""

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from balises.graphiques.network import Edge, Node, render_network

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own drawing, parsed to prove it well formed


def draw(nodes, edges=(), **extra) -> str:
    return render_network(nodes, edges, width=400, height=300, title="Graphe", desc="Desc", **extra)


def test_an_empty_network_is_a_valid_svg_that_says_so():
    root = parse(draw([]))
    assert "Aucune action" in "".join(root.itertext())
    assert root.get("role") == "img"


def test_edges_get_one_arrowhead_marker_per_kind_and_their_kind_as_class():
    nodes = [Node("1", "A", 50, 50), Node("2", "B", 200, 50), Node("3", "C", 200, 200)]
    edges = [Edge("1", "2", "entraine"), Edge("2", "3", "s_appuie_sur"), Edge("1", "3", "entraine")]
    svg = draw(nodes, edges)
    root = parse(svg)
    markers = root.findall(f".//{SVG}marker")
    assert sorted(m.get("id") for m in markers) == [
        "reseau-fleche-entraine",
        "reseau-fleche-s-appuie-sur",
    ]
    paths = [p for p in root.iter(f"{SVG}path") if "reseau-lien" in (p.get("class") or "")]
    assert len(paths) == 3
    assert all(p.get("marker-end", "").startswith("url(#reseau-fleche-") for p in paths)
    assert "reseau-lien-s-appuie-sur" in svg


def test_a_two_way_link_is_drawn_as_two_curves():
    nodes = [Node("1", "A", 50, 50), Node("2", "B", 200, 50)]
    svg = draw(nodes, [Edge("1", "2", "entraine"), Edge("2", "1", "entraine")])
    assert svg.count(" Q") == 2


def test_edges_to_unknown_nodes_and_self_links_are_left_out():
    svg = draw([Node("1", "A", 50, 50)], [Edge("1", "9"), Edge("1", "1")])
    assert "reseau-lien " not in svg


def test_texts_are_escaped_and_no_style_attribute_is_written():
    svg = draw([Node("1", '<b>"A" & B</b>', 50, 50, href="/x?a=1&b=2")])
    root = parse(svg)
    assert '<b>"A" & B</b>' in "".join(root.itertext())
    assert "style=" not in svg


ids = st.text(alphabet="abcdef0123456789", min_size=1, max_size=3)


@given(
    st.dictionaries(
        ids,
        st.tuples(st.text(max_size=40), st.floats(0, 400), st.floats(0, 300), st.floats(1, 20)),
        max_size=10,
    ),
    st.lists(st.tuples(ids, ids, st.sampled_from(["entraine", "elargit", "<x>", ""])), max_size=20),
    st.randoms(),
)
def test_any_network_is_well_formed_and_independent_of_input_order(nodes_data, edges_data, rnd):
    nodes = [Node(k, label, x, y, r) for k, (label, x, y, r) in nodes_data.items()]
    edges = [Edge(s, t, kind) for s, t, kind in edges_data]
    svg = draw(nodes, edges)
    parse(svg)
    assert "style=" not in svg
    rnd.shuffle(nodes)
    rnd.shuffle(edges)
    assert draw(nodes, edges) == svg
