"""What the views of a trajectory (overview, timeline, graph, coverage) load and shape.

Every query of actions, links, events, phases and leaps goes through ``visible_to(user)``;
each loader runs a fixed number of queries whatever the size of the space.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db.models import Count, F, Q
from django.urls import NoReverseMatch, reverse

from balises.core.fields import has_code
from balises.espaces.models import Espace
from balises.trajectoires.models import (
    ActionElement,
    Evenement,
    Phase,
    SautSystemique,
    Status,
)
from balises.trajectoires.policies import ACTION, LIEN

# Past these sizes the drawings would be unreadable (and slow): they show the first ones and
# say so; the JSON twins hold everything.
MAX_BARS = 200
MAX_COMPACT_BARS = 60
MAX_NODES = 120

ACTION_FIELDS = (
    "id", "title", "status", "start", "start_precision", "end", "end_precision", "themes",
    "visibility", "scale",
)  # fmt: skip


@dataclass(frozen=True)
class Period:
    start_year: int | None = None
    end_year: int | None = None
    theme: str = ""
    status: str = ""

    def action_q(self) -> Q:
        q = Q()
        if self.start_year:
            first = date(self.start_year, 1, 1)
            q &= (
                Q(end__gte=first)
                | Q(end__isnull=True, start__gte=first)
                | Q(end__isnull=True, status=Status.EN_COURS)
            )
        if self.end_year:
            q &= Q(start__lte=date(self.end_year, 12, 31))
        if self.theme:
            q &= has_code("themes", self.theme)
        if self.status:
            q &= Q(status=self.status)
        return q

    def date_q(self, field: str) -> Q:
        q = Q()
        if self.start_year:
            q &= Q(**{f"{field}__gte": date(self.start_year, 1, 1)})
        if self.end_year:
            q &= Q(**{f"{field}__lte": date(self.end_year, 12, 31)})
        return q

    def phase_q(self) -> Q:
        q = Q()
        if self.start_year:
            q &= Q(end__isnull=True) | Q(end__gte=date(self.start_year, 1, 1))
        if self.end_year:
            q &= Q(start__lte=date(self.end_year, 12, 31))
        return q


class ActionRow(NamedTuple):
    """The fields of an action the views show; far lighter than model instances."""

    pk: int
    title: str
    status: str
    start: date | None
    start_precision: str
    end: date | None
    end_precision: str
    themes: list[str]
    visibility: str
    scale: str


def _actions(user, espace: Espace, period: Period | None):
    # Undated actions last on every database (SQLite and PostgreSQL differ by default).
    query = ACTION.visible(user, espace).order_by(F("start").asc(nulls_last=True), "title", "id")
    return query.filter(period.action_q()) if period is not None else query


def load_actions(
    user,
    espace: Espace,
    period: Period | None = None,
    *,
    limit: int | None = None,
    dated_only: bool = False,
    ids: set[int] | None = None,
) -> list[ActionRow]:
    query = _actions(user, espace, period)
    if ids is not None:
        query = query.filter(pk__in=sorted(ids))
    if dated_only:
        query = query.filter(start__isnull=False)
    if limit is not None:
        query = query[:limit]
    return list(map(ActionRow._make, query.values_list(*ACTION_FIELDS)))


def iter_actions(user, espace: Espace, period: Period | None = None) -> Iterator[ActionRow]:
    """Actions read in chunks: a JSON twin of 2,000 actions never holds them all at once."""
    rows = _actions(user, espace, period).values_list(*ACTION_FIELDS)
    return map(ActionRow._make, rows.iterator(chunk_size=200))


def visible_ids(user, espace: Espace) -> set[int]:
    return set(ACTION.visible(user, espace).values_list("id", flat=True))


def titles_of(user, espace: Espace, ids: list[int]) -> dict[int, str]:
    return dict(ACTION.visible(user, espace).filter(pk__in=ids).values_list("id", "title"))


def iter_links(user, espace: Espace) -> Iterator[tuple[int, int, str]]:
    return (
        LIEN.visible(user, espace)
        .order_by("source_id", "target_id", "kind")
        .values_list("source_id", "target_id", "kind")
        .iterator(chunk_size=500)
    )


def count_actions(user, espace: Espace, period: Period | None = None) -> int:
    return _actions(user, espace, period).count()


def load_links(user, espace: Espace) -> list[tuple[int, int, str]]:
    """(source id, target id, kind) of the links between actions the user may see."""
    return list(
        LIEN.visible(user, espace)
        .order_by("source_id", "target_id", "kind")
        .values_list("source_id", "target_id", "kind")
    )


def load_links_among(user, espace: Espace, ids: set[int]) -> list[tuple[int, int, str]]:
    """The visible links between the given actions (those a drawing shows)."""
    among = sorted(ids)
    return list(
        LIEN.visible(user, espace)
        .filter(source_id__in=among, target_id__in=among)
        .order_by("source_id", "target_id", "kind")
        .values_list("source_id", "target_id", "kind")
    )


class LinkRow(NamedTuple):
    """A link of the page's list, with the starts that tell whether it goes back in time."""

    source_title: str
    kind: str
    target_title: str
    source_start: date | None
    source_precision: str
    target_start: date | None
    target_precision: str


def link_table(user, espace: Espace, limit: int) -> list[LinkRow]:
    """The first visible links, for the page's list."""
    rows = (
        LIEN.visible(user, espace)
        .order_by("source__start", "source__title", "source_id", "target_id", "kind")
        .values_list(
            "source__title",
            "kind",
            "target__title",
            "source__start",
            "source__start_precision",
            "target__start",
            "target__start_precision",
        )[:limit]
    )
    return list(map(LinkRow._make, rows))


def count_links(user, espace: Espace) -> int:
    return LIEN.visible(user, espace).count()


def load_marks(user, espace: Espace, period: Period | None = None):
    period = period or Period()
    events = list(
        Evenement.objects.visible_to(user)
        .filter(espace=espace)
        .filter(period.date_q("date"))
        .only("id", "title", "kind", "date", "date_precision", "description")
    )
    leaps = list(
        SautSystemique.objects.visible_to(user)
        .filter(espace=espace)
        .filter(period.date_q("date"))
        .only("id", "title", "date", "date_precision", "widened", "description")
    )
    phases = list(
        Phase.objects.visible_to(user)
        .filter(espace=espace)
        .filter(period.phase_q())
        .only("id", "name", "start", "end", "description")
    )
    return events, leaps, phases


def status_counts(user, espace: Espace) -> dict[str, int]:
    rows = ACTION.visible(user, espace).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def action_url_pattern(slug: str) -> str:
    """The address of an action with « {pk} » in place of its id, or "" when the action pages
    are not installed. One reverse for a whole list instead of one per row."""
    try:
        return reverse("trajectoires:action_detail", args=[slug, 999999999]).replace(
            "999999999", "{pk}"
        )
    except NoReverseMatch:
        return ""


def coverage_links(user, espace: Espace, slug: str, keys: list[str]) -> list[dict]:
    """Links from the viewer's visible actions to elements of any version of a référentiel,
    matched by stable key so that links made on an older version still count."""
    rows = (
        ActionElement.objects.filter(
            action__in=ACTION.visible(user, espace).values("id"),
            element__referentiel__slug=slug,
            element__key__in=keys,
        )
        .order_by("element__key", "action__start", "action__title", "action_id")
        .values(
            "element__key",
            "action_id",
            "action__title",
            "action__start",
            "is_interpretation",
            "justification",
        )
    )
    return [dict(row) for row in rows]
