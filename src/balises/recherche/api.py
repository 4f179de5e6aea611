"""API endpoints of the recherche app, mounted under /api/v1/ by balises.api.urls."""

from ninja import Router

router = Router(tags=["recherche"])
