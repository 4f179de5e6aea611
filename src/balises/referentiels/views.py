"""Pages of the référentiels: list, tree with search, element, comparison of versions."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import queries, services, tree
from .permissions import get_element_or_404, get_referentiel_or_404

EXPORT_LABELS = {"yaml": "YAML", "json": "JSON", "csv": "CSV", "ttl": "SKOS Turtle",
                 "jsonld": "SKOS JSON-LD"}  # fmt: skip


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    referentiels = queries.referentiel_list(request.user)
    return render(request, "referentiels/index.html", {"referentiels": referentiels})


@require_GET
def latest(request: HttpRequest, slug: str) -> HttpResponse:
    referentiel = get_referentiel_or_404(slug, None, request.user)
    return redirect("referentiels:detail", referentiel.slug, referentiel.version)


@require_GET
def detail(request: HttpRequest, slug: str, version: str) -> HttpResponse:
    referentiel = get_referentiel_or_404(slug, version, request.user)
    query = request.GET.get("q", "").strip()[:200]
    data = queries.tree_data(referentiel, with_text=bool(query))
    context = {
        "referentiel": referentiel,
        "data": data,
        "query": query,
        "results": tree.search(data.elements, query) if query else None,
        "can_edit": services.can_edit(referentiel, request.user),
        "export_labels": EXPORT_LABELS,
    }
    return render(request, "referentiels/detail.html", context)


@require_GET
def element(request: HttpRequest, slug: str, version: str, code: str) -> HttpResponse:
    referentiel = get_referentiel_or_404(slug, version, request.user)
    data = queries.element_data(get_element_or_404(referentiel, code))
    context = {"referentiel": referentiel, "data": data, "element": data.element}
    return render(request, "referentiels/element.html", context)


@require_GET
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    """The form of the référentiel page: two versions chosen, their comparison shown."""
    referentiel = get_referentiel_or_404(slug, None, request.user)
    old = get_referentiel_or_404(slug, request.GET.get("old") or "", request.user)
    new = get_referentiel_or_404(slug, request.GET.get("new") or referentiel.version, request.user)
    return redirect("referentiels:diff", slug, old.version, new.version)


@require_GET
def diff(request: HttpRequest, slug: str, old: str, new: str) -> HttpResponse:
    before = get_referentiel_or_404(slug, old, request.user)
    after = get_referentiel_or_404(slug, new, request.user)
    changes = services.diff_versions(before, after)
    sections = [
        ("added", _("Ajoutés"), changes.added),
        ("removed", _("Retirés"), changes.removed),
        ("moved", _("Déplacés"), changes.moved),
        ("reworded", _("Reformulés"), changes.reworded),
    ]
    context = {"referentiel": after, "before": before, "after": after, "changes": changes,
               "sections": sections}  # fmt: skip
    return render(request, "referentiels/diff.html", context)
