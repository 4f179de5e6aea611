"""Highlighted snippets, computed from the original text so both backends render the same way.

A word of the text is a match when its stem is one of the query's stems (or, for a prefix
query, starts with the last one). Everything is HTML-escaped; only `<mark>` is added.
"""

import re
from html import escape

from balises.core.text import token_stems

_WORD = re.compile(r"[^\W_]+")
# Snippets look for the first match in this many characters only, so that a very long text
# costs no more than a short one; beyond it the snippet shows the beginning.
SCAN_LIMIT = 10_000


def _is_match(token: str, stems: frozenset[str], prefix: str | None) -> bool:
    return any(
        stem in stems or (prefix is not None and stem.startswith(prefix))
        for stem in token_stems(token)
    )


def _matches(
    text: str, stems: frozenset[str], prefix: str | None, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    return [
        match.span()
        for match in _WORD.finditer(text, start, end)
        if _is_match(match.group(), stems, prefix)
    ]


def _first_match(text: str, stems: frozenset[str], prefix: str | None) -> int | None:
    for match in _WORD.finditer(text, 0, SCAN_LIMIT):
        if _is_match(match.group(), stems, prefix):
            return match.start()
    return None


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def highlight_html(text: str, stems: tuple[str, ...] | list[str], prefix: str | None = None) -> str:
    """The whole text, escaped, with every matching word wrapped in <mark>."""
    return _render(text, _matches(text, frozenset(stems), prefix), 0, len(text))


def snippet_html(
    text: str,
    stems: tuple[str, ...] | list[str],
    prefix: str | None = None,
    *,
    size: int = 220,
) -> str:
    """About `size` characters of `text` around its first match, escaped and highlighted.

    Without any match, the beginning of the text. Cuts fall on word boundaries and are shown
    with an ellipsis.
    """
    text = " ".join(text[: SCAN_LIMIT + 2 * size].split())
    wanted = frozenset(stems)
    first = _first_match(text, wanted, prefix) or 0
    start = max(0, first - size // 3)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else 0
    end = min(len(text), start + size)
    if end < len(text) and text[end] != " ":
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    html = _render(text, _matches(text, wanted, prefix, start, end), start, end)
    return ("… " if start else "") + html + (" …" if end < len(text) else "")
