"""Schemas shared by every router: errors, deletions and the paginated list envelope."""

from __future__ import annotations

from ninja import Schema


class Error(Schema):
    """Every refusal: ``{"detail": "…"}`` in French (422 may add ``errors``)."""

    detail: str


class Deleted(Schema):
    detail: str


# The responses every space endpoint may give besides its success.
ERRORS: dict[int, type[Schema]] = {401: Error, 403: Error, 404: Error, 409: Error, 422: Error}
