"""One action with everything around it, as the JSON twin of its page and the API give it."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from balises.trajectoires.models import RECIT_SECTIONS, Action
from balises.trajectoires.policies import ACTION_ELEMENT, LIEN
from balises.trajectoires.queries.actions import action_row


def action_data(request: HttpRequest, action: Action) -> dict:
    espace = action.espace
    url = request.build_absolute_uri(
        reverse("trajectoires:action_detail", args=[espace.slug, action.pk])
    )
    liens = LIEN.visible(request.user, espace).select_related("source", "target")
    elements = (
        ACTION_ELEMENT.visible(request.user, espace)
        .filter(action=action)
        .select_related("element__referentiel")
    )
    return {
        **action_row(action, url),
        "espace": espace.slug,
        "recit": {
            name.removeprefix("recit_"): getattr(action, name) for name, _l in RECIT_SECTIONS
        },
        "sources": [
            {
                "id": s.pk,
                "url": s.url,
                "title": s.title,
                "published": s.published.isoformat() if s.published else None,
            }
            for s in action.sources.all()
        ],
        "links_out": [
            {"id": link.pk, "kind": link.kind, "target": link.target_id, "note": link.note}
            for link in liens.filter(source=action)
        ],
        "links_in": [
            {"id": link.pk, "kind": link.kind, "source": link.source_id, "note": link.note}
            for link in liens.filter(target=action)
        ],
        "elements": [
            {
                "id": link.pk,
                "element": link.element_id,
                "referentiel": link.element.referentiel.slug,
                "code": link.element.code,
                "label": link.element.label_fr,
                "justification": link.justification,
                "is_interpretation": link.is_interpretation,
            }
            for link in elements
        ],
    }
