"""Declaring contributions: clear refusals of bad values, a warning (not an error) outside
the action's period, periods normalised to their first day."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from balises.cooperation import services
from balises.cooperation.models import Contribution

from .samples import make_cooperation

pytestmark = pytest.mark.django_db


def _data(made, **extra):
    return {
        "action": made["action"],
        "acteur": made["public"],
        "nature": "argent",
        "amount": "100",
        "unit": "euros",
        "period_start": date(2020, 6, 15),
        "period_kind": "year",
    } | extra


def test_a_negative_amount_is_refused_with_a_clear_message(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    before = Contribution.objects.count()
    with pytest.raises(ValidationError) as error:
        services.save_contribution(espace_a, alice, _data(made, amount="-5"))
    assert "négatif" in str(error.value.message_dict["amount"])
    assert Contribution.objects.count() == before


def test_an_unknown_unit_is_refused_and_names_the_possible_ones(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    with pytest.raises(ValidationError) as error:
        services.save_contribution(espace_a, alice, _data(made, unit="boisseaux"))
    assert "boisseaux" in error.value.message_dict["unit"][0]
    assert "etp" in error.value.message_dict["unit"][0]


def test_a_unit_that_does_not_fit_the_nature_is_refused(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    with pytest.raises(ValidationError) as error:
        services.save_contribution(espace_a, alice, _data(made, nature="temps", unit="euros"))
    assert "temps" in error.value.message_dict["unit"][0]


def test_an_unreadable_amount_is_refused(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    with pytest.raises(ValidationError) as error:
        services.save_contribution(espace_a, alice, _data(made, amount="beaucoup"))
    assert "illisible" in error.value.message_dict["amount"][0]


def test_a_contribution_outside_the_action_period_is_saved_with_a_warning(espace_a, alice):
    made = make_cooperation(espace_a, alice)  # the action runs from 2018 to 2022
    contribution, warnings = services.save_contribution(
        espace_a, alice, _data(made, period_start=date(2025, 1, 1))
    )
    assert contribution.pk and len(warnings) == 1 and "fin de l'action" in warnings[0]
    _c, before = services.save_contribution(
        espace_a, alice, _data(made, period_start=date(2016, 3, 1), period_kind="month")
    )
    assert "début de l'action" in before[0]
    _c, inside = services.save_contribution(espace_a, alice, _data(made))
    assert inside == []


def test_periods_start_on_their_first_day_and_amounts_accept_a_comma(espace_a, alice):
    made = make_cooperation(espace_a, alice)
    contribution, _w = services.save_contribution(
        espace_a, alice, _data(made, amount="12,5", period_kind="month")
    )
    contribution.refresh_from_db()
    assert contribution.period_start == date(2020, 6, 1)
    assert str(contribution.amount) == "12.50"
    assert contribution.declared_by == alice
    assert contribution.history.first().history_user == alice


def test_an_action_of_another_space_is_refused(espace_a, espace_b, alice, dana):
    from .samples import make_action

    made = make_cooperation(espace_a, alice)
    other = make_action(espace_b, dana, "Ailleurs")
    with pytest.raises(ValidationError) as error:
        services.save_contribution(espace_a, alice, _data(made, action=other))
    assert "action" in error.value.message_dict


def test_the_contribution_form_shows_the_warning_after_saving(espace_a, alice, charlie, as_user):
    made = make_cooperation(espace_a, alice)
    client = as_user(charlie)
    response = client.post(
        f"/espaces/{espace_a.slug}/cooperation/contributions/nouvelle/",
        {
            "action": made["action"].pk,
            "acteur": made["public"].pk,
            "nature": "temps",
            "amount": "3",
            "unit": "heures",
            "period": "2031-04",
        },
        follow=True,
    )
    assert "suit la fin de l" in response.content.decode()


def test_the_form_refuses_a_negative_amount_and_saves_nothing(espace_a, alice, charlie, as_user):
    made = make_cooperation(espace_a, alice)
    before = Contribution.objects.count()
    response = as_user(charlie).post(
        f"/espaces/{espace_a.slug}/cooperation/contributions/nouvelle/",
        {"action": made["action"].pk, "acteur": made["public"].pk, "nature": "temps",
         "amount": "-3", "unit": "heures", "period": "2020"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "négatif" in response.content.decode()
    assert Contribution.objects.count() == before


def test_the_csv_twin_gives_amounts_with_a_decimal_comma(espace_a, alice, as_user):
    made = make_cooperation(espace_a, alice)
    services.save_contribution(espace_a, alice, _data(made, amount="320.5"))
    url = reverse("cooperation:contribution_list_csv", args=[espace_a.slug])
    text = as_user(alice).get(url).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert "320,50" in {row["amount"] for row in rows}
