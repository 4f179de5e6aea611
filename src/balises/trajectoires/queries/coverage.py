"""Coverage of a référentiel by a space's actions: per balise, the actions that illustrate it."""

from __future__ import annotations

from django.http import HttpRequest

from balises.espaces.models import Espace
from balises.referentiels.models import Element, Referentiel
from balises.trajectoires.queries import trajectory as trajectory_queries

DEFAULT_REFERENTIEL = "villes-pairs"
BALISE_KIND = "balise"


def _choose(request: HttpRequest) -> tuple[list[Referentiel], Referentiel | None]:
    choices = list(Referentiel.objects.latest_versions().order_by("slug"))
    wanted = request.GET.get("referentiel") or DEFAULT_REFERENTIEL
    chosen = next((r for r in choices if r.slug == wanted), None)
    if chosen is None:
        chosen = next((r for r in choices if r.slug == DEFAULT_REFERENTIEL), None)
    return choices, chosen or (choices[0] if choices else None)


def _balises(referentiel: Referentiel) -> list[Element]:
    """Elements of kind « balise »; for a référentiel without that kind, its leaves."""
    elements = list(referentiel.elements.select_related("kind", "parent").order_by("position"))
    balises = [e for e in elements if e.kind.code == BALISE_KIND]
    if balises:
        return balises
    parents = {e.parent_id for e in elements}
    return [e for e in elements if e.pk not in parents]


def coverage(request: HttpRequest, espace: Espace) -> dict:
    choices, referentiel = _choose(request)
    rows: list[dict] = []
    if referentiel is not None:
        balises = _balises(referentiel)
        links = trajectory_queries.coverage_links(
            request.user, espace, referentiel.slug, [b.key for b in balises]
        )
        by_key: dict[str, list[dict]] = {}
        for link in links:
            by_key.setdefault(link["element__key"], []).append(
                {
                    "id": link["action_id"],
                    "title": link["action__title"],
                    "interpretation": link["is_interpretation"],
                    "justification": link["justification"],
                }
            )
        url_pattern = trajectory_queries.action_url_pattern(espace.slug)
        for balise in balises:
            actions = by_key.get(balise.key, [])
            for action in actions:
                action["url"] = url_pattern.format(pk=action["id"]) if url_pattern else ""
            rows.append(
                {
                    "code": balise.code,
                    "key": balise.key,
                    "label": balise.label_fr,
                    "parent": balise.parent.label_fr if balise.parent else "",
                    "actions": actions,
                }
            )
    covered = sum(1 for row in rows if row["actions"])
    return {
        "referentiels": choices,
        "referentiel": referentiel,
        "rows": rows,
        "covered": covered,
        "uncovered": [row for row in rows if not row["actions"]],
    }
