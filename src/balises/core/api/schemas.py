"""Schemas shared by every router: errors, deletions and the paginated list envelope."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from ninja import Field, Schema

from balises.core.pagination import (
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_PER_PAGE,
    PageRequest,
    page_from_offset,
)

T = TypeVar("T")


class Error(Schema):
    """Every refusal: ``{"detail": "…"}`` in French (422 may add ``errors``)."""

    detail: str


class Deleted(Schema):
    detail: str


# The responses every space endpoint may give besides its success.
ERRORS: dict[int, type[Schema]] = {401: Error, 403: Error, 404: Error, 409: Error, 422: Error}


class Page(Schema, Generic[T]):
    """The envelope of every list (see balises.core.pagination): ``Page[ActeurOut]``."""

    count: int = Field(description="Nombre d'éléments de la liste, toutes pages confondues")
    page: int = Field(description="Numéro de cette page, à partir de 1")
    pages: int = Field(description="Nombre de pages (au moins 1)")
    per_page: int = Field(description="Éléments par page")
    results: list[T]


def per_page_field(default: int = DEFAULT_PER_PAGE, maximum: int = MAX_PER_PAGE) -> Any:
    """``per_page`` with a list's own default: ``per_page: int = per_page_field(25)``."""
    return Field(default, ge=1, le=maximum, description="Éléments par page")


class PageQuery(Schema):
    """The page asked for. Lists with a different page size override ``per_page``."""

    page: int = Field(1, ge=1, le=MAX_PAGE, description="Numéro de page, à partir de 1")
    per_page: int = per_page_field()
    limit: int | None = Field(
        None, ge=1, le=MAX_PER_PAGE, description="Ancien nom de `per_page`, toujours accepté"
    )
    offset: int | None = Field(
        None,
        ge=0,
        le=MAX_PAGE * MAX_PER_PAGE,
        description="Ancien paramètre, toujours accepté : rang du premier élément, multiple de "
        "la taille de page ; préférez `page`",
    )

    def filter_values(self) -> dict[str, Any]:
        """A subclass's own fields (its filters), without the page."""
        return self.dict(exclude=set(PageQuery.model_fields))

    def wanted(self) -> PageRequest:
        """The page, `per_page` and `page` winning over their older names when both are given.

        Raises PageError (answered 422) for an offset inside a page."""
        given = self.model_fields_set
        size = self.limit if self.limit is not None and "per_page" not in given else self.per_page
        if self.offset is not None and "page" not in given:
            return PageRequest(page_from_offset(self.offset, size), size)
        return PageRequest(self.page, size)
