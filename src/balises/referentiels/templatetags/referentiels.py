from django import template
from django.utils.safestring import SafeString, mark_safe

from ..markup import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown cleaned by nh3 (see markup.py), hence safe to mark as such."""
    return mark_safe(render_markdown(text))  # noqa: S308 - nh3 output
