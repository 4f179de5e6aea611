from decimal import Decimal

from django import template
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from ..markup import render_markdown
from ..tree import TreeRow

register = template.Library()

# Labels that are not the source's words as written are marked in the tree.
ORIGIN_MARKS = {
    "corrected": lambda: gettext("intitulé corrigé"),
    "reported": lambda: gettext("intitulé à vérifier"),
    "ours": lambda: gettext("intitulé reformulé"),
}


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown cleaned by nh3 (see markup.py), hence safe to mark as such."""
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 output


@register.filter
def normalize(value: Decimal | None) -> str:
    """12.500 → 12.5, 6.000 → 6: points as people write them."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if translation.get_language() == "fr" else text


@register.simple_tag
def tree_html(rows: list[TreeRow]) -> SafeString:
    """The nested lists of a tree, built in Python: the template engine takes ten times as
    long for the 1,470 rows of the largest référentiels. Every text goes through escape()."""
    kind_labels: dict[int, str] = {}
    marks = {origin: escape(mark()) for origin, mark in ORIGIN_MARKS.items()}
    parts = []
    for row in rows:
        element = row.element
        if element.kind_id not in kind_labels:
            kind_labels[element.kind_id] = escape(element.kind.label)
        points = (
            f' <span class="points">{normalize(element.points)} pts</span>'
            if element.points is not None
            else ""
        )
        origin = (
            f' <span class="origin">({marks[element.label_origin]})</span>'
            if element.label_origin in marks
            else ""
        )
        item = (
            f'<a href="{escape(element.url)}"><span class="code">{escape(element.code)}</span> '
            f'{escape(element.label)}</a> <span class="kind">{kind_labels[element.kind_id]}</span>'
            f"{origin}{points}"
        )
        if row.has_children:
            # The link stays outside <summary>: a link inside a toggle is a nested control.
            opened = " open" if element.depth == 0 else ""
            toggle = escape(
                ngettext("%(count)s élément", "%(count)s éléments", row.child_count)
                % {"count": row.child_count}
            )
            parts.append(f"<li>{item}<details{opened}><summary>{toggle}</summary><ul>")
        else:
            parts.append(f"<li>{item}</li>" + "</ul></details></li>" * len(row.closes))
    return mark_safe("\n".join(parts))  # noqa: S308 - every value above is escaped
