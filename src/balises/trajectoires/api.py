"""API endpoints of trajectories, mounted under /api/v1/trajectoires/ by balises.api.urls."""

from ninja import Router

router = Router(tags=["trajectoires"])
