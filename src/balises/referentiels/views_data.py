"""JSON and CSV twins of the référentiel pages, and file exports."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from balises.core.csv_export import csv_response
from balises.core.json_export import json_page, json_response

from . import presenters, queries, services
from .permissions import get_element_or_404, get_referentiel_or_404


@require_GET
def index_json(request: HttpRequest) -> HttpResponse:
    referentiels = queries.referentiel_list(request.user)
    return json_page(
        request, referentiels, lambda page: [presenters.referentiel_summary(r) for r in page]
    )


@require_GET
def index_csv(request: HttpRequest) -> HttpResponse:
    # The list of référentiels is a table for spreadsheets, unlike the référentiel export below
    # (generic CSV, an interchange format read back by the importer, with its own dialect).
    header = ["slug", "version", "title_fr", "title_en", "licence", "elements", "url"]
    body = (
        [r.slug, r.version, r.title_fr, r.title_en, r.licence, r.element_count,  # type: ignore[attr-defined]
         request.build_absolute_uri(presenters.referentiel_url(r))]
        for r in queries.referentiel_list(request.user)
    )  # fmt: skip
    return csv_response("referentiels.csv", header, body)


@require_GET
def detail_json(request: HttpRequest, slug: str, version: str) -> HttpResponse:
    referentiel = get_referentiel_or_404(slug, version, request.user)
    return json_response(presenters.referentiel_detail(queries.tree_data(referentiel)))


@require_GET
def export(request: HttpRequest, slug: str, version: str, format: str) -> HttpResponse:
    """The whole référentiel in one of our export formats (the CSV twin of the page too)."""
    if format not in services.EXPORT_FORMATS:
        raise Http404("format inconnu")
    referentiel = get_referentiel_or_404(slug, version, request.user)
    content_type, extension = services.EXPORT_FORMATS[format]
    response = HttpResponse(services.export_referentiel(referentiel, format), content_type)
    filename = f"{referentiel.slug}-{referentiel.version}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def element_json(request: HttpRequest, slug: str, version: str, code: str) -> HttpResponse:
    referentiel = get_referentiel_or_404(slug, version, request.user)
    data = queries.element_data(get_element_or_404(referentiel, code))
    return json_response(presenters.element_detail(data))


@require_GET
def diff_json(request: HttpRequest, slug: str, old: str, new: str) -> HttpResponse:
    before = get_referentiel_or_404(slug, old, request.user)
    after = get_referentiel_or_404(slug, new, request.user)
    data: dict[str, object] = {"referentiel": slug, "old": old, "new": new}
    data |= services.diff_versions(before, after).as_dict()
    return json_response(data)
