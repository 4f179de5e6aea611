"""The directory of territories and the page of each territory, with JSON and CSV twins.

Territories are public reference data: no sign-in needed. The twins of the directory
(`territoires.json`, a page of results in the list envelope; `territoires.csv`, every result)
take the same filters as the page. A territory's twins (`<uid>/territoire.json`,
`<uid>/territoire.csv`) give it with the children its page lists. `?format=json` and
`?format=csv`, the twins' first addresses, redirect to them.
"""

from collections.abc import Iterable

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from balises.core.csv_export import csv_streaming_response
from balises.core.json_export import json_page, json_response

from . import directory
from .forms import DirectoryForm
from .lookups import get_territoire
from .models.territoire import Territoire
from .schemas import CSV_COLUMNS, child_data, csv_row, territoire_data

PER_PAGE = 25
FORMATS = ("json", "csv")


def _former_address(request: HttpRequest, name: str, *args: str) -> HttpResponse | None:
    """The redirect of `?format=json|csv` to the twin, with the rest of the query."""
    output = request.GET.get("format", "")
    if output not in FORMATS:
        return None
    query = _query_string(request, keep_page=output == "json")
    url = reverse(f"territoires:{name}_{output}", args=args)
    return redirect(f"{url}?{query}" if query else url, permanent=True)


def index(request: HttpRequest) -> HttpResponse:
    moved = _former_address(request, "index")
    if moved:
        return moved
    form = DirectoryForm(request.GET)
    ids = directory.search(form.query()) if form.is_valid() else []
    page = Paginator(ids, PER_PAGE).get_page(request.GET.get("page"))
    query = _query_string(request)
    # The JSON twin of the page shown, which may differ from the page asked for (past the end).
    page_query = f"page={page.number}" if page.number > 1 else ""
    context = {
        "form": form,
        "page": page,
        "territoires": directory.fetch(list(page.object_list)),
        "query": query,
        "json_query": "&".join(part for part in (query, page_query) if part),
        "query_without_epci": _query_string(request, "epci"),
    }
    if form.is_valid() and form.cleaned_data["epci"]:
        context["epci_name"] = directory.name_of(Territoire.Kind.EPCI, form.cleaned_data["epci"])
    return render(request, "territoires/index.html", context)


def _query_string(request: HttpRequest, *drop: str, keep_page: bool = False) -> str:
    """The current search without page and format: the base of pagination and export links."""
    params = request.GET.copy()
    for key in ("format", *drop, *(() if keep_page else ("page",))):
        params.pop(key, None)
    return params.urlencode()


def index_json(request: HttpRequest) -> HttpResponse:
    form = DirectoryForm(request.GET)
    if not form.is_valid():
        detail = _("Filtres invalides : %(fields)s.") % {"fields": ", ".join(form.errors)}
        return json_response({"detail": detail, "errors": form.errors}, status=400)
    return json_page(
        request,
        directory.search(form.query()),
        lambda ids: [territoire_data(t) for t in directory.fetch(ids)],
        per_page=PER_PAGE,
    )


def index_csv(request: HttpRequest) -> StreamingHttpResponse:
    form = DirectoryForm(request.GET)
    ids = directory.search(form.query()) if form.is_valid() else []
    # Up to 35,000 territories: written as they are read.
    return _csv("territoires.csv", directory.fetch_all(ids))


def _csv(filename: str, territoires: Iterable[Territoire]) -> StreamingHttpResponse:
    header = [header for _key, header in CSV_COLUMNS]
    rows = (csv_row(territoire_data(t)) for t in territoires)
    return csv_streaming_response(filename, header, rows)


def _listed_children(territoire: Territoire):
    """The children the page lists in full: the first kind under this territory."""
    kinds = directory.CHILD_KINDS.get(territoire.kind, ())
    return kinds, (directory.children(territoire, kinds[0]) if kinds else [])


def detail(request: HttpRequest, uid: str) -> HttpResponse:
    moved = _former_address(request, "detail", uid)
    if moved:
        return moved
    territoire = get_territoire(uid)
    kinds, listed_all = _listed_children(territoire)
    title = _("%(name)s (%(kind)s)") % {
        "name": territoire.name,
        "kind": territoire.get_kind_display(),
    }
    context = {
        "territoire": territoire,
        "title": title,
        "counts": {kind: directory.children(territoire, kind).count() for kind in kinds},
        "listed_kind": kinds[0] if kinds else None,
        "children": listed_all,
    }
    if territoire.kind == territoire.Kind.DEPARTEMENT:
        # A département has hundreds of communes: its EPCI in full, its communes by page.
        communes = directory.children(territoire, territoire.Kind.COMMUNE)
        context["communes_page"] = Paginator(communes, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "territoires/detail.html", context)


def detail_json(request: HttpRequest, uid: str) -> HttpResponse:
    territoire = get_territoire(uid)
    data = territoire_data(territoire)
    data["children"] = [child_data(child) for child in _listed_children(territoire)[1]]
    data["children_count"] = len(data["children"])
    return json_response(data)


def detail_csv(request: HttpRequest, uid: str) -> StreamingHttpResponse:
    """The territory's line, then one line per child its page lists, as in the directory."""
    territoire = get_territoire(uid)
    children = _listed_children(territoire)[1]
    ids = [child.pk for child in children]
    rows = [territoire, *directory.fetch_all(ids)]
    return _csv(f"{territoire.uid}.csv", rows)
