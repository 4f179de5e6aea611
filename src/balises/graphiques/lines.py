"""A line chart of levels over successive points in time (e.g. campaigns), one line per series.

Series get classes (``courbe <css>``) coloured by the stylesheet; unknown values (None) break
the line instead of being drawn at zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import frame, num, shorten, text


@dataclass(frozen=True)
class LineSeries:
    label: str
    values: Sequence[float | None]
    css: str = ""


def render_lines(
    steps: Sequence[str],
    series: Sequence[LineSeries],
    *,
    top: int = 4,
    title: str,
    desc: str,
    svg_id: str = "courbes",
    width: float = 720,
    height: float = 280,
    empty_text: str = "Pas encore de campagne avec des réponses.",
) -> str:
    left, right, upper, bottom = 40.0, 210.0, 16.0, 40.0
    inset = 60.0  # room for the campaigns' names under the first and last points
    plot_w, plot_h = width - left - right, height - upper - bottom
    body: list[str] = []
    if not steps or top <= 0:
        body.append(
            f'<text class="graphique-vide" x="{num(width / 2)}" y="{num(height / 2)}" '
            f'text-anchor="middle">{text(empty_text)}</text>'
        )
        return frame(svg_id, width, height, title, desc, body, "courbes")

    def x_of(index: int) -> float:
        inner = plot_w - 2 * inset
        return left + inset + (inner * index / (len(steps) - 1) if len(steps) > 1 else inner / 2)

    def y_of(value: float) -> float:
        return upper + plot_h * (1 - min(max(value, 0.0), float(top)) / top)

    for level in range(top + 1):
        y = y_of(level)
        body.append(
            f'<line class="courbes-grille" x1="{num(left)}" y1="{num(y)}" '
            f'x2="{num(left + plot_w)}" y2="{num(y)}"/>'
        )
        body.append(f'<text x="{num(left - 8)}" y="{num(y + 4)}" text-anchor="end">{level}</text>')
    for index, step in enumerate(steps):
        body.append(
            f'<text x="{num(x_of(index))}" y="{num(height - bottom + 18)}" '
            f'text-anchor="middle">{text(shorten(step, 26))}</text>'
        )
    for position, serie in enumerate(series):
        css = f"courbe {text(serie.css)}".strip()
        body.append(f'<g class="{css}"><title>{text(serie.label)}</title>')
        segment: list[str] = []
        last: tuple[float, float] | None = None
        values = list(serie.values)[: len(steps)]
        for index, value in enumerate([*values, None]):
            if value is None:
                if len(segment) > 1:
                    body.append(f'<polyline fill="none" points="{" ".join(segment)}"/>')
                segment = []
                continue
            point = (x_of(index), y_of(value))
            last = point
            segment.append(f"{num(point[0])},{num(point[1])}")
            body.append(
                f'<circle cx="{num(point[0])}" cy="{num(point[1])}" r="3.5"><title>'
                f"{text(serie.label)} · {text(steps[index])} : {num(value)}</title></circle>"
            )
        if last is not None:
            body.append(
                f'<text class="courbe-libelle" x="{num(left + plot_w + 8)}" '
                f'y="{num(upper + 14 + 16 * position)}">{text(shorten(serie.label, 30))}</text>'
            )
        body.append("</g>")
    return frame(svg_id, width, height, title, desc, body, "courbes")
