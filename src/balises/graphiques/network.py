"""A network: nodes at given positions with given radii, directed edges with arrowheads.

Edge kinds become classes (``reseau-lien-<kind>``) with one arrowhead marker per kind, so the
stylesheet colours each kind. Nodes may carry a class (e.g. their cluster) and a link.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .svg import frame, ident, num, shorten, text, text_width

LABEL_CHARS = 26


def label_half_width(label: str) -> float:
    """Half the width of a node's label as drawn, for layouts that keep labels apart."""
    return text_width(shorten(label, LABEL_CHARS), 11) / 2


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    x: float
    y: float
    r: float = 8
    css: str = ""
    href: str = ""
    detail: str = ""
    show_label: bool = True


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str = ""
    label: str = ""


def _kind_class(kind: str) -> str:
    return ident(kind or "lien").lower().replace("_", "-")


def _edge_path(a: Node, b: Node, parallel: bool) -> str:
    """From the border of ``a`` to the border of ``b``; curved when the reverse edge exists,
    so that a two-way link shows two arrows."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    x0, y0 = a.x + ux * a.r, a.y + uy * a.r
    x1, y1 = b.x - ux * (b.r + 2), b.y - uy * (b.r + 2)
    if not parallel:
        return f"M{num(x0)} {num(y0)} L{num(x1)} {num(y1)}"
    bend = min(length * 0.15, 30)
    cx, cy = (x0 + x1) / 2 - uy * bend, (y0 + y1) / 2 + ux * bend
    return f"M{num(x0)} {num(y0)} Q{num(cx)} {num(cy)} {num(x1)} {num(y1)}"


def render_network(
    nodes: Sequence[Node],
    edges: Sequence[Edge],
    *,
    width: float,
    height: float,
    title: str,
    desc: str,
    svg_id: str = "reseau",
    empty_text: str = "Aucune action à afficher.",
) -> str:
    nodes = sorted(nodes, key=lambda n: n.id)
    by_id = {n.id: n for n in nodes}
    drawn = sorted(
        {
            (e.source, e.target, e.kind): e
            for e in edges
            if e.source in by_id and e.target in by_id and e.source != e.target
        }.values(),
        key=lambda e: (e.source, e.target, e.kind),
    )
    if not nodes:
        body = [f'<text class="graphique-vide" x="16" y="28">{text(empty_text)}</text>']
        return frame(svg_id, width, 48, title, desc, body, "reseau")

    sid = ident(svg_id)
    kinds = sorted({_kind_class(e.kind) for e in drawn})
    body = ["<defs>"]
    for kind in kinds:
        body.append(
            f'<marker id="{sid}-fleche-{kind}" class="reseau-fleche reseau-fleche-{kind}" '
            'viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 Z"/></marker>'
        )
    body.append("</defs>")

    pairs = {(e.source, e.target) for e in drawn}
    body.append('<g class="reseau-liens">')
    for edge in drawn:
        kind = _kind_class(edge.kind)
        a, b = by_id[edge.source], by_id[edge.target]
        path = _edge_path(a, b, (edge.target, edge.source) in pairs)
        tip = edge.label or f"{a.label} → {b.label}"
        body.append(
            f'<path class="reseau-lien reseau-lien-{kind}" d="{path}" '
            f'marker-end="url(#{sid}-fleche-{kind})"><title>{text(tip)}</title></path>'
        )
    body.append("</g>")

    body.append('<g class="reseau-noeuds">')
    for node in nodes:
        tip = f"{node.label} — {node.detail}" if node.detail else node.label
        parts = [
            f'<g class="reseau-noeud {text(node.css)}"><title>{text(tip)}</title>',
            f'<circle cx="{num(node.x)}" cy="{num(node.y)}" r="{num(node.r)}"/>',
        ]
        if node.show_label:
            # Under the node, centred, kept inside the drawing.
            label = shorten(node.label, LABEL_CHARS)
            half = text_width(label, 11) / 2
            x = min(max(node.x, half + 2), width - half - 2)
            parts.append(
                f'<text class="reseau-libelle" x="{num(x)}" y="{num(node.y + node.r + 13)}" '
                f'text-anchor="middle">{text(label)}</text>'
            )
        parts.append("</g>")
        element = "".join(parts)
        if node.href:
            element = f'<a href="{text(node.href)}">{element}</a>'
        body.append(element)
    body.append("</g>")
    return frame(svg_id, width, height, title, desc, body, "reseau")
