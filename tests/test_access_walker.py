"""THE URL WALKER: every URL pattern of the project, requested by every role, must not leak.

The walker resolves the whole urlconf, fills each pattern's parameters from the table WALK
(sample objects: space A with private, réseau and public records, space B, a job, a token…),
GETs every address as anonymous, alice (référent of A), bob (lecteur of A), charlie
(contributeur of A) and dana (référent of B, outsider of A), and fails when a page shows a
marker to a role that may not see it, or answers with a server error.

A new pattern without parameters is walked automatically. A new pattern WITH parameters makes
this test fail until it is added to WALK (how to fill its parameters), PUBLIC_PATTERNS (public
reference data only, with the reason) or EXCLUDED (with the reason). Entries naming a pattern
that no longer exists fail too. See docs/access-rules.md, "Adding a URL pattern".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, resolve
from django.urls.resolvers import RegexPattern

from balises.core.jobs import Job
from balises.core.tokens import create_token
from balises.espaces import services as services_espaces
from balises.espaces.models import Role, Visibility
from balises.recherche import services as recherche
from balises.referentiels import services as referentiels
from tests.cooperation.walker import cooperation_walk, make_cooperation_samples
from tests.diagnostics.walker import diagnostics_walk, make_diagnostics_samples

pytestmark = pytest.mark.django_db

# "staff" is a staff account that is member of no space: it must see no private record.
ROLES = ("anonymous", "alice", "bob", "charlie", "dana", "staff")
MEMBERS_OF_A = frozenset({"alice", "bob", "charlie"})
SIGNED_IN = frozenset({"alice", "bob", "charlie", "dana", "staff"})
REFERENTIEL_FILE = Path(__file__).parent / "referentiels" / "data" / "mini.yaml"


@dataclass(frozen=True)
class Marker:
    """A text that only ``allowed`` roles may ever see, on any page."""

    text: str
    allowed: frozenset[str]
    what: str


@dataclass
class Visit:
    kwargs: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)


@dataclass
class Samples:
    slug_a: str
    slug_b: str
    uid_a: str
    uid_b: str
    bob_adhesion_a: int
    invitation_a: int
    invitation_token_a: str
    job_alice: str
    token_alice: int
    referentiel: dict
    search_words: list[str]
    markers: list[Marker]
    trajectoire: dict = field(default_factory=dict)
    diagnostics: dict = field(default_factory=dict)
    cooperation: dict = field(default_factory=dict)


def make_samples(espace_a, espace_b, alice) -> Samples:
    """Private, réseau and public records of space A (and one private record of B)."""
    invitation, token = services_espaces.invite(
        espace_a, alice, "invitee-a@example.org", Role.LECTEUR
    )
    job = Job.objects.create(kind="walker", label="Export walker-job-7d1e", user=alice)
    # Référentiels are public reference data: walked to check they show no space data.
    mini = referentiels.import_referentiel(REFERENTIEL_FILE).referentiel
    referentiels.derive_version(mini, "2")
    api_token, _raw = create_token(alice, "walker-token-5c2a")
    markers = [
        Marker("bob@example.org", MEMBERS_OF_A, "member list of A"),
        Marker("charlie@example.org", MEMBERS_OF_A, "member list of A"),
        Marker("invitee-a@example.org", frozenset({"alice"}), "pending invitation of A"),
        # Staff follow every background job (balises.core.jobs), by design.
        Marker("walker-job-7d1e", frozenset({"alice", "staff"}), "alice's background job"),
        Marker("walker-token-5c2a", frozenset({"alice"}), "alice's API token"),
    ]
    # Search documents stand for the records later apps keep in spaces: the searched word
    # differs from the marker so that a page echoing the query is not taken for a leak.
    words = []
    for word, marker, visibility, espace, allowed in [
        ("zorglubpriva", "secret-prive-a-4821", Visibility.PRIVE, espace_a, MEMBERS_OF_A),
        ("zorglubreseaua", "secret-reseau-a-7390", Visibility.RESEAU, espace_a, SIGNED_IN),
        ("zorglubpublica", "texte-public-a-1155", Visibility.PUBLIC, espace_a, None),
        ("zorglubprivb", "secret-prive-b-2264", Visibility.PRIVE, espace_b, {"dana"}),
    ]:
        recherche.index_document(
            "walker",
            marker,
            title=f"Note {word} {marker}",
            body=f"{word} {marker}",
            url=f"/espaces/{espace.slug}/",
            visibility=visibility,
            espace_id=espace.pk,
        )
        words.append(word)
        what = f"{visibility.label} record of {espace.slug}"
        markers.append(Marker(marker, frozenset(allowed or ("anonymous", *SIGNED_IN)), what))
    trajectoire = make_trajectoire_samples(espace_a, espace_b, alice, mini, markers)
    dana = espace_b.adhesions.get().user
    cooperation, coop_markers = make_cooperation_samples(espace_a, espace_b, alice, dana)
    markers += [Marker(text, allowed, what) for text, allowed, what in coop_markers]
    diagnostics, diag_markers = make_diagnostics_samples(espace_a, espace_b, alice, mini)
    markers += [Marker(text, allowed, what) for text, allowed, what in diag_markers]
    return Samples(
        diagnostics=diagnostics,
        trajectoire=trajectoire,
        cooperation=cooperation,
        slug_a=espace_a.slug,
        slug_b=espace_b.slug,
        uid_a=espace_a.territoire.uid,
        uid_b=espace_b.territoire.uid,
        bob_adhesion_a=espace_a.adhesions.get(user__email="bob@example.org").pk,
        invitation_a=invitation.pk,
        invitation_token_a=token,
        job_alice=str(job.pk),
        token_alice=api_token.pk,
        referentiel={"slug": mini.slug, "version": mini.version, "old": mini.version, "new": "2"},
        search_words=words,
        markers=markers,
    )


def make_trajectoire_samples(espace_a, espace_b, alice, referentiel, markers) -> dict:
    """Actions, events, phases and leaps of A (one per visibility), linked to each other, and
    a private action of B; a deleted private action of A sits in its corbeille."""
    from balises.trajectoires import services as trajectoires

    ids: dict = {"actions": [], "evenements": [], "phases": [], "sauts": []}
    readers = {
        Visibility.PRIVE: MEMBERS_OF_A,
        Visibility.RESEAU: SIGNED_IN,
        Visibility.PUBLIC: frozenset({"anonymous", *SIGNED_IN}),
    }
    actions = []
    for n, visibility in enumerate([Visibility.PRIVE, Visibility.RESEAU, Visibility.PUBLIC]):
        text = f"trajectoire-{visibility}-a-{6100 + n}"
        action = trajectoires.create_action(
            espace_a, alice, {"title": f"Action {text}", "visibility": visibility}
        )
        actions.append(action)
        data = {"visibility": visibility, "date": date(2015, 1, 1), "actions": [action.pk]}
        event = trajectoires.save_evenement(
            espace_a, alice, {**data, "title": f"Événement {text}", "kind": "crise"}
        )
        saut = trajectoires.save_saut(espace_a, alice, {**data, "title": f"Saut {text}"})
        phase = trajectoires.save_phase(
            espace_a,
            alice,
            {"name": f"Phase {text}", "start": date(2015, 1, 1), "visibility": visibility},
        )
        ids["actions"].append(action.pk)
        ids["evenements"].append(event.pk)
        ids["sauts"].append(saut.pk)
        ids["phases"].append(phase.pk)
        markers.append(Marker(text, readers[visibility], f"{visibility.label} trajectory of A"))
    prive, _reseau, public = actions
    # The public action links to the private one: its page must not name it to outsiders.
    ids["lien"] = trajectoires.link_actions(alice, public, prive, "entraine").pk
    ids["element"] = trajectoires.link_element(alice, prive, referentiel.elements.first()).pk
    ids["element_id"] = referentiel.elements.last().pk  # for the write walker to link
    ids["source"] = trajectoires.attach_source(
        alice, prive, "https://example.org/walker", "Source trajectoire-source-a-6201"
    ).pk
    markers.append(Marker("trajectoire-source-a-6201", MEMBERS_OF_A, "source of a private action"))
    ids["history"] = prive.history.first().history_id
    deleted = trajectoires.create_action(
        espace_a, alice, {"title": "Action trajectoire-corbeille-a-6202"}
    )
    ids["deleted"] = deleted.pk
    trajectoires.delete_action(deleted, alice)
    markers.append(Marker("trajectoire-corbeille-a-6202", MEMBERS_OF_A, "deleted action of A"))
    dana = espace_b.adhesions.get().user
    other = trajectoires.create_action(espace_b, dana, {"title": "Action trajectoire-b-6203"})
    ids["actions"].append(other.pk)
    markers.append(Marker("trajectoire-b-6203", frozenset({"dana"}), "private action of B"))
    return ids


def _trajectoire(key: str, name: str = "pk", **extra) -> Callable[[Samples], list[Visit]]:
    """Visits of a space's trajectory page for each sample of `key` (both spaces' slugs)."""

    def visits(s: Samples) -> list[Visit]:
        values = s.trajectoire[key]
        values = values if isinstance(values, list) else [values]
        return [
            Visit({"slug": slug, name: value, **extra})
            for value in values
            for slug in (s.slug_a, s.slug_b)
        ]

    return visits


def _action_and(key: str, name: str) -> Callable[[Samples], list[Visit]]:
    def visits(s: Samples) -> list[Visit]:
        return [
            Visit({"slug": s.slug_a, "pk": pk, name: s.trajectoire[key]})
            for pk in s.trajectoire["actions"][:3]
        ]

    return visits


def _trajectoire_walk() -> dict[str, Callable[[Samples], list[Visit]]]:
    base = "espaces/<slug:slug>/trajectoire/"
    walk: dict[str, Callable[[Samples], list[Visit]]] = {
        base + "import/modele.<str:format>": lambda s: [
            Visit({"slug": slug, "format": f})
            for slug in (s.slug_a, s.slug_b)
            for f in ("csv", "xlsx")
        ],
        base + "actions/corbeille/<int:pk>/retablir/": _trajectoire("deleted"),
        base + "actions/<int:pk>/versions/<int:history_id>/retablir/": _action_and(
            "history", "history_id"
        ),
        base + "actions/<int:pk>/liens/<int:lien_pk>/retirer/": _action_and("lien", "lien_pk"),
        base + "actions/<int:pk>/elements/<int:link_pk>/retirer/": _action_and(
            "element", "link_pk"
        ),
        base + "actions/<int:pk>/sources/<int:source_pk>/retirer/": _action_and(
            "source", "source_pk"
        ),
        "api/v1/trajectoires/<slug>/liens/<pk>": _trajectoire("lien"),
        "api/v1/trajectoires/<slug>/elements/<pk>": _trajectoire("element"),
    }
    for page in ("actions/", "actions.json", "actions.csv", "actions/nouvelle/",
                 "actions/corbeille/", "import/", "import/apercu/"):  # fmt: skip
        walk[base + page] = _both_spaces
    # The views of the trajectory (overview, timeline, graph, coverage) and their twins.
    for page in ("", "frise/", "frise.json", "graphe/", "graphe.json", "couverture/",
                 "couverture.json", "couverture.csv"):  # fmt: skip
        walk[base + page] = _both_spaces
    for page in ("", "action.json", "modifier/", "supprimer/", "liens/", "elements/", "sources/"):
        walk[base + "actions/<int:pk>/" + page] = _trajectoire("actions")
    for kind in ("evenements", "phases", "sauts"):
        walk[base + f"{kind}/"] = _both_spaces
        walk[base + f"{kind}.json"] = _both_spaces
        walk[base + f"{kind}/nouveau/"] = _both_spaces
        for page in ("", "modifier/", "supprimer/"):
            walk[base + f"{kind}/<int:pk>/" + page] = _trajectoire(kind)
        walk[f"api/v1/trajectoires/<slug>/{kind}"] = _both_spaces
        walk[f"api/v1/trajectoires/<slug>/{kind}/<pk>"] = _trajectoire(kind)
    walk["api/v1/trajectoires/<slug>/actions"] = _both_spaces
    for page in ("", "/liens", "/elements", "/sources"):
        walk["api/v1/trajectoires/<slug>/actions/<pk>" + page] = _trajectoire("actions")
    return walk


def _both_spaces(s: Samples) -> list[Visit]:
    return [Visit({"slug": s.slug_a}), Visit({"slug": s.slug_b})]


def _searches(s: Samples) -> list[Visit]:
    return [Visit()] + [Visit(query={"q": word}) for word in s.search_words]


def _job(s: Samples) -> list[Visit]:
    return [Visit({"job_id": s.job_alice})]


def _referentiel(*names: str, **extra) -> Callable[[Samples], list[Visit]]:
    def visits(s: Samples) -> list[Visit]:
        return [Visit({name: s.referentiel[name] for name in names} | extra)]

    return visits


def _exports(s: Samples) -> list[Visit]:
    return [
        Visit({"slug": s.referentiel["slug"], "version": s.referentiel["version"], "format": f})
        for f in referentiels.EXPORT_FORMATS
    ]


# How to fill the parameters of each pattern (route as printed by this test when it fails).
WALK: dict[str, Callable[[Samples], list[Visit]]] = {
    "recherche/": _searches,
    "recherche/resultats.json": _searches,
    "api/v1/recherche/": _searches,
    "territoires/<str:uid>/": lambda s: [Visit({"uid": s.uid_a}), Visit({"uid": s.uid_b})],
    "territoires/<str:uid>/territoire.json": lambda s: [Visit({"uid": s.uid_a})],
    "territoires/<str:uid>/territoire.csv": lambda s: [Visit({"uid": s.uid_a})],
    "api/v1/territoires/<uid>": lambda s: [Visit({"uid": s.uid_a}), Visit({"uid": s.uid_b})],
    "compte/jetons/<int:pk>/revoquer/": lambda s: [Visit({"pk": s.token_alice})],
    "taches/<uuid:job_id>/": _job,
    "taches/<uuid:job_id>/progression/": _job,
    "taches/<uuid:job_id>.json": _job,
    "espaces/invitation/<str:token>/": lambda s: [Visit({"token": s.invitation_token_a})],
    "espaces/<slug:slug>/": _both_spaces,
    "espaces/<slug:slug>.json": _both_spaces,
    "espaces/<slug:slug>/verifier/": _both_spaces,
    "espaces/<slug:slug>/confier/": _both_spaces,
    "espaces/<slug:slug>/membres/": _both_spaces,
    "espaces/<slug:slug>/membres.json": _both_spaces,
    "espaces/<slug:slug>/membres/inviter/": _both_spaces,
    "espaces/<slug:slug>/membres/<int:pk>/role/": lambda s: [
        Visit({"slug": s.slug_a, "pk": s.bob_adhesion_a})
    ],
    "espaces/<slug:slug>/membres/<int:pk>/retirer/": lambda s: [
        Visit({"slug": s.slug_a, "pk": s.bob_adhesion_a})
    ],
    "espaces/<slug:slug>/invitations/<int:pk>/annuler/": lambda s: [
        Visit({"slug": s.slug_a, "pk": s.invitation_a})
    ],
    "espaces/<slug:slug>/quitter/": _both_spaces,
    "espaces/<slug:slug>/parametres/": _both_spaces,
    "api/v1/espaces/<slug>": _both_spaces,
    "api/v1/espaces/<slug>/membres": _both_spaces,
    "referentiels/<slug:slug>/": _referentiel("slug"),
    "referentiels/<slug:slug>/comparer/": _referentiel("slug"),
    "referentiels/<slug:slug>/comparer/<str:old>/<str:new>/": _referentiel("slug", "old", "new"),
    "referentiels/<slug:slug>/comparer/<str:old>/<str:new>/diff.json": _referentiel(
        "slug", "old", "new"
    ),
    "referentiels/<slug:slug>/<str:version>/": _referentiel("slug", "version"),
    "referentiels/<slug:slug>/<str:version>/referentiel.json": _referentiel("slug", "version"),
    "referentiels/<slug:slug>/<str:version>/export.<str:format>": _exports,
    "referentiels/<slug:slug>/<str:version>/elements/<str:code>/": _referentiel(
        "slug", "version", code="H1"
    ),
    "referentiels/<slug:slug>/<str:version>/elements/<str:code>/element.json": _referentiel(
        "slug", "version", code="H1"
    ),
    "api/v1/referentiels/<slug>/<version>/": _referentiel("slug", "version"),
    "api/v1/referentiels/<slug>/<version>/elements/<code>/": _referentiel(
        "slug", "version", code="H1"
    ),
}

WALK.update(_trajectoire_walk())
WALK.update(diagnostics_walk(lambda s: s.slug_a, lambda s: s.slug_b, lambda s: s.diagnostics))

# Public reference pages with no data of any space, whose parameters the walker does not fill.
WALK.update(cooperation_walk(lambda s: s.slug_a, lambda s: s.slug_b, lambda s: s.cooperation))

PUBLIC_PATTERNS: dict[str, str] = {}

# Patterns not walked, each with the reason.
EXCLUDED: dict[str, str] = {
    "comptes/confirm-email/(?P<key>[-:\\w]+)/": (
        "allauth e-mail confirmation keyed by a secret sent by e-mail; shows no space data"
    ),
    "comptes/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/": (
        "allauth password reset keyed by a secret sent by e-mail; shows no space data"
    ),
}

# Whole address prefixes whose patterns WITH parameters are not walked (those without
# parameters still are).
EXCLUDED_PREFIXES: dict[str, str] = {
    "admin/": (
        "Django admin: only staff with model permissions get in (none of the walked roles is "
        "staff); it is an operators' tool outside the space rules, see docs/access-rules.md"
    ),
}

_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")


def iter_patterns(resolver=None, prefix: str = "") -> Iterator[tuple[str, URLPattern, bool]]:
    """(route, pattern, is_regex) for every leaf pattern of the urlconf, includes resolved."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        part = str(pattern.pattern)
        is_regex = isinstance(pattern.pattern, RegexPattern)
        if is_regex:
            part = part.removeprefix("^").removesuffix("\\Z").removesuffix("$")
        if isinstance(pattern, URLResolver):
            for route, leaf, leaf_regex in iter_patterns(pattern, prefix + part):
                yield route, leaf, leaf_regex or is_regex
        else:
            yield prefix + part, pattern, is_regex


def has_parameters(route: str, is_regex: bool) -> bool:
    return bool(_PARAM.search(route)) or (is_regex and "(" in route)


def is_excluded(route: str) -> bool:
    return (
        route in EXCLUDED or route in PUBLIC_PATTERNS or route.startswith(tuple(EXCLUDED_PREFIXES))
    )


def build_path(route: str, is_regex: bool, kwargs: dict) -> str:
    if is_regex:
        route = route.replace("\\", "")
    return "/" + _PARAM.sub(lambda m: str(kwargs[m.group("name")]), route)


def unwalked_patterns(resolver=None) -> list[str]:
    return [
        route
        for route, _pattern, is_regex in iter_patterns(resolver)
        if has_parameters(route, is_regex) and route not in WALK and not is_excluded(route)
    ]


def test_every_pattern_is_walked_or_excluded_with_a_reason():
    unknown = unwalked_patterns()
    assert not unknown, (
        "URL patterns with parameters the walker cannot fill: add each to WALK in "
        "tests/test_access_walker.py (or to PUBLIC_PATTERNS / EXCLUDED with a reason), see "
        "docs/access-rules.md:\n  " + "\n  ".join(unknown)
    )


class _UrlconfWithANewPattern:
    urlpatterns = [
        path("espaces/<slug:slug>/actions/<int:pk>/", lambda request: None),
        path("nouvelle-page/", lambda request: None),
    ]


def test_a_new_pattern_with_parameters_is_reported_until_declared():
    resolver = get_resolver(_UrlconfWithANewPattern)
    assert unwalked_patterns(resolver) == ["espaces/<slug:slug>/actions/<int:pk>/"]


def test_the_walker_tables_name_existing_patterns():
    routes = {route for route, _pattern, _regex in iter_patterns()}
    stale = [r for r in [*WALK, *PUBLIC_PATTERNS, *EXCLUDED] if r not in routes]
    assert not stale, "Remove these entries, no such URL pattern any more: " + ", ".join(stale)
    assert all(reason.strip() for reason in [*PUBLIC_PATTERNS.values(), *EXCLUDED.values()])


def planned_visits(samples: Samples) -> list[tuple[str, str]]:
    """(route, address) of every visit, each address checked to reach its own pattern."""
    visits = []
    seen = set()
    for route, pattern, is_regex in iter_patterns():
        if route in seen:  # the same route registered twice (e.g. the API root)
            continue
        seen.add(route)
        if route in WALK:
            plan = WALK[route](samples)
        elif has_parameters(route, is_regex):
            continue  # excluded with a reason (checked by the test above)
        else:
            plan = [Visit()]
        for visit in plan:
            path = build_path(route, is_regex, visit.kwargs)
            if not is_regex:
                assert resolve(path).func == pattern.callback, f"{path} does not reach {route}"
            visits.append((route, path + ("?" + urlencode(visit.query) if visit.query else "")))
    return visits


def test_no_page_leaks_records_to_roles_that_may_not_see_them(
    espace_a, espace_b, alice, bob, charlie, dana, make_user
):
    samples = make_samples(espace_a, espace_b, alice)
    staff = make_user("staff-walker@example.org", is_staff=True)
    users = {"anonymous": None, "alice": alice, "bob": bob, "charlie": charlie, "dana": dana}
    users["staff"] = staff
    clients = {}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=False)
        if user is not None:
            clients[role].force_login(user)
    visits = planned_visits(samples)
    assert len(visits) > 50

    leaks, errors = [], []
    seen_by: dict[str, set[str]] = {m.text: set() for m in samples.markers}
    for route, address in visits:
        for role in ROLES:
            response = clients[role].get(address)
            if response.status_code >= 500:
                errors.append(f"{role} GET {address} ({route}) → {response.status_code}")
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            content = body.decode("utf-8", errors="replace")
            for marker in samples.markers:
                if marker.text in content:
                    seen_by[marker.text].add(role)
                    if role not in marker.allowed:
                        leaks.append(f"{role} GET {address} shows {marker.what}: {marker.text!r}")
    assert not leaks, "LEAKS:\n  " + "\n  ".join(leaks)
    assert not errors, "Server errors:\n  " + "\n  ".join(errors)
    # The walk must reach pages that do show each marker to someone allowed, otherwise the
    # absence of leaks would prove nothing.
    unseen = [text for text, roles in seen_by.items() if not roles]
    assert not unseen, f"No walked page shows these sample records at all: {unseen}"
