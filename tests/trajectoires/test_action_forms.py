"""Creating, editing (with the version check), deleting and restoring actions from the pages."""

import pytest
from django.urls import reverse

from balises.trajectoires.models import Action, LienAction

from .actions_samples import make_actions

pytestmark = pytest.mark.django_db

FORM = {"title": "Maison du vélo", "status": "en_cours", "scale": "commune", "visibility": "prive"}


def test_contributor_creates_an_action_with_month_precision(as_user, espace_a, charlie):
    url = reverse("trajectoires:action_create", args=[espace_a.slug])
    response = as_user(charlie).post(url, {**FORM, "start": "03/2014", "themes": ["mobilite"]})
    action = Action.objects.get(title="Maison du vélo")
    assert response.status_code == 302
    assert action.start_precision == "month" and action.themes == ["mobilite"]
    assert action.history.first().history_user == charlie
    page = as_user(charlie).get(response.url).content.decode()
    assert "mars 2014" in page


def test_end_before_start_is_refused_with_a_clear_message(as_user, espace_a, charlie):
    url = reverse("trajectoires:action_create", args=[espace_a.slug])
    response = as_user(charlie).post(url, {**FORM, "start": "2015", "end": "12/03/2012"})
    assert response.status_code == 400
    assert "ne peut pas précéder le début" in response.content.decode()
    assert not Action.objects.exists()


def test_unreadable_date_is_refused_with_what_is_expected(as_user, espace_a, charlie):
    url = reverse("trajectoires:action_create", args=[espace_a.slug])
    response = as_user(charlie).post(url, {**FORM, "start": "printemps"})
    assert response.status_code == 400
    assert "écrivez une année (2014)" in response.content.decode()


def test_reader_gets_403_and_outsider_404_on_the_forms(as_user, espace_a, alice, bob, dana):
    action = make_actions(espace_a, alice)["public"]
    create = reverse("trajectoires:action_create", args=[espace_a.slug])
    edit = reverse("trajectoires:action_edit", args=[espace_a.slug, action.pk])
    assert as_user(bob).get(create).status_code == 403
    assert as_user(bob).post(edit, FORM).status_code == 403
    assert as_user(dana).get(edit).status_code == 404
    assert as_user(None).get(edit).status_code == 302  # to the sign-in page


def test_a_save_based_on_an_old_version_is_refused_and_nothing_is_lost(
    as_user, espace_a, alice, charlie
):
    action = make_actions(espace_a, alice)["prive"]
    url = reverse("trajectoires:action_edit", args=[espace_a.slug, action.pk])
    old_version = action.version
    as_user(alice).post(url, {**FORM, "title": "Titre d'Alice", "version": old_version})
    response = as_user(charlie).post(
        url, {**FORM, "title": "Titre de Charlie", "version": old_version}
    )
    content = response.content.decode()
    assert response.status_code == 409
    assert "Quelqu&#x27;un d&#x27;autre a modifié cette action" in content
    assert 'value="Titre d&#x27;Alice"' in content  # the form shows the saved values
    assert "Titre de Charlie" in content  # and what Charlie typed
    assert Action.objects.get(pk=action.pk).title == "Titre d'Alice"


def test_deleted_action_goes_to_the_corbeille_and_comes_back_with_its_links(
    as_user, espace_a, alice, bob
):
    actions = make_actions(espace_a, alice)
    from balises.trajectoires import services

    services.link_actions(alice, actions["prive"], actions["public"], "entraine")
    client = as_user(alice)
    pk = actions["prive"].pk
    client.post(reverse("trajectoires:action_delete", args=[espace_a.slug, pk]))
    assert not Action.objects.filter(pk=pk).exists() and not LienAction.objects.exists()
    corbeille = reverse("trajectoires:corbeille", args=[espace_a.slug])
    assert actions["prive"].title in as_user(bob).get(corbeille).content.decode()
    assert "Rétablir" not in as_user(bob).get(corbeille).content.decode()
    restore = reverse("trajectoires:action_restore", args=[espace_a.slug, pk])
    assert as_user(bob).post(restore).status_code == 403
    as_user(alice).post(restore)
    assert Action.objects.filter(pk=pk).exists() and LienAction.objects.count() == 1


def test_history_shows_authors_and_restores_a_version(as_user, espace_a, alice):
    action = make_actions(espace_a, alice)["public"]
    client = as_user(alice)
    edit = reverse("trajectoires:action_edit", args=[espace_a.slug, action.pk])
    client.post(edit, {**FORM, "title": "Nouveau titre", "version": action.version})
    first = action.history.order_by("history_date").first()
    client.post(
        reverse(
            "trajectoires:action_restore_version",
            args=[espace_a.slug, action.pk, first.history_id],
        )
    )
    action.refresh_from_db()
    assert action.title != "Nouveau titre" and action.version > 2
    page = client.get(reverse("trajectoires:action_detail", args=[espace_a.slug, action.pk]))
    assert "Alice" in page.content.decode() and "Revenir à cette version" in page.content.decode()


def test_links_refused_for_self_and_unseen_actions_with_a_message(
    as_user, espace_a, espace_b, alice, dana
):
    actions = make_actions(espace_a, alice)
    from balises.trajectoires import services

    other = services.create_action(espace_b, dana, {"title": "Secret de B"})
    client = as_user(alice)
    url = reverse("trajectoires:lien_add", args=[espace_a.slug, actions["public"].pk])
    page = client.post(url, {"kind": "entraine", "target": actions["public"].pk}, follow=True)
    assert "ne peut pas être liée à elle-même" in page.content.decode()
    page = client.post(url, {"kind": "entraine", "target": other.pk}, follow=True)
    assert "vous ne pouvez pas la voir" in page.content.decode()
    assert not LienAction.objects.exists()
    client.post(url, {"kind": "elargit", "target": actions["reseau"].pk, "note": "pourquoi"})
    assert LienAction.objects.get().note == "pourquoi"


def test_sources_are_attached_and_detached(as_user, espace_a, alice):
    action = make_actions(espace_a, alice)["public"]
    client = as_user(alice)
    client.post(
        reverse("trajectoires:source_add", args=[espace_a.slug, action.pk]),
        {"url": "https://example.org/article", "title": "Article", "published": "2016"},
    )
    source = action.sources.get()
    assert source.published.year == 2016
    client.post(reverse("trajectoires:source_remove", args=[espace_a.slug, action.pk, source.pk]))
    assert not action.sources.exists()
