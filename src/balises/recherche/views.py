from dataclasses import asdict
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from balises.core.json_export import json_response, page_error_response
from balises.core.pagination import ListPage, PageError, envelope, read_page

from . import registry, services
from .forms import SearchForm

PER_PAGE = 20


def _run_search(request: HttpRequest) -> tuple[SearchForm, services.SearchPage | None]:
    """Validate the GET parameters and search; no page when they are invalid or empty."""
    form = SearchForm(request.GET or None)
    if not form.is_valid() or not form.cleaned_data["q"].strip():
        return form, None
    data = form.cleaned_data
    page = services.search(
        data["q"],
        user=request.user,
        kinds=[data["kind"]] if data["kind"] else None,
        limit=PER_PAGE,
        offset=((data["page"] or 1) - 1) * PER_PAGE,
    )
    return form, page


def _page_url(name: str, form: SearchForm, page_number: int | None = None) -> str:
    params = {key: form.cleaned_data[key] for key in ("q", "kind") if form.cleaned_data.get(key)}
    if page_number and page_number > 1:
        params["page"] = page_number
    return reverse(name) + ("?" + urlencode(params) if params else "")


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    form, page = _run_search(request)
    context: dict = {"form": form, "page": page}
    if page is not None:
        labels = registry.kind_labels()
        number = page.offset // PER_PAGE + 1
        context |= {
            "page_number": number,
            # Unknown when the total is only a lower bound.
            "page_count": max(1, -(-page.total // PER_PAGE)) if page.total_is_exact else 0,
            "previous_url": _page_url("recherche:index", form, number - 1)
            if page.has_previous
            else None,
            "next_url": _page_url("recherche:index", form, number + 1) if page.has_next else None,
            "json_url": _page_url("recherche:results_json", form, number),
            "results": [(hit, labels.get(hit.kind, hit.kind)) for hit in page.hits],
        }
    return render(request, "recherche/index.html", context)


@require_GET
def results_json(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return json_response({"detail": "Paramètres invalides.", "errors": form.errors}, status=400)
    try:
        wanted = read_page(request.GET, per_page=PER_PAGE)
    except PageError as error:
        return page_error_response(error)
    # Pages are at most as long as the search gives; the envelope says which size was served.
    per_page = min(wanted.per_page, services.MAX_LIMIT)
    query = form.cleaned_data["q"].strip() if form.is_bound else ""
    if not query:
        return json_response(_results(ListPage(0, wanted.number, per_page), "", True))
    kind = form.cleaned_data["kind"]
    found = services.search(
        query,
        user=request.user,
        kinds=[kind] if kind else None,
        limit=per_page,
        offset=(wanted.number - 1) * per_page,
    )
    hits = [asdict(hit) for hit in found.hits]
    page = ListPage(found.total, wanted.number, per_page, hits)
    return json_response(_results(page, found.query, found.total_is_exact))


def _results(page: ListPage, query: str, exact: bool) -> dict:
    return envelope(page, page.items) | {"query": query, "count_is_exact": exact}
