"""Linking an action to référentiel elements, with a justification and « notre lecture »."""

from pathlib import Path

import pytest
from django.urls import reverse

from balises.referentiels import services as referentiels
from balises.trajectoires.models import ActionElement

from .actions_samples import make_actions

pytestmark = pytest.mark.django_db
MINI = Path(__file__).parent.parent / "referentiels" / "data" / "mini.yaml"


def test_an_element_is_linked_once_with_its_justification(as_user, espace_a, alice, dana):
    mini = referentiels.import_referentiel(MINI).referentiel
    element = mini.elements.first()
    action = make_actions(espace_a, alice)["public"]
    client = as_user(alice)
    url = reverse("trajectoires:element_add", args=[espace_a.slug, action.pk])
    data = {"element": element.pk, "justification": "Parce que.", "is_interpretation": "on"}
    client.post(url, data)
    page = client.post(url, data, follow=True).content.decode()
    assert "illustre déjà cet élément" in page
    link = ActionElement.objects.get()
    assert link.is_interpretation and link.justification == "Parce que."
    detail = reverse("trajectoires:action_detail", args=[espace_a.slug, action.pk])
    assert "notre lecture" in as_user(dana).get(detail).content.decode()
    picker = client.get(detail, {"referentiel": mini.slug}).content.decode()
    assert element.label_fr in picker
