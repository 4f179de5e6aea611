"""The one paginator of lists: reading the page asked for, cutting, the envelope."""

import json

import pytest
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from balises.core.json_export import json_page
from balises.core.pagination import (
    MAX_PAGE,
    MAX_PER_PAGE,
    PageError,
    PageRequest,
    envelope,
    paginate,
    read_page,
)


def test_without_parameters_the_first_page_of_the_lists_own_size_is_asked():
    assert read_page({}, per_page=25) == PageRequest(1, 25)
    assert read_page({"page": "", "per_page": ""}, per_page=25) == PageRequest(1, 25)


def test_page_and_per_page_are_read():
    assert read_page({"page": "3", "per_page": "10"}) == PageRequest(3, 10)


@pytest.mark.parametrize(
    "query, field",
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "1.5"}, "page"),
        ({"page": "99999999999999999999"}, "page"),
        ({"page": str(MAX_PAGE + 1)}, "page"),
        ({"per_page": "0"}, "per_page"),
        ({"per_page": str(MAX_PER_PAGE + 1)}, "per_page"),
        ({"offset": "x"}, "offset"),
    ],
)
def test_a_bad_value_is_refused_with_a_french_message_naming_the_parameter(query, field):
    with pytest.raises(PageError) as error:
        read_page(query)
    assert error.value.field == field
    assert f"« {field} » doit être un nombre entier" in str(error.value)


@given(st.text(max_size=40))
def test_any_text_gives_a_page_or_a_page_error_never_anything_else(text):
    try:
        wanted = read_page({"page": text, "per_page": text})
    except PageError:
        return
    assert 1 <= wanted.number <= MAX_PAGE and 1 <= wanted.per_page <= MAX_PER_PAGE


def test_limit_and_offset_are_read_as_the_older_names_of_the_page():
    assert read_page({"limit": "10", "offset": "20"}) == PageRequest(3, 10)
    assert read_page({"per_page": "10", "limit": "50", "page": "2", "offset": "0"}) == (
        PageRequest(2, 10)
    )


def test_an_offset_inside_a_page_is_refused_rather_than_rounded():
    with pytest.raises(PageError) as error:
        read_page({"limit": "10", "offset": "5"})
    assert "multiple" in str(error.value)


def test_a_list_is_cut_into_pages_and_the_last_one_may_be_short():
    page = paginate(list(range(23)), PageRequest(3, 10))
    assert (page.count, page.number, page.pages, page.items) == (23, 3, 3, [20, 21, 22])


def test_a_page_past_the_end_is_empty_and_says_where_the_list_ends():
    page = paginate(list(range(5)), PageRequest(4, 10))
    assert envelope(page, page.items) == {
        "count": 5,
        "page": 4,
        "pages": 1,
        "per_page": 10,
        "results": [],
    }


def test_an_empty_list_has_one_empty_page():
    assert paginate([], PageRequest()).pages == 1


@pytest.mark.django_db
def test_a_queryset_is_counted_and_sliced_in_the_database(django_assert_num_queries):
    from balises.territoires.models import Territoire

    for n in range(7):
        Territoire.objects.create(kind="commune", code=f"9900{n}", name=f"T{n}")
    with django_assert_num_queries(2):
        page = paginate(Territoire.objects.order_by("code"), PageRequest(2, 5))
    assert page.count == 7 and [t.code for t in page.items] == ["99005", "99006"]


def test_the_json_page_answers_400_in_french_on_a_bad_page():
    request = RequestFactory().get("/x.json", {"page": "abc"})
    response = json_page(request, [1, 2, 3], lambda items: items)
    assert response.status_code == 400
    body = json.loads(response.content)
    assert "« page »" in body["detail"] and body["errors"] == {"page": [body["detail"]]}


def test_the_json_page_gives_the_envelope_with_the_rows_of_its_page():
    request = RequestFactory().get("/x.json", {"page": "2", "per_page": "2"})
    response = json_page(request, ["a", "b", "é"], lambda items: [s.upper() for s in items])
    assert json.loads(response.content) == {
        "count": 3,
        "page": 2,
        "pages": 2,
        "per_page": 2,
        "results": ["É"],
    }
    assert "É".encode() in response.content  # accents as they are, not \\u escapes
