"""Template filters of trajectories.

{% load trajectoires_tags %}
{{ action.start|partial_date:action.start_precision }}   → « 2014 », « mars 2014 », « 12 mars 2014 »
{{ action.recit_contexte|recit }}                        → Markdown rendered safely
"""

from datetime import date

from django import template
from django.utils.safestring import SafeString, mark_safe

from balises.referentiels.markup import render_markdown
from balises.trajectoires.dates import format_partial_date
from balises.trajectoires.models import Theme, Widening

register = template.Library()


@register.filter
def partial_date(value: date | None, precision: str | None = "day") -> str:
    """A date with its precision, in French (precision: "year", "month" or "day")."""
    return format_partial_date(value, precision or "day")


@register.filter
def recit(text: str) -> SafeString:
    """Markdown cleaned by nh3 (see referentiels/markup.py), hence safe to mark as such."""
    return mark_safe(render_markdown(text or ""))  # noqa: S308 - nh3 output


@register.filter
def theme_labels(codes: list[str]) -> str:
    """« energie mobilite » → « énergie, mobilité »."""
    labels = dict(Theme.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes or [])


@register.filter
def widening_labels(codes: list[str]) -> str:
    labels = dict(Widening.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes or [])


@register.filter
def get_cell(cells: dict, key: str) -> str:
    return cells.get(key, "")
