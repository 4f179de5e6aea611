"""API endpoints of territory spaces, mounted under /api/v1/espaces/ by balises.api.urls."""

from datetime import datetime
from typing import Annotated

from django.db.models import Count
from django.http import HttpRequest
from ninja import Query, Router, Schema

from balises.core.api.auth import OptionalAuth, token_or_session
from balises.core.api.choices import choices_of
from balises.core.api.schemas import Page, PageQuery, per_page_field
from balises.core.pagination import envelope, paginate
from balises.territoires.models import Territoire

from .models.espace import Espace, Role
from .models.visibility import Visibility
from .permissions import get_espace_for_user

router = Router(tags=["espaces"])


class EspaceTerritoire(Schema):
    uid: str
    kind: Annotated[str, choices_of(Territoire.Kind)]
    code: str
    name: str


class EspaceOut(Schema):
    slug: str
    name: str
    territoire: EspaceTerritoire
    is_verified: bool
    is_demo: bool
    created_at: datetime
    default_visibility: Annotated[str, choices_of(Visibility)]
    members_count: int


class EspacePaging(PageQuery):
    per_page: int = per_page_field(50)


class MemberOut(Schema):
    name: str
    email: str
    role: Annotated[str, choices_of(Role)]
    since: datetime


def _out(espace: Espace, members_count: int) -> dict:
    territoire = espace.territoire
    return {
        "slug": espace.slug,
        "name": espace.name,
        "territoire": {
            "uid": territoire.uid,
            "kind": territoire.kind,
            "code": territoire.code,
            "name": territoire.name,
        },
        "is_verified": espace.is_verified,
        "is_demo": espace.is_demo,
        "created_at": espace.created_at,
        "default_visibility": espace.default_visibility,
        "members_count": members_count,
    }


@router.get(
    "/",
    response=Page[EspaceOut],
    auth=OptionalAuth(),
    summary="Espaces des territoires",
    description="Les espaces ouverts, avec leur territoire et leur statut de vérification.",
)
def list_espaces(request: HttpRequest, paging: Query[EspacePaging]):
    espaces = (
        Espace.objects.visible_to(request.user)
        .select_related("territoire")
        .annotate(n_members=Count("adhesions"))
        .order_by("territoire__name", "slug")
    )
    page = paginate(espaces, paging.wanted())
    return envelope(page, [_out(e, e.n_members) for e in page.items])


@router.get(
    "/{slug}",
    response=EspaceOut,
    auth=OptionalAuth(),
    summary="Un espace",
)
def espace_detail(request: HttpRequest, slug: str):
    espace = get_espace_for_user(request, slug)
    return _out(espace, espace.adhesions.count())


@router.get(
    "/{slug}/membres",
    response=Page[MemberOut],
    auth=token_or_session,
    summary="Membres d'un espace",
    description="Réservé aux membres de l'espace ; 404 pour les autres.",
)
def espace_members(request: HttpRequest, slug: str, paging: Query[PageQuery]):
    espace = get_espace_for_user(request, slug, private=True)
    adhesions = espace.adhesions.select_related("user").order_by("user__email", "pk")
    page = paginate(adhesions, paging.wanted())
    return envelope(page, [_member(adhesion) for adhesion in page.items])


def _member(adhesion) -> dict:
    return {
        "name": adhesion.user.display_name,
        "email": adhesion.user.email,
        "role": adhesion.role,
        "since": adhesion.created_at,
    }
