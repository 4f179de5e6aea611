"""API endpoints of the recherche app, mounted under /api/v1/ by balises.api.urls."""

from django.http import HttpRequest
from ninja import Query, Router

from balises.core.api.auth import OptionalAuth

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
    page = services.search(
        filters.q,
        user=request.user,
        kinds=filters.kind or None,
        limit=filters.limit,
        offset=filters.offset,
        prefix=filters.prefix,
    )
    return {
        "query": page.query,
        "total": page.total,
        "total_is_exact": page.total_is_exact,
        "limit": page.limit,
        "offset": page.offset,
        "hits": page.hits,
    }
