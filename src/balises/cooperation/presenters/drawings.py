"""SVG drawings of cooperation: yearly bars and the undirected network of actors.

Pure functions over plain data, built on the shared helpers of balises.graphiques.svg
(escaping, accessible frame): classes only, no style attributes (the CSP forbids them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from balises.graphiques.svg import frame, num, shorten, text

WEIGHT_CLASSES = 4  # edge thickness buckets: coop-lien-1 … coop-lien-4


def render_bars(
    series: Sequence[tuple[str, float]],
    *,
    title: str,
    desc: str,
    unit: str,
    svg_id: str = "evolution",
    width: float = 640,
    height: float = 220,
    empty_text: str = "Aucune donnée pour cette période.",
) -> str:
    """Vertical bars, one per label (e.g. a year), with its value written above it."""
    if not series:
        body = [f'<text class="graphique-vide" x="16" y="28">{text(empty_text)}</text>']
        return frame(svg_id, width, 48, title, desc, body, "barres")
    top, bottom, left, right = 24.0, 28.0, 12.0, 12.0
    biggest = max(value for _label, value in series) or 1.0
    slot = (width - left - right) / len(series)
    bar = max(min(slot * 0.7, 48), 2)
    usable = height - top - bottom
    body = [
        f'<line class="barres-axe" x1="{num(left)}" y1="{num(height - bottom)}" '
        f'x2="{num(width - right)}" y2="{num(height - bottom)}"/>'
    ]
    for index, (label, value) in enumerate(series):
        h = usable * value / biggest
        x = left + slot * index + (slot - bar) / 2
        y = height - bottom - h
        centre = x + bar / 2
        body.append(
            f'<g class="barres-barre"><title>{text(label)} : {text(_amount(value))} '
            f"{text(unit)}</title>"
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(bar)}" height="{num(max(h, 0))}"/>'
            f'<text class="barres-valeur" x="{num(centre)}" y="{num(y - 4)}" '
            f'text-anchor="middle">{text(_amount(value))}</text>'
            f'<text class="barres-libelle" x="{num(centre)}" y="{num(height - bottom + 16)}" '
            f'text-anchor="middle">{text(label)}</text></g>'
        )
    return frame(svg_id, width, height, title, desc, body, "barres")


def _amount(value: float) -> str:
    """« 1 234 » or « 12,5 »: French digits, compact."""
    rounded = round(value, 1)
    if rounded == int(rounded):
        return f"{int(rounded):,}".replace(",", "\u202f")
    return f"{rounded:,.1f}".replace(",", "\u202f").replace(".", ",")


@dataclass(frozen=True)
class Point:
    id: int
    label: str
    x: float
    y: float
    r: float
    css: str = ""
    href: str = ""
    detail: str = ""


def render_cooperation(
    points: Sequence[Point],
    edges: dict[tuple[int, int], int],
    *,
    width: float,
    height: float,
    title: str,
    desc: str,
    svg_id: str = "cooperation",
    empty_text: str = "Aucun acteur ne partage d'action pour le moment.",
) -> str:
    """Actors as circles, shared actions as lines whose thickness class grows with weight."""
    by_id = {p.id: p for p in points}
    drawn = sorted((pair, w) for pair, w in edges.items() if pair[0] in by_id and pair[1] in by_id)
    if not points:
        body = [f'<text class="graphique-vide" x="16" y="28">{text(empty_text)}</text>']
        return frame(svg_id, width, 48, title, desc, body, "reseau cooperation")
    heaviest = max((w for _pair, w in drawn), default=1)
    body = ['<g class="reseau-liens">']
    for (a, b), weight in drawn:
        bucket = 1 + (WEIGHT_CLASSES - 1) * (weight - 1) // max(heaviest - 1, 1)
        pa, pb = by_id[a], by_id[b]
        body.append(
            f'<line class="coop-lien coop-lien-{bucket}" x1="{num(pa.x)}" y1="{num(pa.y)}" '
            f'x2="{num(pb.x)}" y2="{num(pb.y)}"><title>{text(pa.label)} — {text(pb.label)} : '
            f"{weight}</title></line>"
        )
    body.append("</g>")
    body.append('<g class="reseau-noeuds">')
    for point in sorted(points, key=lambda p: p.id):
        tip = f"{point.label} — {point.detail}" if point.detail else point.label
        label = shorten(point.label, 24)
        element = (
            f'<g class="reseau-noeud {text(point.css)}"><title>{text(tip)}</title>'
            f'<circle cx="{num(point.x)}" cy="{num(point.y)}" r="{num(point.r)}"/>'
            f'<text class="reseau-libelle" x="{num(point.x)}" y="{num(point.y + point.r + 12)}" '
            f'text-anchor="middle">{text(label)}</text></g>'
        )
        if point.href:
            element = f'<a href="{text(point.href)}">{element}</a>'
        body.append(element)
    body.append("</g>")
    return frame(svg_id, width, height, title, desc, body, "reseau cooperation")
