"""Which apps provide documents to the index, so the whole index can be rebuilt from them.

An app registers each kind it indexes once, usually in its AppConfig.ready():

    from balises.recherche import registry

    registry.register("action", _("Action"), iter_action_documents, count=count_actions)

`iter_documents()` yields dicts of `services.index_document` keyword arguments plus
`object_id` (the kind comes from the registration):
    {"object_id": 42, "title": "…", "body": "…", "url": "/…/", "visibility": "prive",
     "espace_id": 7}
`count()`, optional, returns how many it will yield, for progress bars.
The label names the kind on the search page ("Action", "Élément de référentiel"…).
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class Provider:
    kind: str
    label: str | Promise
    iter_documents: Callable[[], Iterable[Mapping[str, Any]]]
    count: Callable[[], int] | None = None


_providers: dict[str, Provider] = {}


def register(
    kind: str,
    label: str | Promise,
    iter_documents: Callable[[], Iterable[Mapping[str, Any]]],
    *,
    count: Callable[[], int] | None = None,
) -> Provider:
    """Declare (or redeclare, e.g. in tests) the provider of documents of `kind`."""
    if not kind or len(kind) > 40:
        raise ValueError(f"type de document invalide : {kind!r}")
    provider = Provider(kind, label, iter_documents, count)
    _providers[kind] = provider
    return provider


def unregister(kind: str) -> None:
    _providers.pop(kind, None)


def providers() -> list[Provider]:
    return sorted(_providers.values(), key=lambda provider: provider.kind)


def get(kind: str) -> Provider | None:
    return _providers.get(kind)


def kind_labels() -> dict[str, str | Promise]:
    """Labels of the registered kinds, for filters and result badges."""
    return {provider.kind: provider.label for provider in providers()}
