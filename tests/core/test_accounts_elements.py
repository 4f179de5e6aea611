"""Our versions of allauth's elements: our CSS classes, labelled and described fields."""

import re

import pytest
from django.template.loader import render_to_string


def element(template: str, slots: dict | None = None, **attrs) -> str:
    tags = attrs.pop("tags", None)
    if tags:
        attrs["tags"] = tags.split(",")
    slots = {key: [value] for key, value in (slots or {"default": "X"}).items()}
    return render_to_string(f"allauth/elements/{template}.html", {"attrs": attrs, "slots": slots})


@pytest.mark.parametrize(
    ("tags", "css"),
    [
        (None, "button"),
        ("prominent,login", "button"),
        ("secondary", "button button-secondary"),
        ("outline,primary", "button button-secondary"),
        ("danger,delete", "button button-danger"),
    ],
)
def test_buttons_take_our_classes_from_allauth_tags(tags, css):
    html = element("button", type="submit", tags=tags)
    assert f'<button class="{css}" type="submit">X</button>' in html


def test_a_button_with_href_is_a_link():
    assert '<a class="button" href="/ailleurs/">X</a>' in element("button", href="/ailleurs/")


def test_form_puts_actions_in_a_row():
    html = element("form", {"body": "B", "actions": "A"}, method="post", action="/x/")
    assert re.search(
        r'<form method="post" class="form" action="/x/">\s*B\s*<div class="form-actions">A</div>',
        html,
    )


def test_radio_field_has_its_label_after_and_errors_linked():
    html = element(
        "field", {"label": "alice@example.org"}, type="radio", name="email", id="r1",
        value="alice@example.org", errors=["Choisissez une adresse."],
    )  # fmt: skip
    assert 'class="field field-check field-error"' in html
    assert 'aria-invalid="true" aria-describedby="r1_error"' in html
    assert html.index("<input") < html.index('<label for="r1">')
    assert (
        '<div class="error" id="r1_error" role="alert"><p>Choisissez une adresse.</p></div>' in html
    )


def test_text_field_is_described_by_its_help_text():
    html = element("field", {"label": "Code", "help_text": "Six chiffres"}, type="text", id="c")
    assert '<label for="c">Code</label>' in html
    assert 'aria-describedby="c_helptext"' in html and 'id="c_helptext"' in html


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("alert", 'class="message"'),
        ("badge", 'class="badge"'),
        ("panel", 'class="panel"'),
        ("table", 'class="table"'),
        ("th", '<th scope="col">'),
        ("button_group", 'class="button-group"'),
        ("h1", "<h1>X</h1>"),
        ("p", "<p>X</p>"),
    ],
)
def test_other_elements_use_our_markup(name, expected):
    assert expected in element(name, {"default": "X", "title": "T", "body": "B", "message": "M"})
