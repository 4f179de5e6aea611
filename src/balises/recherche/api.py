"""API endpoints of the recherche app, mounted under /api/v1/ by balises.api.urls."""

from django.http import HttpRequest
from ninja import Query, Router

from balises.core.api.auth import OptionalAuth
from balises.core.pagination import ListPage, envelope

from . import services
from .schemas import SearchFilters, SearchResultsOut

router = Router(tags=["recherche"])


@router.get(
    "/",
    response=SearchResultsOut,
    auth=OptionalAuth(),
    summary="Recherche plein texte",
    description=(
        "Documents contenant tous les mots cherchés (sans tenir compte des accents, des "
        "majuscules ni des pluriels), les plus pertinents d'abord, parmi ceux que l'appelant "
        "peut voir : publics pour tous, « réseau » pour les comptes, privés pour les membres."
    ),
)
def search(request: HttpRequest, filters: Query[SearchFilters]):
    wanted = filters.wanted()
    found = services.search(
        filters.q,
        user=request.user,
        kinds=filters.kind or None,
        limit=wanted.per_page,
        offset=wanted.offset,
        prefix=filters.prefix,
    )
    page = ListPage(found.total, wanted.number, wanted.per_page, found.hits)
    return envelope(page, page.items) | {
        "query": found.query,
        "count_is_exact": found.total_is_exact,
    }
