"""Actors: duplicate suggestions, merging (participations, contributions and history kept),
the privacy of habitants, and the access rules of the actor pages."""

import pytest
from django.core.exceptions import ValidationError

from balises.cooperation import services
from balises.cooperation.models import Acteur, Collectif, Contribution, Fusion, Participation

from .samples import ACTEUR_PRIVE, ACTEUR_PUBLIC, HABITANT, make_action, make_cooperation

pytestmark = pytest.mark.django_db


def _url(espace, suffix=""):
    return f"/espaces/{espace.slug}/cooperation/{suffix}"


def test_similar_names_are_found_whatever_the_accents_and_case(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    found = services.similar_acteurs(espace_a, "DIRECTION publique coop 8103")
    assert found == [made["public"]]
    assert services.similar_acteurs(espace_a, "Tout autre chose") == []


def test_creating_an_actor_with_a_close_name_asks_for_confirmation(
    espace_a, alice, charlie, as_user
):
    make_cooperation(espace_a, alice)
    client = as_user(charlie)
    data = {"kind": "service", "name": "Direction Publique Coop-8103", "visibility": "prive"}
    response = client.post(_url(espace_a, "acteurs/nouveau/"), data)
    assert response.status_code == 200
    assert "existe peut-être déjà" in response.content.decode()
    assert Acteur.objects.filter(name=data["name"]).count() == 0
    response = client.post(_url(espace_a, "acteurs/nouveau/"), data | {"confirm_new": "on"})
    assert response.status_code == 302
    assert Acteur.objects.filter(name=data["name"]).count() == 1


def test_merging_keeps_every_participation_contribution_membership_and_history(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    keep, absorb = made["public"], made["reseau"]
    other = make_action(espace_a, alice, "Autre action")
    services.save_participation(
        espace_a,
        alice,
        {"action": other, "acteur": absorb, "level": "co_production", "role": "porteur"},
    )
    collectif = services.save_record(
        Collectif, espace_a, alice, {"name": "Club", "visibility": "prive", "members": [absorb]}
    )
    absorbed_pk = absorb.pk
    contributions = Contribution.objects.filter(acteur__in=[keep, absorb]).count()
    services.merge_actors(keep, absorb, alice)
    assert not Acteur.objects.filter(pk=absorbed_pk).exists()
    assert Contribution.objects.filter(acteur=keep).count() == contributions
    # Both took part in the sample action as « partenaire »: one participation stays.
    assert Participation.objects.filter(acteur=keep).count() == 2
    assert list(collectif.members.all()) == [keep]
    fusion = Fusion.objects.get(acteur=keep)
    assert fusion.absorbed_id == absorbed_pk and fusion.merged_by == alice
    assert Acteur.history.filter(id=absorbed_pk).count() >= 2  # created, then deleted
    assert "Fusion" in keep.history.first().history_change_reason


def test_merging_keeps_the_higher_participation_level(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    keep, absorb = made["public"], made["reseau"]
    Participation.objects.filter(acteur=absorb).update(level="co_construction")
    services.merge_actors(keep, absorb, alice)
    assert Participation.objects.get(acteur=keep).level == "co_construction"


def test_an_actor_cannot_be_merged_with_itself_nor_with_another_space(
    espace_a, espace_b, alice, dana
):
    made = make_cooperation(espace_a, alice)
    other = services.create_acteur(espace_b, dana, {"name": "B", "kind": "elu"})
    with pytest.raises(ValidationError):
        services.merge_actors(made["public"], made["public"], alice)
    with pytest.raises(ValidationError):
        services.merge_actors(made["public"], other, alice)


def test_the_merge_page_merges_and_shows_the_absorbed_history(espace_a, alice, charlie, as_user):
    made = make_cooperation(espace_a, alice)
    client = as_user(charlie)
    keep = made["public"]
    response = client.post(
        _url(espace_a, f"acteurs/{keep.pk}/fusionner/"), {"absorb": made["reseau"].pk}
    )
    assert response.status_code == 302
    page = client.get(_url(espace_a, f"acteurs/{keep.pk}/")).content.decode()
    assert "fusionné le" in page


def test_an_unconsented_habitant_is_anonymous_to_non_members(espace_a, alice, bob, dana, as_user):
    make_cooperation(espace_a, alice)
    for user in (None, dana):
        page = as_user(user).get(_url(espace_a)).content.decode()
        assert HABITANT not in page and "Habitant·e" in page
    assert HABITANT in as_user(bob).get(_url(espace_a)).content.decode()


def test_a_consenting_habitant_is_named_publicly(espace_a, alice, as_user):
    made = make_cooperation(espace_a, alice)
    services.update_acteur(
        made["habitant"],
        alice,
        {"name": HABITANT, "kind": "habitant", "visibility": "public", "consent_public": True},
    )
    assert HABITANT in as_user(None).get(_url(espace_a)).content.decode()


def test_outsider_gets_404_on_a_private_actor(espace_a, alice, dana, as_user):
    made = make_cooperation(espace_a, alice)
    response = as_user(dana).get(_url(espace_a, f"acteurs/{made['prive'].pk}/"))
    assert response.status_code == 404
    assert ACTEUR_PRIVE not in as_user(dana).get(_url(espace_a)).content.decode()


def test_reader_cannot_edit_an_actor(espace_a, alice, bob, as_user):
    made = make_cooperation(espace_a, alice)
    response = as_user(bob).get(_url(espace_a, f"acteurs/{made['public'].pk}/modifier/"))
    assert response.status_code == 403


def test_anonymous_is_sent_to_sign_in_to_create_an_actor(espace_a, as_user):
    response = as_user(None).get(_url(espace_a, "acteurs/nouveau/"))
    assert response.status_code == 302 and "/comptes/" in response["Location"]


def test_anonymous_sees_public_actors_only(espace_a, alice, as_user):
    make_cooperation(espace_a, alice)
    page = as_user(None).get(_url(espace_a)).content.decode()
    assert ACTEUR_PUBLIC in page and ACTEUR_PRIVE not in page


def test_a_service_cannot_be_attached_under_its_own_sub_service(espace_a, alice):
    top = services.create_acteur(espace_a, alice, {"name": "Direction", "kind": "service"})
    sub = services.create_acteur(
        espace_a, alice, {"name": "Service", "kind": "service", "parent": top}
    )
    with pytest.raises(ValidationError) as error:
        services.update_acteur(
            top,
            alice,
            {"name": "Direction", "kind": "service", "visibility": "prive", "parent": sub},
        )
    assert "parent" in error.value.message_dict


def test_every_change_of_an_actor_is_in_its_history_with_its_author(espace_a, alice, charlie):
    acteur = services.create_acteur(espace_a, alice, {"name": "Élue", "kind": "elu"})
    services.update_acteur(
        acteur,
        charlie,
        {"name": "Élue", "kind": "elu", "visibility": "prive", "delegation": "énergie"},
    )
    assert [h.history_user for h in acteur.history.all()] == [charlie, alice]


def test_anonymised_habitants_come_last_so_their_place_reveals_nothing(espace_a, alice, as_user):
    make_cooperation(espace_a, alice)
    services.create_acteur(
        espace_a, alice, {"name": "Zoé asso", "kind": "association", "visibility": "public"}
    )
    names = [a["name"] for a in as_user(None).get(_url(espace_a, "acteurs.json")).json()["results"]]
    assert names[-2:] == ["Zoé asso", "Habitant·e"]
