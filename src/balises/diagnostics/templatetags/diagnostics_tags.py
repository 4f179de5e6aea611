"""Small filters of the self-assessment pages: levels with at most one decimal, French style."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def level(value) -> str:
    """2.0 → « 2 », 2.5 → « 2,5 », None → « — »."""
    if value is None or value == "":
        return "—"
    value = round(float(value), 1)
    if value == int(value):
        return str(int(value))
    return number_format(value, 1)


@register.filter
def signed(value) -> str:
    """An evolution: « +1 », « −0,5 », « 0 », « — » when unknown."""
    if value is None:
        return "—"
    text = level(abs(value))
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return "0"
