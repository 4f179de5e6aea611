"""Same data, several renderings: every list page has its JSON twin (and its CSV twin where the
urlconf has one), announces them in <head> with <link rel="alternate">, and the JSON twin gives
the one list envelope {count, page, pages, per_page, results}.

List pages are found in the urlconf: every name ending in « _list », plus the pages below that
list records under another name. A twin is named after its page: « acteur_list » →
« acteur_list_json » (or « collectifs_list » → « collectifs_json »), « index » → « index_json ».
Not enumerated: the staff queue of spaces to verify and an action's trash, working pages with
no data to reuse elsewhere.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest
from django.urls import NoReverseMatch, URLResolver, get_resolver, resolve, reverse

pytestmark = pytest.mark.django_db

ENVELOPE = {"count", "page", "pages", "per_page", "results"}
# Pages listing records whose names do not end in « _list ».
OTHER_LIST_PAGES = [
    "territoires:index",
    "referentiels:index",
    "recherche:index",
    "espaces:list",
    "espaces:members",
]
# Twins named otherwise than after their page.
TWIN_NAMES = {"recherche:index": "recherche:results_json"}
# Keys a twin adds to the envelope, about the list as a whole.
ENVELOPE_EXTRAS = {"recherche:index": {"query", "count_is_exact"}}
# What a page needs in its address to list something.
QUERIES = {"recherche:index": {"q": "jardin"}}
# Pages that show a table built from records (not a list of them): twins too, not the envelope.
TABLE_PAGES = ["cooperation:dashboard", "trajectoires:couverture"]


def _names(resolver=None, namespace: str = ""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _names(pattern, inner)
        elif pattern.name:
            yield namespace + pattern.name


NAMES = set(_names())
LIST_PAGES = (
    sorted(
        name for name in NAMES if name.endswith("_list") and not name.startswith(("api:", "admin:"))
    )
    + OTHER_LIST_PAGES
)


def _twin(page: str, suffix: str) -> str | None:
    if suffix == "json" and page in TWIN_NAMES:
        return TWIN_NAMES[page]
    for base in (page, page.removesuffix("_list")):
        if f"{base}_{suffix}" in NAMES:
            return f"{base}_{suffix}"
    return None


def _address(name: str, slug: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return reverse(name, kwargs={"slug": slug})


def _alternates(page_html: str) -> dict[str, str]:
    """type → href of the <link rel="alternate"> of the page's <head>."""
    head = re.search(r"<head>(.*?)</head>", page_html, re.S)
    assert head, "no <head>"
    found = {}
    for tag in re.findall(r"<link\b[^>]*>", head.group(1)):
        if 'rel="alternate"' in tag:
            kind = re.search(r'type="([^"]+)"', tag)
            href = re.search(r'href="([^"]+)"', tag)
            assert kind and href, tag
            found[kind.group(1)] = html.unescape(href.group(1))
    return found


def _linked_twin(client, page: str, slug: str, suffix: str, mime: str):
    """The twin the page announces for ``mime``, checked to be the one named after the page."""
    address = _address(page, slug)
    response = client.get(address, QUERIES.get(page, {}))
    assert response.status_code == 200, address
    links = _alternates(response.content.decode())
    assert mime in links, f"{page} does not announce its {suffix.upper()} twin in <head>"
    href = links[mime]
    assert resolve(urlsplit(href).path).view_name == _twin(page, suffix), href
    twin = client.get(href)
    assert twin.status_code == 200, href
    assert twin["Content-Type"].startswith(mime), href
    return twin


def test_list_pages_are_found_in_the_urlconf():
    assert {"cooperation:acteur_list", "trajectoires:action_list", "job_list"} <= set(LIST_PAGES)
    assert len(LIST_PAGES) >= 15


@pytest.mark.parametrize("page", LIST_PAGES)
def test_every_list_page_has_a_json_twin_in_the_list_envelope(page, client, espace_a, alice):
    assert _twin(page, "json"), f"{page} has no JSON twin in the urlconf"
    client.force_login(alice)
    body = _linked_twin(client, page, espace_a.slug, "json", "application/json").json()
    assert set(body) == ENVELOPE | ENVELOPE_EXTRAS.get(page, set()), f"{page}: {sorted(body)}"
    assert isinstance(body["results"], list) and body["page"] >= 1
    assert body["pages"] >= 1 and body["count"] >= len(body["results"])


@pytest.mark.parametrize("page", [p for p in LIST_PAGES if _twin(p, "csv")] + TABLE_PAGES)
def test_every_tabular_page_announces_its_csv_twin(page, client, espace_a, alice):
    client.force_login(alice)
    twin = _linked_twin(client, page, espace_a.slug, "csv", "text/csv")
    body = b"".join(twin.streaming_content) if twin.streaming else twin.content
    first_line = body.decode("utf-8").splitlines()[0]
    assert first_line.startswith("\ufeff") and ";" in first_line


@pytest.mark.parametrize("page", TABLE_PAGES)
def test_every_table_page_announces_its_json_twin(page, client, espace_a, alice):
    client.force_login(alice)
    assert isinstance(
        _linked_twin(client, page, espace_a.slug, "json", "application/json").json(), dict
    )
