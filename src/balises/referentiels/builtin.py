"""Loading the référentiels shipped with Balises (called by `balises setup`)."""

from pathlib import Path

import yaml

from .models import Referentiel
from .services import import_referentiel

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_builtin(path: Path) -> Referentiel | None:
    """Import `path` as a built-in référentiel unless its slug and version are already there.

    Reads only the header first (with the C parser when available), so that running setup
    again costs a few milliseconds.
    """
    text = path.read_text(encoding="utf-8")
    header = (yaml.load(text, Loader=_Loader) or {}).get("referentiel") or {}  # noqa: S506
    slug, version = header.get("slug"), str(header.get("version", ""))
    if Referentiel.objects.filter(slug=slug, version=version).exists():
        return None
    return import_referentiel(path, "canonical", text=text, is_builtin=True).referentiel
