"""Business rules of campaigns and answers, and their refusals (clear French, nothing lost)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from balises.diagnostics import services
from balises.diagnostics.models import AnswerStatus, Appreciation, CampagneStatus
from balises.espaces.models import Visibility
from balises.trajectoires.models import Action

from .conftest import element

pytestmark = pytest.mark.django_db


def test_a_campaign_assesses_every_balise_of_villes_pairs_by_default(campagne):
    assert campagne.referentiel.slug == "villes-pairs"
    assert campagne.elements.count() == 23
    assert set(campagne.elements.values_list("kind__code", flat=True)) == {"balise"}


def test_only_referents_open_a_campaign(espace_a, charlie, villes_pairs):
    with pytest.raises(services.DiagnosticError, match="référents"):
        services.create_campagne(
            espace_a, charlie, title="x", starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 2, 1),
        )  # fmt: skip


def test_a_draft_is_saved_and_can_be_changed_until_submitted(campagne, repondant_bob, bob):
    h1 = element(campagne, "H1-B1")
    services.save_answer(repondant_bob, h1, level=1, justification="Un début", author=bob)
    services.save_answer(repondant_bob, h1, level=2, justification="Mieux", author=bob)
    answer = Appreciation.objects.get(repondant=repondant_bob, element=h1)
    assert (answer.level, answer.justification, answer.status) == (2, "Mieux", AnswerStatus.DRAFT)
    assert answer.history.count() == 2


def test_a_level_outside_the_scale_is_refused_and_changes_nothing(campagne, repondant_bob, bob):
    h1 = element(campagne, "H1-B1")
    services.save_answer(repondant_bob, h1, level=3, justification="Gardé", author=bob)
    with pytest.raises(services.DiagnosticError, match="n'existe pas sur l'échelle"):
        services.save_answer(repondant_bob, h1, level=7, justification="Perdu ?", author=bob)
    answer = Appreciation.objects.get(repondant=repondant_bob, element=h1)
    assert (answer.level, answer.justification) == (3, "Gardé")


def test_dont_know_is_an_answer_without_a_level(campagne, repondant_bob, bob):
    h1 = element(campagne, "H1-B1")
    answer = services.save_answer(repondant_bob, h1, level=3, dont_know=True, author=bob)
    assert answer.level is None and answer.dont_know and answer.is_answered


def test_a_submitted_answer_is_locked_until_the_referent_reopens_it(
    campagne, repondant_bob, alice, bob
):
    h1 = element(campagne, "H1-B1")
    services.save_answer(repondant_bob, h1, level=2, justification="Premier", author=bob)
    assert services.submit_answers(repondant_bob, bob) == 1
    with pytest.raises(services.DiagnosticError, match="déjà soumise"):
        services.save_answer(repondant_bob, h1, level=4, justification="Second", author=bob)
    with pytest.raises(services.DiagnosticError, match="déjà soumises"):
        services.submit_answers(repondant_bob, bob)
    answer = Appreciation.objects.get(repondant=repondant_bob, element=h1)
    assert (answer.level, answer.justification, answer.is_submitted) == (2, "Premier", True)
    with pytest.raises(services.DiagnosticError):
        services.reopen_answers(repondant_bob, bob)
    assert services.reopen_answers(repondant_bob, alice) == 1
    services.save_answer(repondant_bob, h1, level=4, justification="Second", author=bob)
    assert Appreciation.objects.get(repondant=repondant_bob, element=h1).level == 4


def test_answering_after_closing_is_refused_and_keeps_the_answers(
    campagne, repondant_bob, alice, bob
):
    h1 = element(campagne, "H1-B1")
    services.save_answer(repondant_bob, h1, level=2, justification="Avant", author=bob)
    services.set_status(campagne, alice, CampagneStatus.CLOSED)
    repondant_bob.campagne.refresh_from_db()
    with pytest.raises(services.DiagnosticError, match="close"):
        services.save_answer(repondant_bob, h1, level=3, author=bob)
    with pytest.raises(services.DiagnosticError, match="close"):
        services.submit_answers(repondant_bob, bob)
    assert Appreciation.objects.get(repondant=repondant_bob, element=h1).justification == "Avant"


def test_an_outside_respondent_gets_a_link_by_email_that_expires(campagne, outside):
    repondant, token = outside
    assert token not in (repondant.token_digest or "")
    assert len(mail.outbox) == 1 and token in mail.outbox[0].body
    h1 = element(campagne, "H1-B1")
    services.save_answer(repondant, h1, level=1, justification="Vu de dehors")
    repondant.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    repondant.save()
    with pytest.raises(services.DiagnosticError, match="expiré"):
        services.save_answer(repondant, h1, level=2)
    assert Appreciation.objects.get(repondant=repondant, element=h1).level == 1


def test_inviting_the_same_address_twice_is_refused(campagne, outside, alice):
    with pytest.raises(services.DiagnosticError, match="déjà répondant"):
        services.invite_outside(campagne, alice, "Odile", "ODILE@example.org", "elu")


def test_a_member_answers_only_once_per_campaign(campagne, repondant_bob, alice, bob):
    with pytest.raises(services.DiagnosticError, match="répond déjà"):
        services.add_member(campagne, alice, bob, "agent")


def test_an_outsider_of_the_space_cannot_be_added_as_member(campagne, alice, dana):
    with pytest.raises(services.DiagnosticError, match="pas membre"):
        services.add_member(campagne, alice, dana, "agent")


def test_an_outside_respondent_cites_only_public_actions(campagne, outside, espace_a):
    repondant, _token = outside
    private = Action.objects.create(espace=espace_a, title="Privée", visibility=Visibility.PRIVE)
    public = Action.objects.create(espace=espace_a, title="Publique", visibility=Visibility.PUBLIC)
    h1 = element(campagne, "H1-B1")
    with pytest.raises(services.DiagnosticError, match="pas accessibles"):
        services.save_answer(repondant, h1, level=1, evidence_ids=[private.pk])
    answer = services.save_answer(repondant, h1, level=1, evidence_ids=[public.pk])
    assert list(answer.evidence.all()) == [public]


def test_results_cannot_be_published_before_the_campaign_opens(espace_a, alice, villes_pairs):
    draft = services.create_campagne(
        espace_a, alice, title="Brouillon", starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 1, 31),
    )  # fmt: skip
    with pytest.raises(services.DiagnosticError, match="Ouvrez"):
        services.set_published(draft, alice, True)
