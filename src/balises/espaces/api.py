"""API endpoints of territory spaces, mounted under /api/v1/espaces/ by balises.api.urls."""

from datetime import datetime

from django.db.models import Count
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from balises.core.api.auth import OptionalAuth, token_or_session

from .models.espace import Espace
from .permissions import get_espace_for_user

router = Router(tags=["espaces"])


class TerritoireRef(Schema):
    uid: str
    kind: str
    code: str
    name: str


class EspaceOut(Schema):
    slug: str
    name: str
    territoire: TerritoireRef
    is_verified: bool
    is_demo: bool
    created_at: datetime
    default_visibility: str
    members_count: int


class EspaceList(Schema):
    total: int
    limit: int
    offset: int
    items: list[EspaceOut]


class Paging(Schema):
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0)


class MemberOut(Schema):
    name: str
    email: str
    role: str
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
    response=EspaceList,
    auth=OptionalAuth(),
    summary="Espaces des territoires",
    description="Les espaces ouverts, avec leur territoire et leur statut de vérification.",
)
def list_espaces(request: HttpRequest, paging: Query[Paging]):
    limit, offset = paging.limit, paging.offset
    espaces = (
        Espace.objects.visible_to(request.user)
        .select_related("territoire")
        .annotate(n_members=Count("adhesions"))
        .order_by("territoire__name", "slug")
    )
    page = espaces[offset : offset + limit]
    return {
        "total": espaces.count(),
        "limit": limit,
        "offset": offset,
        "items": [_out(espace, espace.n_members) for espace in page],  # type: ignore[attr-defined]
    }


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
    response=list[MemberOut],
    auth=token_or_session,
    summary="Membres d'un espace",
    description="Réservé aux membres de l'espace ; 404 pour les autres.",
)
def espace_members(request: HttpRequest, slug: str):
    espace = get_espace_for_user(request, slug, private=True)
    return [
        {
            "name": a.user.display_name,
            "email": a.user.email,
            "role": a.role,
            "since": a.created_at,
        }
        for a in espace.adhesions.select_related("user").order_by("user__email")
    ]
