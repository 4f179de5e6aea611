"""Answering: members signed in, outside people by link; drafts, htmx, refusals."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from balises.diagnostics import services
from balises.diagnostics.models import Appreciation, CampagneStatus
from balises.trajectoires.models import Action

from .conftest import element

pytestmark = pytest.mark.django_db


def _url(campagne):
    return reverse("diagnostics:answer", args=[campagne.espace.slug, campagne.pk])


def test_a_respondent_sees_every_element_with_the_scale_described(as_user, campagne, repondant_bob):
    response = as_user(repondant_bob.user).get(_url(campagne))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="diag-element"') == 23
    assert "Pratique organisée avec un dispositif" in page
    assert "La pratique est instituée" in page  # the description of level 3
    assert "proposition de Balises" in page  # the scale is not the référentiel's
    assert 'hx-post="' in page and 'name="csrfmiddlewaretoken"' in page


def test_a_draft_is_saved_by_a_plain_post_and_shown_again(as_user, campagne, repondant_bob):
    h1 = element(campagne, "H1-B1")
    client = as_user(repondant_bob.user)
    response = client.post(
        _url(campagne), {"element": h1.pk, "level": "2", "justification": "Des chantiers"}
    )
    assert response.status_code == 302 and response.url.endswith(f"#element-{h1.pk}")
    page = client.get(_url(campagne)).content.decode()
    assert "Des chantiers" in page
    assert (
        f'value="2" id="e{h1.pk}-level_2" checked aria-describedby="e{h1.pk}-level_2-aide"' in page
    )
    assert Appreciation.objects.get(repondant=repondant_bob, element=h1).level == 2


def test_htmx_saves_one_element_and_returns_only_its_form(as_user, campagne, repondant_bob):
    h1 = element(campagne, "H1-B1")
    action = Action.objects.create(espace=campagne.espace, title="Base 11/19")
    response = as_user(repondant_bob.user).post(
        _url(campagne),
        {"element": h1.pk, "level": "nsp", "evidence": [action.pk]},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="diag-element"') == 1 and "Brouillon enregistré" in page
    assert "Base 11/19" in page and "lire le récit" in page
    assert Appreciation.objects.get(repondant=repondant_bob, element=h1).dont_know


def test_a_level_outside_the_scale_gets_a_french_message_and_keeps_the_text(
    as_user, campagne, repondant_bob
):
    h1 = element(campagne, "H1-B1")
    response = as_user(repondant_bob.user).post(
        _url(campagne), {"element": h1.pk, "level": "9", "justification": "Mon texte long"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "n&#x27;est pas un niveau de l&#x27;échelle" in page
    assert "Mon texte long" in page
    assert not Appreciation.objects.exists()


def test_submitting_locks_the_answers_and_a_second_submit_is_told(as_user, campagne, repondant_bob):
    h1 = element(campagne, "H1-B1")
    client = as_user(repondant_bob.user)
    client.post(_url(campagne), {"element": h1.pk, "level": "3"})
    submit = reverse("diagnostics:submit", args=[campagne.espace.slug, campagne.pk])
    client.post(submit)
    page = client.get(_url(campagne)).content.decode()
    assert "Cette réponse est verrouillée" in page
    page = client.post(submit, follow=True).content.decode()
    assert "déjà soumises" in page
    response = client.post(_url(campagne), {"element": h1.pk, "level": "1"})
    assert "déjà soumise" in response.content.decode()
    assert Appreciation.objects.get(element=h1).level == 3


def test_after_closing_the_page_says_so_and_shows_the_answers(
    as_user, campagne, repondant_bob, alice
):
    h1 = element(campagne, "H1-B1")
    services.save_answer(repondant_bob, h1, level=2, justification="Conservée")
    services.set_status(campagne, alice, CampagneStatus.CLOSED)
    client = as_user(repondant_bob.user)
    page = client.get(_url(campagne)).content.decode()
    assert "Cette campagne est close" in page and "Conservée" in page
    response = client.post(_url(campagne), {"element": h1.pk, "level": "4"})
    assert response.status_code == 400 and "close" in response.content.decode()
    assert Appreciation.objects.get(element=h1).level == 2


def test_a_member_who_is_not_respondent_gets_404(as_user, campagne, charlie):
    assert as_user(charlie).get(_url(campagne)).status_code == 404


def test_an_outsider_gets_404_and_anonymous_is_sent_to_sign_in(as_user, campagne, dana):
    assert as_user(dana).get(_url(campagne)).status_code == 404
    response = as_user(None).get(_url(campagne))
    assert response.status_code == 302 and "/comptes/login/" in response.url


def test_an_outside_person_answers_with_the_link_without_an_account(client, campagne, outside):
    repondant, token = outside
    url = reverse("diagnostics:answer_by_link", args=[campagne.espace.slug, token])
    h1 = element(campagne, "H1-B1")
    assert "Odile Dehors" in client.get(url).content.decode()
    client.post(url, {"element": h1.pk, "level": "1", "justification": "Dehors"})
    submit = reverse("diagnostics:submit_by_link", args=[campagne.espace.slug, token])
    client.post(submit)
    answer = Appreciation.objects.get(repondant=repondant)
    assert answer.is_submitted and answer.justification == "Dehors"


def test_an_expired_link_says_so_and_keeps_the_answers(client, campagne, outside):
    repondant, token = outside
    h1 = element(campagne, "H1-B1")
    services.save_answer(repondant, h1, level=1, justification="Avant expiration")
    repondant.expires_at = timezone.now() - datetime.timedelta(days=1)
    repondant.save()
    url = reverse("diagnostics:answer_by_link", args=[campagne.espace.slug, token])
    page = client.get(url).content.decode()
    assert "Ce lien a expiré" in page and "Avant expiration" in page
    client.post(url, {"element": h1.pk, "level": "3"})
    assert Appreciation.objects.get(repondant=repondant).level == 1


def test_an_unknown_or_replaced_link_gets_404(client, campagne, outside, alice):
    repondant, token = outside
    services.renew_link(repondant, alice)
    url = reverse("diagnostics:answer_by_link", args=[campagne.espace.slug, token])
    assert client.get(url).status_code == 404
    other = reverse("diagnostics:answer_by_link", args=[campagne.espace.slug, "nimporte"])
    assert client.get(other).status_code == 404
