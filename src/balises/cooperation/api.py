"""API endpoints of the cooperation app, mounted under /api/v1/cooperation/ by balises.api.urls."""

from ninja import Router

router = Router(tags=["cooperation"])
