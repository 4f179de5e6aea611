"""The directory of territories and the page of each territory, with JSON and CSV twins.

Territories are public reference data: no sign-in needed. `?format=json` and `?format=csv` on
the directory return the same search with the same filters; CSV is UTF-8 with a BOM and `;` as
separator, which Excel set to French opens directly.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from balises.core.csv_export import csv_streaming_response

from . import directory
from .forms import DirectoryForm
from .lookups import get_territoire
from .models.territoire import Territoire
from .schemas import CSV_COLUMNS, child_data, csv_row, territoire_data

PER_PAGE = 25


def index(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    form = DirectoryForm(request.GET)
    ids = directory.search(form.query()) if form.is_valid() else []
    output = request.GET.get("format", "")
    if output == "csv":
        return _csv(ids)
    page = Paginator(ids, PER_PAGE).get_page(request.GET.get("page"))
    territoires = directory.fetch(list(page.object_list))
    if output == "json":
        return JsonResponse(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "per_page": PER_PAGE,
                "results": [territoire_data(t) for t in territoires],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    context = {
        "form": form,
        "page": page,
        "territoires": territoires,
        "query": _query_string(request),
        "query_without_epci": _query_string(request, "epci"),
    }
    if form.is_valid() and form.cleaned_data["epci"]:
        context["epci_name"] = directory.name_of(Territoire.Kind.EPCI, form.cleaned_data["epci"])
    return render(request, "territoires/index.html", context)


def _query_string(request: HttpRequest, *drop: str) -> str:
    """The current search without page and format: the base of pagination and export links."""
    params = request.GET.copy()
    for key in ("page", "format", *drop):
        params.pop(key, None)
    return params.urlencode()


def _csv(ids: list[int]) -> StreamingHttpResponse:
    # Up to 35,000 territories: written as they are read.
    header = [header for _key, header in CSV_COLUMNS]
    rows = (csv_row(territoire_data(t)) for t in directory.fetch_all(ids))
    return csv_streaming_response("territoires.csv", header, rows)


def detail(request: HttpRequest, uid: str) -> HttpResponse:
    territoire = get_territoire(uid)
    kinds = directory.CHILD_KINDS.get(territoire.kind, ())
    counts = {kind: directory.children(territoire, kind).count() for kind in kinds}
    listed = kinds[0] if kinds else None
    listed_all = directory.children(territoire, listed) if listed else []
    if request.GET.get("format") == "json":
        data = territoire_data(territoire)
        data["children"] = [child_data(child) for child in listed_all]
        data["children_count"] = len(data["children"])
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    title = _("%(name)s (%(kind)s)") % {
        "name": territoire.name,
        "kind": territoire.get_kind_display(),
    }
    context = {
        "territoire": territoire,
        "title": title,
        "counts": counts,
        "listed_kind": listed,
        "children": listed_all,
    }
    if territoire.kind == territoire.Kind.DEPARTEMENT:
        # A département has hundreds of communes: its EPCI in full, its communes by page.
        communes = directory.children(territoire, territoire.Kind.COMMUNE)
        context["communes_page"] = Paginator(communes, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "territoires/detail.html", context)
