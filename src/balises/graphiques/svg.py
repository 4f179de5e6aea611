"""Small helpers shared by the drawings: text escaping, numbers, the accessible frame."""

from __future__ import annotations

import re
from html import escape

# Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def text(value: object) -> str:
    """Text for an SVG element or attribute: allowed characters only, escaped."""
    return escape(_NOT_XML.sub("", str(value)), quote=True)


def ident(value: str) -> str:
    """An id usable in ``id=`` and ``url(#…)``."""
    cleaned = _SAFE_ID.sub("-", value) or "graphique"
    return cleaned if cleaned[0].isalpha() else f"g-{cleaned}"


def num(value: float) -> str:
    """Numbers with at most one decimal, without a trailing « .0 »: stable, compact output."""
    rounded = round(float(value), 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}"


def shorten(value: str, limit: int) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: max(limit - 1, 1)].rstrip() + "…"


def text_width(value: str, size: float = 12) -> float:
    """A rough width of a text in pixels (average glyph of a sans-serif font)."""
    return len(value) * size * 0.55


def frame(
    svg_id: str, width: float, height: float, title: str, desc: str, body: list[str], css: str
) -> str:
    sid = ident(svg_id)
    # An image's content is presentational: with links inside, the drawing is a group.
    role = "group" if any("<a href=" in part for part in body) else "img"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{sid}" class="graphique {text(css)}" '
        f'viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}" '
        f'role="{role}" aria-labelledby="{sid}-title {sid}-desc" '
        f'preserveAspectRatio="xMinYMin meet">'
    )
    return "\n".join(
        [
            head,
            f'<title id="{sid}-title">{text(title)}</title>',
            f'<desc id="{sid}-desc">{text(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )
