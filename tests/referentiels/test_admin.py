import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from balises.referentiels import services
from balises.referentiels.models import Element, Referentiel


def change_url(referentiel):
    return reverse("admin:referentiels_referentiel_change", args=[referentiel.pk])


def test_builtin_referentiel_is_read_only_in_the_admin(client, villes_pairs, make_user):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    page = client.get(change_url(villes_pairs))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = client.post(change_url(villes_pairs), {"title_fr": "Piraté"})
    assert response.status_code == 403
    villes_pairs.refresh_from_db()
    assert villes_pairs.title_fr != "Piraté"
    element = villes_pairs.elements.first()
    url = reverse("admin:referentiels_element_change", args=[element.pk])
    assert client.post(url, {"label_fr": "Piraté"}).status_code == 403


def test_derive_action_creates_an_editable_version_owned_by_the_user(
    client, villes_pairs, make_user
):
    staff = make_user(is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.post(
        reverse("admin:referentiels_referentiel_changelist"),
        {"action": "derive", "_selected_action": [villes_pairs.pk]},
    )
    new = Referentiel.objects.exclude(pk=villes_pairs.pk).get()
    assert new.owner == staff and new.derived_from == villes_pairs and not new.is_builtin
    assert 'name="_save"' in client.get(change_url(new)).content.decode()


def test_owner_edits_an_element_and_the_tree_is_renumbered(client, mini, make_user):
    owner = make_user(is_staff=True, is_superuser=True)
    mine = services.derive_version(mini, "2", owner=owner)
    client.force_login(owner)
    element = mine.elements.get(code="H2-M1")
    url = reverse("admin:referentiels_element_change", args=[element.pk])
    data = {
        "referentiel": mine.pk, "parent": mine.elements.get(code="H1").pk,
        "kind": element.kind_id, "code": "H2-M1", "key": element.key, "order": 5,
        "label_fr": "Mesurer autrement",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    order = list(mine.elements.order_by("position").values_list("code", "depth"))
    assert order == [("H1", 0), ("H1-B1", 1), ("H1-B2", 1), ("H2-M1", 1), ("H2", 0)]
    moved = services.diff_versions(mini, mine).moved
    assert [change.code for change in moved] == ["H2-M1"]
    assert Element.history.filter(code="H2-M1", history_user=owner).exists()


def test_an_element_cannot_take_a_parent_from_another_referentiel(mini, villes_pairs):
    element = mini.elements.get(code="H1-B1")
    element.parent = villes_pairs.elements.first()
    with pytest.raises(ValidationError, match="même référentiel"):
        element.full_clean()
