"""Dates known to the year, the month or the day: the form field and the partial_date filter."""

from datetime import date

import pytest
from django.template import Context, Template

from balises.trajectoires.fields import PartialDateField


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2014", (date(2014, 1, 1), "year")),
        ("03/2014", (date(2014, 3, 1), "month")),
        ("2014-03", (date(2014, 3, 1), "month")),
        ("12/03/2014", (date(2014, 3, 12), "day")),
        ("2014-03-12", (date(2014, 3, 12), "day")),
        ("", None),
    ],
)
def test_the_field_accepts_what_people_write(text, expected):
    assert PartialDateField(required=False).clean(text) == expected


@pytest.mark.parametrize("text", ["31/02/2014", "mars", "14", "2014/13"])
def test_the_field_refuses_other_texts_with_a_french_message(text):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        PartialDateField().clean(text)
    assert "date" in str(error.value) or "année" in str(error.value)


@pytest.mark.parametrize(
    ("precision", "shown"),
    [("year", "2014"), ("month", "mars 2014"), ("day", "12 mars 2014")],
)
def test_the_filter_shows_the_date_with_its_precision(precision, shown):
    template = Template("{% load trajectoires_tags %}{{ d|partial_date:p }}")
    assert template.render(Context({"d": date(2014, 3, 12), "p": precision})) == shown


def test_the_first_of_the_month_reads_1er():
    template = Template("{% load trajectoires_tags %}{{ d|partial_date:'day' }}")
    assert template.render(Context({"d": date(2014, 3, 1)})) == "1er mars 2014"


def test_a_stored_value_is_shown_back_as_typed():
    field = PartialDateField()
    assert field.prepare_value((date(2014, 3, 1), "month")) == "03/2014"
    assert field.prepare_value((date(2014, 1, 1), "year")) == "2014"
