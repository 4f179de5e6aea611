"""API endpoints of the diagnostics app, mounted under /api/v1/diagnostics/ by balises.api.urls.

Campaigns and results are read under the same rules as the pages (members; the public once
results are published, aggregated levels only). A member who is a respondent reads and writes
their own answers (token or session). Errors answer in French: 404 for what the caller cannot
see, 403 for a role too weak, 409 for an answer that can no longer change, 422 for bad values.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from balises.core.api.auth import OptionalAuth, token_or_session
from balises.core.api.schemas import ERRORS, Page, PageQuery
from balises.core.pagination import envelope, paginate
from balises.diagnostics import services
from balises.diagnostics.models import Appreciation, Campagne
from balises.diagnostics.policies import CAMPAGNE, get_own_repondant
from balises.diagnostics.presenters.results import results_data
from balises.diagnostics.results import campaign_results
from balises.diagnostics.schemas import AnswerIn, AnswerOut, CampagneOut, ResultsOut, Submitted
from balises.espaces.permissions import get_espace_for_user

router = Router(tags=["diagnostics"])


def _campagne_out(campagne: Campagne) -> dict:
    return {
        "id": campagne.pk,
        "title": campagne.title,
        "referentiel": {"slug": campagne.referentiel.slug, "version": campagne.referentiel.version},
        "starts_on": campagne.starts_on,
        "ends_on": campagne.ends_on,
        "status": campagne.status,
        "results_published": campagne.results_published,
        "elements": [element.code for element in campagne.elements.all()],
    }


def _answer_out(appreciation: Appreciation) -> dict:
    return {
        "element": appreciation.element.code,
        "key": appreciation.element.key,
        "level": appreciation.level,
        "dont_know": appreciation.dont_know,
        "justification": appreciation.justification,
        "evidence": [action.pk for action in appreciation.evidence.all()],
        "status": appreciation.status,
        "submitted_at": appreciation.submitted_at,
    }


@router.get(
    "/espaces/{slug}/campagnes",
    response={200: Page[CampagneOut], **ERRORS},
    auth=OptionalAuth(),
    summary="Campagnes d'auto-diagnostic d'un espace",
)
def campagne_list(request: HttpRequest, slug: str, paging: Query[PageQuery]):
    espace = get_espace_for_user(request, slug)
    campagnes = CAMPAGNE.visible(request.user, espace).select_related("referentiel")
    page = paginate(campagnes.prefetch_related("elements"), paging.wanted())
    return envelope(page, [_campagne_out(c) for c in page.items])


@router.get(
    "/espaces/{slug}/campagnes/{pk}",
    response={200: CampagneOut, **ERRORS},
    auth=OptionalAuth(),
    summary="Une campagne",
)
def campagne_detail(request: HttpRequest, slug: str, pk: int):
    campagne = CAMPAGNE.get(request, get_espace_for_user(request, slug), pk)
    return _campagne_out(campagne)


@router.get(
    "/espaces/{slug}/campagnes/{pk}/resultats",
    response={200: ResultsOut, **ERRORS},
    auth=OptionalAuth(),
    summary="Résultats agrégés d'une campagne",
)
def campagne_results(request: HttpRequest, slug: str, pk: int):
    campagne = CAMPAGNE.get(request, get_espace_for_user(request, slug), pk)
    results = campaign_results(request.user, campagne, details=False)
    return results_data(results)


def _own(request: HttpRequest, slug: str, pk: int):
    espace = get_espace_for_user(request, slug, private=True)
    return get_own_repondant(request, CAMPAGNE.get(request, espace, pk))


@router.get(
    "/espaces/{slug}/campagnes/{pk}/mes-reponses",
    response={200: Page[AnswerOut], **ERRORS},
    auth=token_or_session,
    summary="Mes réponses à une campagne",
)
def my_answers(request: HttpRequest, slug: str, pk: int, paging: Query[PageQuery]):
    repondant = _own(request, slug, pk)
    appreciations = repondant.appreciations.select_related("element").prefetch_related("evidence")
    page = paginate(appreciations, paging.wanted())
    return envelope(page, [_answer_out(a) for a in page.items])


@router.put(
    "/espaces/{slug}/campagnes/{pk}/mes-reponses/{code}",
    response={200: AnswerOut, **ERRORS},
    auth=token_or_session,
    summary="Enregistrer ma réponse sur un élément (brouillon)",
)
def save_my_answer(request: HttpRequest, slug: str, pk: int, code: str, payload: AnswerIn):
    repondant = _own(request, slug, pk)
    element = repondant.campagne.elements.filter(code=code).first()
    if element is None:
        raise HttpError(404, _("Cet élément n'est pas évalué par cette campagne."))
    try:
        appreciation = services.save_answer(
            repondant,
            element,
            level=payload.level,
            dont_know=payload.dont_know,
            justification=payload.justification,
            evidence_ids=payload.evidence,
            author=request.user,  # type: ignore[arg-type]
        )
    except services.DiagnosticError as error:
        status = 409 if _is_state(repondant, element) else 422
        raise HttpError(status, str(error)) from None
    return _answer_out(appreciation)


def _is_state(repondant, element) -> bool:
    """Whether a refusal comes from the state of things (closed, submitted) rather than the
    values sent."""
    try:
        services.check_can_answer(repondant)
    except services.DiagnosticError:
        return True
    return repondant.appreciations.filter(element=element, status="submitted").exists()


@router.post(
    "/espaces/{slug}/campagnes/{pk}/soumission",
    response={200: Submitted, **ERRORS},
    auth=token_or_session,
    summary="Soumettre mes réponses (elles sont ensuite verrouillées)",
)
def submit_my_answers(request: HttpRequest, slug: str, pk: int):
    repondant = _own(request, slug, pk)
    try:
        count = services.submit_answers(repondant, author=request.user)  # type: ignore[arg-type]
    except services.DiagnosticError as error:
        raise HttpError(409, str(error)) from None
    return {"submitted": count}
