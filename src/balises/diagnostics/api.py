"""API endpoints of the diagnostics app, mounted under /api/v1/diagnostics/ by balises.api.urls."""

from ninja import Router

router = Router(tags=["diagnostics"])
