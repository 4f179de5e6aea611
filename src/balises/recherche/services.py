"""Index and search documents: the operations every app, view, API and command calls.

index_document("action", "42", title="Rénovation des écoles", body="…",
               url="/actions/42/", visibility="prive", espace_id=7)
remove_document("action", "42")
page = search("économies d'énergie", user=request.user, kinds=["action"], limit=20)
for hit in page.hits: hit.title, hit.snippet_html, hit.url, hit.score
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from balises.core.progress import ProgressCallback

from . import registry
from .backends import Entry, get_backend
from .highlight import snippet_html
from .models import Document, Visibility
from .permissions import Access, document_access
from .query import ParsedQuery, parse_query

MAX_LIMIT = 100
BATCH_SIZE = 500


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: str
    title: str
    snippet_html: str  # escaped HTML; matching words wrapped in <mark>
    url: str
    score: float  # relevance, higher is better; the order of the hits is the ranking


@dataclass(frozen=True)
class SearchPage:
    hits: list[Hit]
    total: int  # matching documents the user may see, all pages together (see total_is_exact)
    query: str
    limit: int = 20
    offset: int = 0
    terms: tuple[str, ...] = field(default=())  # the words actually searched
    total_is_exact: bool = True  # False: there are more than `total` matches

    @property
    def has_next(self) -> bool:
        if not self.total_is_exact:
            return len(self.hits) == self.limit
        return self.offset + len(self.hits) < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


def entry(document: Document) -> Entry:
    """What the full-text backends index of a document."""
    return Entry(
        document.pk,
        document.kind,
        document.title,
        document.body,
        document.visibility,
        document.espace_id,
    )


def _check_visibility(visibility: str, espace_id: int | None) -> None:
    if visibility not in Visibility.values:
        raise ValueError(f"visibilité inconnue : {visibility!r}")
    if visibility == Visibility.PRIVE and espace_id is None:
        raise ValueError("un document privé doit appartenir à un espace")


@transaction.atomic
def index_document(
    kind: str,
    object_id: str | int,
    *,
    title: str,
    body: str = "",
    url: str = "",
    visibility: str = Visibility.PUBLIC,
    espace_id: int | None = None,
    language: str = "fr",
) -> Document:
    """Add or replace the document (kind, object_id) in the index."""
    _check_visibility(visibility, espace_id)
    document, _ = Document.objects.update_or_create(
        kind=kind,
        object_id=str(object_id),
        defaults={
            "title": title[:500],
            "body": body,
            "url": url,
            "visibility": visibility,
            "espace_id": espace_id,
            "language": language,
        },
    )
    with connection.cursor() as cursor:
        get_backend(connection).upsert(cursor, [entry(document)])
    return document


@transaction.atomic
def remove_document(kind: str, object_id: str | int) -> bool:
    """Take (kind, object_id) out of the index; False when it was not there."""
    deleted, _ = Document.objects.filter(kind=kind, object_id=str(object_id)).delete()
    return bool(deleted)


def index_documents(
    kind: str,
    documents: Iterable[Mapping[str, Any]],
    *,
    total: int | None = None,
    progress: ProgressCallback | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> int:
    """Replace every document of `kind` by `documents` (dicts of `index_document` arguments).

    Runs in one transaction: readers see the old index until the new one is complete.
    Returns the number of documents indexed.
    """
    count = 0
    with transaction.atomic(using=using):
        Document.objects.using(using).filter(kind=kind).delete()
        batch: list[Document] = []
        for values in documents:
            values = dict(values)
            values.pop("kind", None)
            _check_visibility(values.get("visibility", "public"), values.get("espace_id"))
            values["object_id"] = str(values["object_id"])
            values["title"] = values["title"][:500]
            batch.append(Document(kind=kind, **values))
            if len(batch) >= BATCH_SIZE:
                count += _insert(batch, using)
                batch = []
                if progress:
                    progress(count, total, kind)
        count += _insert(batch, using)
    if progress:
        progress(count, count, kind)
    return count


def _insert(batch: list[Document], using: str) -> int:
    if not batch:
        return 0
    # Both supported databases return the new ids from a bulk insert.
    created = Document.objects.using(using).bulk_create(batch)
    with connections[using].cursor() as cursor:
        get_backend(connections[using]).upsert(cursor, [entry(document) for document in created])
    return len(created)


def reindex(kind: str | None = None, progress: ProgressCallback | None = None) -> dict[str, int]:
    """Rebuild the documents of one registered kind, or of all, from their providers.

    Returns the number of documents indexed per kind.
    """
    if kind is None:
        selected = registry.providers()
    elif (provider := registry.get(kind)) is not None:
        selected = [provider]
    else:
        known = ", ".join(p.kind for p in registry.providers()) or "aucun"
        raise ValueError(f"type de document inconnu : {kind!r} (types connus : {known})")
    return {
        provider.kind: index_documents(
            provider.kind,
            provider.iter_documents(),
            total=provider.count() if provider.count else None,
            progress=progress,
        )
        for provider in selected
    }


def search(
    query: str,
    *,
    user: Any,
    kinds: Iterable[str] | None = None,
    limit: int = 20,
    offset: int = 0,
    prefix: bool = False,
) -> SearchPage:
    """The documents matching every word of `query` that `user` may see, best first.

    Any text is accepted: it is reduced to plain words, never interpreted as an expression.
    `prefix` also matches words starting with the last word typed (for search-as-you-type).
    """
    return search_with_access(
        query,
        document_access(user),
        kinds=kinds,
        limit=limit,
        offset=offset,
        prefix=prefix,
    )


def search_with_access(
    query: str,
    access: Access,
    *,
    kinds: Iterable[str] | None = None,
    limit: int = 20,
    offset: int = 0,
    prefix: bool = False,
    using: str = DEFAULT_DB_ALIAS,
) -> SearchPage:
    """`search` for an already computed `Access` (benchmarks, tasks acting for nobody)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    parsed = parse_query(query, prefix=prefix)
    kinds = tuple(sorted(set(kinds or ())))
    with connections[using].cursor() as cursor:
        found = get_backend(connections[using]).search(cursor, parsed, access, kinds, limit, offset)
    documents = Document.objects.using(using).in_bulk([r.document_id for r in found.ranked])
    hits = [
        _hit(documents[r.document_id], r.score, parsed)
        for r in found.ranked
        if r.document_id in documents
    ]
    return SearchPage(hits, found.total, parsed.text, limit, offset, parsed.words, found.exact)


def _hit(document: Document, score: float, parsed: ParsedQuery) -> Hit:
    prefix = parsed.stems[-1] if parsed.prefix else None
    snippet = snippet_html(document.body or document.title, parsed.stems, prefix)
    return Hit(document.kind, document.object_id, document.title, snippet, document.url, score)
