"""A radar (spider) chart: one axis per element, one closed line per series.

Series get classes (``radar-serie <css>``) so the stylesheet colours them; no style attributes
(the Content-Security-Policy forbids them). Unknown values (None) are left out of a series'
outline rather than drawn at zero, and each known point carries a ``<title>`` for a tooltip.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .svg import frame, num, shorten, text


@dataclass(frozen=True)
class RadarSeries:
    label: str
    values: Sequence[float | None]
    css: str = ""


def _point(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def render_radar(
    axes: Sequence[str],
    series: Sequence[RadarSeries],
    *,
    top: int = 4,
    title: str,
    desc: str,
    svg_id: str = "radar",
    size: float = 420,
    empty_text: str = "Aucune réponse soumise.",
) -> str:
    """SVG text of a radar with ``len(axes)`` axes and rings at each level 0..top."""
    cx = cy = size / 2
    outer = size / 2 - 48
    count = len(axes)
    body: list[str] = []
    if count < 3 or top <= 0:
        body.append(
            f'<text class="graphique-vide" x="{num(cx)}" y="{num(cy)}" text-anchor="middle">'
            f"{text(empty_text)}</text>"
        )
        return frame(svg_id, size, size, title, desc, body, "radar")
    for level in range(1, top + 1):
        ring = [_point(cx, cy, outer * level / top, i, count) for i in range(count)]
        points = " ".join(f"{num(x)},{num(y)}" for x, y in ring)
        body.append(f'<polygon class="radar-anneau" points="{points}" fill="none"/>')
        x, y = _point(cx, cy, outer * level / top, 0, count)
        body.append(
            f'<text class="radar-graduation" x="{num(x + 3)}" y="{num(y - 2)}">{level}</text>'
        )
    for index, axis in enumerate(axes):
        x, y = _point(cx, cy, outer, index, count)
        body.append(
            f'<line class="radar-axe" x1="{num(cx)}" y1="{num(cy)}" x2="{num(x)}" y2="{num(y)}"/>'
        )
        lx, ly = _point(cx, cy, outer + 16, index, count)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        body.append(
            f'<text class="radar-libelle" x="{num(lx)}" y="{num(ly + 4)}" '
            f'text-anchor="{anchor}">{text(shorten(axis, 14))}</text>'
        )
    drawn = 0
    for serie in series:
        known = [
            (index, min(max(float(value), 0.0), float(top)))
            for index, value in enumerate(list(serie.values)[:count])
            if value is not None
        ]
        if not known:
            continue
        drawn += 1
        placed = [_point(cx, cy, outer * value / top, index, count) for index, value in known]
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in placed)
        css = f"radar-serie {text(serie.css)}".strip()
        body.append(f'<g class="{css}"><title>{text(serie.label)}</title>')
        body.append(f'<polygon points="{coords}"/>')
        for (index, value), (x, y) in zip(known, placed, strict=True):
            body.append(
                f'<circle cx="{num(x)}" cy="{num(y)}" r="3"><title>'
                f"{text(serie.label)} · {text(axes[index])} : {num(value)}</title></circle>"
            )
        body.append("</g>")
    if not drawn:
        body.append(
            f'<text class="graphique-vide" x="{num(cx)}" y="{num(size - 12)}" '
            f'text-anchor="middle">{text(empty_text)}</text>'
        )
    return frame(svg_id, size, size, title, desc, body, "radar")
