from dataclasses import asdict
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

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
def results_json(request: HttpRequest) -> JsonResponse:
    form, page = _run_search(request)
    if form.is_bound and not form.is_valid():
        return JsonResponse({"detail": "Paramètres invalides.", "errors": form.errors}, status=400)
    if page is None:
        return JsonResponse(
            {
                "query": "",
                "total": 0,
                "total_is_exact": True,
                "offset": 0,
                "limit": PER_PAGE,
                "hits": [],
            }
        )
    return JsonResponse(
        {
            "query": page.query,
            "total": page.total,
            "total_is_exact": page.total_is_exact,
            "offset": page.offset,
            "limit": page.limit,
            "hits": [asdict(hit) for hit in page.hits],
        }
    )
