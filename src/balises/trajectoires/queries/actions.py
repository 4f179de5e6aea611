"""Reading actions for lists and exports with a fixed number of queries."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from balises.core.fields import has_code
from balises.espaces.models import Espace
from balises.trajectoires.dates import format_partial_date
from balises.trajectoires.models import Action, Scale, Status, Theme
from balises.trajectoires.policies import ACTION

THEME_LABELS = dict(Theme.choices)
STATUS_LABELS = dict(Status.choices)
SCALE_LABELS = dict(Scale.choices)


def filter_actions(user, espace: Espace, filters: dict) -> QuerySet[Action]:
    """Actions of the space visible to the user, filtered by status, theme, period and text."""
    actions = ACTION.visible(user, espace)
    if filters.get("status"):
        actions = actions.filter(status=filters["status"])
    if filters.get("theme"):
        actions = actions.filter(has_code("themes", filters["theme"]))
    if filters.get("since"):
        # Still running, or ended after the first day of that year.
        actions = actions.filter(Q(end__isnull=True) | Q(end__gte=date(filters["since"], 1, 1)))
    if filters.get("until"):
        actions = actions.filter(
            Q(start__isnull=True) | Q(start__lte=date(filters["until"], 12, 31))
        )
    if filters.get("q"):
        text = filters["q"].strip()
        actions = actions.filter(Q(title__icontains=text) | Q(summary__icontains=text))
    return actions.order_by("start", "title", "pk")


def action_url_maker(request, espace: Espace):
    """A function pk -> absolute address of the action page; reverse() once, not per row."""
    from django.urls import reverse

    template = request.build_absolute_uri(
        reverse("trajectoires:action_detail", args=[espace.slug, 0])
    ).replace("/0/", "/{pk}/")
    return lambda pk: template.replace("{pk}", str(pk))


def action_row(action: Action, url: str) -> dict:
    """One action as the JSON and CSV twins give it."""
    return {
        "id": action.pk,
        "title": action.title,
        "summary": action.summary,
        "status": action.status,
        "status_label": str(STATUS_LABELS.get(action.status, action.status)),
        "start": action.start.isoformat() if action.start else None,
        "start_precision": action.start_precision,
        "start_label": format_partial_date(action.start, action.start_precision),
        "end": action.end.isoformat() if action.end else None,
        "end_precision": action.end_precision,
        "end_label": format_partial_date(action.end, action.end_precision),
        "themes": list(action.themes),
        "scale": action.scale,
        "visibility": action.visibility,
        "version": action.version,
        "url": url,
    }
