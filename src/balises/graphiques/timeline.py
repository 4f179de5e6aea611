"""A timeline: phases as bands, actions as bars, events and systemic leaps as marks.

Sizes are computed from the data: one row per action, one lane per overlapping mark label,
year ticks spaced so that there are a dozen at most. Readable without JavaScript; every
element carries a ``<title>`` (shown on hover by browsers, read by screen readers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .svg import frame, num, shorten, text, text_width

ROW = 22
COMPACT_ROW = 9
LABEL_WIDTH = 240
MARK_LANE = 17
MAX_MARK_LANES = 4
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


@dataclass(frozen=True)
class Bar:
    """An action: from ``start`` to ``end``; without end, a dot, or up to today if ``ongoing``."""

    label: str
    start: date
    end: date | None = None
    ongoing: bool = False
    css: str = ""
    href: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Band:
    """A phase; without end it lasts until today."""

    label: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class Mark:
    """An event (kind "evenement") or a systemic leap (kind "saut") at a date."""

    label: str
    day: date
    kind: str = "evenement"
    detail: str = ""


def year_fraction(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def _domain(bars, bands, marks, today: date) -> tuple[int, int]:
    days: list[date] = []
    for bar in bars:
        days.append(bar.start)
        days.append(bar.end or (today if bar.ongoing else bar.start))
    for band in bands:
        days += [band.start, band.end or today]
    days += [mark.day for mark in marks]
    low = min(days).year
    high = max(days).year + 1
    return low, max(high, low + 1)


def _tick_step(span: int) -> int:
    return next((step for step in TICK_STEPS if span / step <= 12), TICK_STEPS[-1])


def _lanes(marks: Sequence[Mark], x_of, limit: int) -> list[int | None]:
    """Lane of each mark's label (None: no room, the mark keeps its <title>)."""
    ends: list[float] = []
    lanes: list[int | None] = []
    for mark in marks:
        x = x_of(mark.day)
        width = text_width(shorten(mark.label, 40), 11) + 14
        lane = next((i for i, end in enumerate(ends) if x > end + 6), None)
        if lane is None and len(ends) < limit:
            lane = len(ends)
            ends.append(0.0)
        if lane is not None:
            ends[lane] = x + width
        lanes.append(lane)
    return lanes


def render_timeline(
    bars: Sequence[Bar],
    bands: Sequence[Band] = (),
    marks: Sequence[Mark] = (),
    *,
    today: date,
    title: str,
    desc: str,
    svg_id: str = "frise",
    width: float = 960,
    compact: bool = False,
    empty_text: str = "Aucune action datée à afficher.",
) -> str:
    bars = sorted(bars, key=lambda b: (b.start, b.end or date.max, b.label))
    bands = sorted(bands, key=lambda b: (b.start, b.label))
    marks = sorted(marks, key=lambda m: (m.day, m.kind, m.label))
    css = "frise frise-compacte" if compact else "frise"
    if not (bars or bands or marks):
        empty = [f'<text class="graphique-vide" x="16" y="28">{text(empty_text)}</text>']
        return frame(svg_id, width, 48, title, desc, empty, css)

    low, high = _domain(bars, bands, marks, today)
    left = 12 if compact else LABEL_WIDTH + 12
    right = width - 24

    def x_of(day: date) -> float:
        return left + (right - left) * (year_fraction(day) - low) / (high - low)

    lanes = _lanes(marks, x_of, 0 if compact else MAX_MARK_LANES)
    lane_count = max((lane + 1 for lane in lanes if lane is not None), default=0)
    y = 8.0
    phase_top = y
    if bands:
        y += 24
    marks_top = y
    y += lane_count * MARK_LANE + (6 if marks else 0)
    rows_top = y
    row = COMPACT_ROW if compact else ROW
    rows_bottom = rows_top + max(len(bars), 1) * row
    height = rows_bottom + 30
    body: list[str] = []

    body.append('<g class="frise-phases">')
    for i, band in enumerate(bands):
        x0, x1 = x_of(band.start), x_of(band.end or today)
        label = f"{band.label} ({band.start.year}–{band.end.year if band.end else ''})"
        body.append(
            f'<g class="frise-phase frise-phase-{i % 2}"><title>{text(label)}</title>'
            f'<rect x="{num(x0)}" y="{num(phase_top)}" width="{num(max(x1 - x0, 2))}" '
            f'height="{num(rows_bottom - phase_top)}"/>'
            f'<text class="frise-phase-label" x="{num(x0 + 6)}" y="{num(phase_top + 16)}">'
            f"{text(shorten(band.label, max(int((x1 - x0) / 6.6), 2)))}</text></g>"
        )
    body.append("</g>")

    span = high - low
    step = _tick_step(span)
    body.append('<g class="frise-axe">')
    first_tick = low + (-low % step)
    for year in range(first_tick, high + 1, step):
        x = x_of(date(year, 1, 1))
        body.append(
            f'<line class="frise-grille" x1="{num(x)}" y1="{num(rows_top)}" x2="{num(x)}" '
            f'y2="{num(rows_bottom + 4)}"/>'
            f'<text class="frise-annee" x="{num(x)}" y="{num(rows_bottom + 20)}" '
            f'text-anchor="middle">{year}</text>'
        )
    body.append(
        f'<line class="frise-axe-ligne" x1="{num(left)}" y1="{num(rows_bottom + 4)}" '
        f'x2="{num(right)}" y2="{num(rows_bottom + 4)}"/></g>'
    )

    body.append('<g class="frise-actions">')
    for i, bar in enumerate(bars):
        top = rows_top + i * row
        mid = top + row / 2
        x0 = x_of(bar.start)
        end = bar.end or (today if bar.ongoing else None)
        tip = f"{bar.label} — {bar.detail}" if bar.detail else bar.label
        parts = [f'<g class="frise-action {text(bar.css)}"><title>{text(tip)}</title>']
        if i % 2 == 0 and not compact:
            parts.append(
                f'<rect class="frise-rang" x="0" y="{num(top)}" width="{num(right + 8)}" '
                f'height="{num(row)}"/>'
            )
        if not compact:
            parts.append(
                f'<text class="frise-libelle" x="{num(LABEL_WIDTH)}" y="{num(mid + 4)}" '
                f'text-anchor="end">{text(shorten(bar.label, 34))}</text>'
            )
        if end is None:
            parts.append(
                f'<circle class="frise-point" cx="{num(x0)}" cy="{num(mid)}" '
                f'r="{num(row * 0.28)}"/>'
            )
        else:
            cls = "frise-barre frise-barre-en-cours" if bar.end is None else "frise-barre"
            parts.append(
                f'<rect class="{cls}" x="{num(x0)}" y="{num(top + row * 0.22)}" '
                f'width="{num(max(x_of(end) - x0, 3))}" height="{num(row * 0.56)}" rx="2"/>'
            )
        parts.append("</g>")
        element = "".join(parts)
        if bar.href:
            element = f'<a href="{text(bar.href)}">{element}</a>'
        body.append(element)
    body.append("</g>")

    body.append('<g class="frise-reperes">')
    for mark, lane in zip(marks, lanes, strict=True):
        x = x_of(mark.day)
        tip = f"{mark.label} — {mark.detail}" if mark.detail else mark.label
        kind = "saut" if mark.kind == "saut" else "evenement"
        symbol_y = marks_top + (lane if lane is not None else 0) * MARK_LANE + MARK_LANE / 2
        top = symbol_y if lane is not None else rows_top
        parts = [
            f'<g class="frise-repere frise-repere-{kind}"><title>{text(tip)}</title>',
            f'<line x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(rows_bottom)}"/>',
        ]
        if lane is not None:
            if kind == "saut":
                d = (
                    f"M{num(x)} {num(symbol_y - 6)} L{num(x + 6)} {num(symbol_y)} "
                    f"L{num(x)} {num(symbol_y + 6)} L{num(x - 6)} {num(symbol_y)} Z"
                )
                parts.append(f'<path d="{d}"/>')
            else:
                parts.append(f'<circle cx="{num(x)}" cy="{num(symbol_y)}" r="4.5"/>')
            parts.append(
                f'<text class="frise-repere-libelle" x="{num(x + 9)}" y="{num(symbol_y + 4)}">'
                f"{text(shorten(mark.label, 40))}</text>"
            )
        parts.append("</g>")
        body.append("".join(parts))
    body.append("</g>")
    return frame(svg_id, width, height, title, desc, body, css)
