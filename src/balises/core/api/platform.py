"""Endpoints of the platform itself: the API's state and the authenticated account."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest
from ninja import Field, Router, Schema

from balises import __version__
from balises.core.models import User

from .auth import OptionalAuth, token_or_session
from .schemas import Error

router = Router(tags=["plateforme"])


class Me(Schema):
    email: str
    name: str
    is_staff: bool


class Status(Schema):
    version: str
    authenticated: bool


class MeUpdate(Schema):
    name: str = Field(max_length=150, description="Nom affiché ; vide pour afficher l'adresse.")


@router.get("/", response=Status, auth=OptionalAuth(), summary="État de l'API")
def status(request: HttpRequest):
    return {"version": __version__, "authenticated": request.user.is_authenticated}


@router.get("/moi", response=Me, auth=token_or_session, summary="Le compte authentifié")
def me(request: HttpRequest):
    return request.user


@router.post(
    "/moi",
    response={200: Me, 401: Error, 403: Error, 422: Error},
    auth=token_or_session,
    summary="Changer son nom affiché",
)
def update_me(request: HttpRequest, payload: MeUpdate):
    user = cast(User, request.user)  # token_or_session let only signed-in users through
    user.name = payload.name.strip()
    user.save(update_fields=["name"])
    return user
