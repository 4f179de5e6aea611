"""JSON twins of the pages: one way to answer, and the list envelope of balises.core.pagination.

Accents are written as they are (« é », not « \\u00e9 »): the twins are read by people as much
as by programs, and the body is UTF-8 as JSON requires.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse

from .pagination import DEFAULT_PER_PAGE, PageError, envelope, paginate, read_page


def json_response(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data, status=status, safe=isinstance(data, dict), json_dumps_params={"ensure_ascii": False}
    )


def page_error_response(error: PageError) -> JsonResponse:
    """400 with the French message, shaped like the twins' other refusals."""
    return json_response({"detail": str(error), "errors": {error.field: [str(error)]}}, status=400)


def json_page(
    request: HttpRequest,
    items: QuerySet | Sequence,
    rows: Callable[[list], list],
    *,
    per_page: int = DEFAULT_PER_PAGE,
) -> JsonResponse:
    """The envelope of one page of ``items`` (``page`` and ``per_page`` from the query string);
    ``rows`` turns the page's items into plain data, all at once so that it can load what they
    share in one query. 400 on a bad page number or size."""
    try:
        wanted = read_page(request.GET, per_page=per_page)
    except PageError as error:
        return page_error_response(error)
    page = paginate(items, wanted)
    return json_response(envelope(page, rows(page.items)))
