"""API endpoints of the referentiels app, mounted under /api/v1/ by balises.api.urls.

Référentiels are public: reads need no authentication (a token, when given, must be valid).
"""

from django.http import HttpRequest
from ninja import Query, Router

from balises.core.api.auth import OptionalAuth
from balises.core.api.schemas import Page, PageQuery
from balises.core.pagination import envelope, paginate

from . import presenters, queries
from .permissions import get_element_or_404, get_referentiel_or_404
from .schemas import ElementDetail, ReferentielDetail, ReferentielSummary

router = Router(tags=["referentiels"], auth=OptionalAuth())


@router.get("/", response=Page[ReferentielSummary], summary="Les référentiels (dernières versions)")
def list_referentiels(request: HttpRequest, paging: Query[PageQuery]):
    page = paginate(queries.referentiel_list(request.user), paging.wanted())
    return envelope(page, [presenters.referentiel_summary(r) for r in page.items])


@router.get(
    "/{slug}/{version}/",
    response=ReferentielDetail,
    summary="Un référentiel et son arborescence",
)
def get_referentiel(request: HttpRequest, slug: str, version: str):
    referentiel = get_referentiel_or_404(slug, version, request.user)
    return presenters.referentiel_detail(queries.tree_data(referentiel))


@router.get(
    "/{slug}/{version}/elements/{code}/",
    response=ElementDetail,
    summary="Un élément, ses enfants et ses liens",
)
def get_element(request: HttpRequest, slug: str, version: str, code: str):
    referentiel = get_referentiel_or_404(slug, version, request.user)
    return presenters.element_detail(queries.element_data(get_element_or_404(referentiel, code)))
