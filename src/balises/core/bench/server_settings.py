"""Settings of the throwaway benchmark server: production settings, static files not compressed.

Pre-compressing static files (gzip and brotli, a minute of CPU for the API documentation's
source maps) changes nothing to the HTML pages measured, so the bench server skips it; file
names stay hashed through the manifest as in production.
"""

from balises.settings import *  # noqa: F403
from balises.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
