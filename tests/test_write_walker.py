"""THE WRITE WALKER: no one changes what their role does not let them change.

HTML: the walker GETs every page of space A the référent (alice) sees (the addresses of the URL
walker, tests/test_access_walker.py), reads every POST form on them and fills it as a person
would. Each form is then sent by people who may not write there — anonymous, bob (lecteur of
A), dana (référent of B), erin (a contributor removed from A) and a staff member of no space —
and must be refused (login redirect, 403 or 404) with the database unchanged (row counts and a
digest of every table). Last, the same payload is sent by the one who may write, inside a
rolled-back transaction: it must change the database, which proves the refusals above were
refusals and not bad payloads. Every route whose view handles POST must be walked, or be listed
in NOT_WALKED with the reason.

API: every mutating operation of the OpenAPI document (POST, PUT, PATCH, DELETE) is sent with
the body of API_WRITES by anonymous, a revoked token, bob, dana, erin and staff (their own
tokens) and must answer 401, 403 or 404 with the database unchanged; then by its rightful
caller, whose call must change the database (rolled back).
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from balises.core.tokens import create_token, revoke_token
from balises.diagnostics.models import Repondant
from balises.diagnostics.services import save_answer
from balises.espaces import services as espaces_services
from balises.espaces.models import Adhesion, Role
from balises.referentiels.models import Referentiel
from balises.trajectoires.models import Action
from balises.trajectoires.services import update_action
from tests.test_access_walker import Samples, iter_patterns, make_samples, planned_visits
from tests.walkers.digest import changes, database_state
from tests.walkers.forms import Form, fill, parse_forms

pytestmark = pytest.mark.django_db

REFUSERS = ("anonymous", "bob", "dana", "erin", "staff")
LOGIN = "/comptes/login/"

# Routes whose view handles POST but that the walker does not send, each with the reason.
NOT_WALKED: dict[str, str] = {
    "comptes/": "allauth's own account flows (sign-up, login, e-mail, password): each person "
    "acts on their own account; tests/core/test_accounts_*.py",
    "i18n/setlang/": "language switch: a cookie, no database write",
    "admin/": "Django admin: staff with model permissions only (docs/access-rules.md)",
    "compte/": "one's own account (name, tokens, deletion): tests/core/test_tokens*.py and "
    "test_accounts_delete.py",
    "espaces/ouvrir/": "any signed-in person may open the space of a territory that has none; "
    "tests/espaces/test_open.py",
    "espaces/invitation/<str:token>/": "accepting an invitation is for whoever holds its secret "
    "link; tests/espaces/test_invitation.py",
    "espaces/<slug:slug>/quitter/": "leaving is for members themselves (bob may leave A); "
    "tests/espaces/test_members.py",
    "espaces/<slug:slug>/diagnostics/repondre/<str:token>/": "answering through a secret link "
    "is for whoever holds it; tests/diagnostics/test_answer_page.py",
    "espaces/<slug:slug>/diagnostics/repondre/<str:token>/soumettre/": "submitting through a "
    "secret link is for whoever holds it; tests/diagnostics/test_answer_page.py",
    "espaces/<slug:slug>/trajectoire/import/": "a spreadsheet upload (multipart file); refusals "
    "are in tests/trajectoires/test_import.py",
    "espaces/<slug:slug>/trajectoire/import/apercu/": "confirms an upload kept in the session "
    "of the person who sent it; tests/trajectoires/test_import.py",
    "recherche/": "a search form, no write",
}


def _campaign_form(s: Samples) -> str:
    # Without a référentiel of the Villes pairs family, the page asks to choose one first.
    referentiel = Referentiel.objects.get(
        slug=s.referentiel["slug"], version=s.referentiel["version"]
    )
    return f"/espaces/{s.slug_a}/diagnostics/nouvelle/?referentiel={referentiel.pk}"


# Pages read for their forms besides those of the URL walker.
MORE_PAGES: list[Callable[[Samples], str]] = [_campaign_form]

# Whose forms are read, in this order: a route's writer is the first who sees its form (the
# référent of A; bob for his own answers as a respondent; staff for verification).
DISCOVERERS = ("alice", "bob", "staff")

# Values a form needs beyond what the generic filling types in.
FORM_VALUES: dict[str, Callable[[Samples], dict]] = {
    "espaces/<slug:slug>/membres/inviter/": lambda s: {
        "email": "nouvelle-walker@example.org",
        "role": "lecteur",
    },
    "espaces/<slug:slug>/confier/": lambda s: {"email": "alice@example.org"},
    "espaces/<slug:slug>/membres/<int:pk>/role/": lambda s: {"role": "contributeur"},
    "espaces/<slug:slug>/cooperation/participations/nouvelle/": lambda s: {
        "action": s.trajectoire["actions"][2],
        "acteur": s.cooperation["acteurs"][2],
    },
    "espaces/<slug:slug>/cooperation/contributions/nouvelle/": lambda s: {
        "action": s.trajectoire["actions"][2],
        "acteur": s.cooperation["acteurs"][2],
    },
    "espaces/<slug:slug>/cooperation/acteurs/<int:pk>/fusionner/": lambda s: {
        "absorb": s.cooperation["acteurs"][1]
    },
    "espaces/<slug:slug>/diagnostics/<int:pk>/repondants/ajouter/": lambda s: {
        "member": Adhesion.objects.get(user__email="charlie@example.org").user_id
    },
    "espaces/<slug:slug>/trajectoire/actions/<int:pk>/elements/": lambda s: {
        "element": s.trajectoire["element_id"]
    },
    "espaces/<slug:slug>/trajectoire/actions/<int:pk>/liens/": lambda s: {
        "target": s.trajectoire["actions"][1],
        "kind": "entraine",
    },
}


def _handles_post(callback) -> bool:
    view = inspect.unwrap(callback)
    if getattr(callback, "csrf_exempt", False) and "ninja" in type(callback).__module__:
        return False
    try:
        source = inspect.getsource(view)
    except (OSError, TypeError):
        return False
    return "POST" in source


def _matches(route: str, table: dict[str, str]) -> bool:
    return route in table or any(
        route.startswith(p)
        for p in table
        if p.endswith("/") and (p in ("comptes/", "admin/", "compte/"))
    )


def post_routes() -> set[str]:
    """Routes of HTML views that handle POST (the API is walked from its OpenAPI document)."""
    return {
        route
        for route, pattern, _regex in iter_patterns()
        if not route.startswith("api/") and _handles_post(pattern.callback)
    }


@dataclass
class Principals:
    clients: dict[str, Client]
    tokens: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def walk(espace_a, espace_b, alice, bob, charlie, dana, make_user):
    samples = make_samples(espace_a, espace_b, alice)
    public = Action.objects.get(pk=samples.trajectoire["actions"][2])
    update_action(public, alice, {"summary": "Deuxième version"}, public.version)
    # bob's draft answer to the private campaign of A, for his submission to write something.
    repondant = Repondant.objects.get(campagne_id=samples.diagnostics["campagnes_a"][0], user=bob)
    save_answer(repondant, repondant.campagne.elements.first(), level=1, justification="")
    staff = make_user("staff-writer@example.org", is_staff=True)
    erin = make_user("erin@example.org", name="Erin")
    adhesion = Adhesion.objects.create(espace=espace_a, user=erin, role=Role.CONTRIBUTEUR)
    espaces_services.remove_member(espace_a, alice, adhesion)
    users = {"alice": alice, "bob": bob, "dana": dana, "erin": erin, "staff": staff}
    clients = {"anonymous": Client(raise_request_exception=False)}
    tokens = {}
    for name, user in users.items():
        clients[name] = Client(raise_request_exception=False)
        clients[name].force_login(user)
        tokens[name] = create_token(user, f"write-walker-{name}")[1]
    revoked, raw = create_token(alice, "write-walker-revoked")
    revoke_token(revoked)
    tokens["revoked"] = raw
    return samples, Principals(clients, tokens)


# -- HTML ------------------------------------------------------------------------------------


def _route_of(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def discovered_forms(samples: Samples, client: Client) -> dict[str, list[tuple[str, Form]]]:
    """route → [(address the form posts to, form)] for every POST form this person sees on
    the pages of space A."""
    found: dict[str, list[tuple[str, Form]]] = {}
    seen_actions = set()
    extra = [(None, page(samples)) for page in MORE_PAGES]
    for _route, address in [*planned_visits(samples), *extra]:
        if f"/{samples.slug_b}/" in address or address.startswith("/api/"):
            continue
        response = client.get(address)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = urlparse(address).path
        for form in parse_forms(response.content.decode()):
            action = urlparse(form.action).path or page
            route = _route_of(action)
            if route is None or (action, route) in seen_actions:
                continue
            seen_actions.add((action, route))
            found.setdefault(route, []).append((action, form))
    return found


# The record a route's form acts on, when the first one found is not the right one.
FORM_TARGET: dict[str, Callable[[Samples], str]] = {
    # bob's membership: changing alice's role would leave A without a référent.
    "espaces/<slug:slug>/membres/<int:pk>/role/": lambda s: f"/membres/{s.bob_adhesion_a}/role/",
}


def _pick(
    route: str, candidates: list[tuple[str, Form]], dana: Client, samples: Samples
) -> tuple[str, Form]:
    """The form whose page an outsider can also see, when there is one: its refusal must then
    come from the role, not from the record being invisible."""
    if route in FORM_TARGET:
        end = FORM_TARGET[route](samples)
        return next((a, f) for a, f in candidates if a.endswith(end))
    for action, form in candidates:
        if dana.get(action).status_code == 200:
            return action, form
    return candidates[0]


def _refused(role: str, response) -> bool:
    if role == "anonymous" and response.status_code == 302:
        return response["Location"].startswith(LOGIN)
    return response.status_code in (403, 404, 405)


def _send_as_writer(client: Client, send: Callable) -> tuple[int, list[str]]:
    before = database_state()
    with transaction.atomic():
        response = send(client)
        written = changes(before, database_state())
        transaction.set_rollback(True)
    assert database_state() == before
    return response.status_code, written


def test_every_post_form_is_refused_to_who_may_not_write_and_accepted_from_who_may(walk):
    samples, principals = walk
    clients = principals.clients
    forms: dict[str, tuple[str, list[tuple[str, Form]]]] = {}
    for discoverer in DISCOVERERS:
        for route, found in discovered_forms(samples, clients[discoverer]).items():
            forms.setdefault(route, (discoverer, found))
    problems, ineffective = [], []
    for route, (writer, candidates) in sorted(forms.items()):
        if _matches(route, NOT_WALKED):
            continue
        action, form = _pick(route, candidates, clients["dana"], samples)
        payload = fill(form, FORM_VALUES.get(route, lambda s: {})(samples))
        for role in (*REFUSERS, "alice"):
            if role == writer:
                continue
            before = database_state()
            response = clients[role].post(action, payload)
            written = changes(before, database_state())
            if written:
                problems.append(f"{role} POST {action} ({route}) wrote: {', '.join(written)}")
            elif role != "alice" and not _refused(role, response):
                problems.append(f"{role} POST {action} ({route}) → {response.status_code}")

        def send(client, action=action, payload=payload):
            return client.post(action, payload)

        status, written = _send_as_writer(clients[writer], send)
        if not written:
            ineffective.append(f"{writer} POST {action} ({route}) → {status}, nothing written")
    assert not problems, "WRITES BY WHO MAY NOT WRITE:\n  " + "\n  ".join(problems)
    assert not ineffective, (
        "These payloads change nothing even for who may write, so their refusals prove "
        "nothing: give the route its values in FORM_VALUES:\n  " + "\n  ".join(ineffective)
    )
    walked = set(forms)
    unwalked = sorted(r for r in post_routes() if r not in walked and not _matches(r, NOT_WALKED))
    assert not unwalked, (
        "Views that handle POST but whose form no page of space A shows to its référent: "
        "make the walker reach them or list them in NOT_WALKED with the reason:\n  "
        + "\n  ".join(unwalked)
    )


def test_the_write_walker_sees_the_forms_of_every_app(walk):
    samples, principals = walk
    routes = set(discovered_forms(samples, principals.clients["alice"]))
    for part in ("/trajectoire/", "/cooperation/", "/diagnostics/", "membres"):
        assert any(part in route for route in routes), part
    assert len(routes) > 40


def test_stale_entries_of_the_write_walker_tables_fail():
    routes = {route for route, _pattern, _regex in iter_patterns()}
    for table in (NOT_WALKED, FORM_VALUES, FORM_TARGET):
        stale = [r for r in table if r not in routes and not r.endswith("/")]
        stale += [r for r in table if r.endswith("/") and not any(x.startswith(r) for x in routes)]
        assert not stale, stale


# -- API -------------------------------------------------------------------------------------


@dataclass
class ApiWrite:
    path: Callable[[Samples], str]
    body: Callable[[Samples], dict | None] = lambda s: None
    writer: str = "alice"


def _a(s: Samples) -> str:
    return s.slug_a


def _public(s: Samples, key: str) -> int:
    """The public sample of space A (the last of the three visibilities)."""
    return s.trajectoire[key][2] if key in s.trajectoire else s.cooperation[key][2]


T = "/api/v1/trajectoires"
C = "/api/v1/cooperation"
D = "/api/v1/diagnostics/espaces"


def _action_version(s: Samples) -> dict:
    action = Action.objects.get(pk=_public(s, "actions"))
    return {"title": "Écriture walker", "version": action.version}


API_WRITES: dict[str, ApiWrite] = {
    "POST /api/v1/trajectoires/{slug}/actions": ApiWrite(
        lambda s: f"{T}/{_a(s)}/actions", lambda s: {"title": "Écriture walker"}
    ),
    "PATCH /api/v1/trajectoires/{slug}/actions/{pk}": ApiWrite(
        lambda s: f"{T}/{_a(s)}/actions/{_public(s, 'actions')}", _action_version
    ),
    "DELETE /api/v1/trajectoires/{slug}/actions/{pk}": ApiWrite(
        lambda s: f"{T}/{_a(s)}/actions/{_public(s, 'actions')}"
    ),
    "POST /api/v1/trajectoires/{slug}/actions/{pk}/liens": ApiWrite(
        lambda s: f"{T}/{_a(s)}/actions/{_public(s, 'actions')}/liens",
        lambda s: {"target": s.trajectoire["actions"][1], "kind": "prolonge"},
    ),
    "DELETE /api/v1/trajectoires/{slug}/liens/{pk}": ApiWrite(
        lambda s: f"{T}/{_a(s)}/liens/{s.trajectoire['lien']}"
    ),
    "POST /api/v1/trajectoires/{slug}/actions/{pk}/elements": ApiWrite(
        lambda s: f"{T}/{_a(s)}/actions/{_public(s, 'actions')}/elements",
        lambda s: {"element": s.trajectoire["element_id"], "justification": "walker"},
    ),
    "DELETE /api/v1/trajectoires/{slug}/elements/{pk}": ApiWrite(
        lambda s: f"{T}/{_a(s)}/elements/{s.trajectoire['element']}"
    ),
    "POST /api/v1/trajectoires/{slug}/actions/{pk}/sources": ApiWrite(
        lambda s: f"{T}/{_a(s)}/actions/{_public(s, 'actions')}/sources",
        lambda s: {"url": "https://example.org/walker", "title": "Source walker"},
    ),
    "POST /api/v1/cooperation/{slug}/acteurs": ApiWrite(
        lambda s: f"{C}/{_a(s)}/acteurs", lambda s: {"kind": "association", "name": "Walker"}
    ),
    "DELETE /api/v1/cooperation/{slug}/acteurs/{pk}": ApiWrite(
        lambda s: f"{C}/{_a(s)}/acteurs/{_public(s, 'acteurs')}"
    ),
    "POST /api/v1/cooperation/{slug}/participations": ApiWrite(
        lambda s: f"{C}/{_a(s)}/participations",
        lambda s: {
            "action_id": _public(s, "actions"),
            "acteur_id": _public(s, "acteurs"),
            "level": "consultation",
            "role": "porteur",
        },
    ),
    "POST /api/v1/cooperation/{slug}/contributions": ApiWrite(
        lambda s: f"{C}/{_a(s)}/contributions",
        lambda s: {
            "action_id": _public(s, "actions"),
            "acteur_id": _public(s, "acteurs"),
            "nature": "temps",
            "amount": "3",
            "unit": "heures",
            "period": "2020",
        },
    ),
    "POST /api/v1/cooperation/{slug}/acteurs/{pk}/fusion": ApiWrite(
        lambda s: f"{C}/{_a(s)}/acteurs/{_public(s, 'acteurs')}/fusion",
        lambda s: {"absorb_id": s.cooperation["acteurs"][1]},
    ),
    "DELETE /api/v1/cooperation/{slug}/participations/{pk}": ApiWrite(
        lambda s: f"{C}/{_a(s)}/participations/{_public(s, 'participations')}"
    ),
    "DELETE /api/v1/cooperation/{slug}/contributions/{pk}": ApiWrite(
        lambda s: f"{C}/{_a(s)}/contributions/{_public(s, 'contributions')}"
    ),
    # bob answers the private campaign of A, where he is a respondent.
    "PUT /api/v1/diagnostics/espaces/{slug}/campagnes/{pk}/mes-reponses/{code}": ApiWrite(
        lambda s: (
            f"{D}/{_a(s)}/campagnes/{s.diagnostics['campagnes_a'][0]}/mes-reponses/"
            f"{s.diagnostics['element']}"
        ),
        lambda s: {"level": 1, "justification": "walker"},
        writer="bob",
    ),
    "POST /api/v1/diagnostics/espaces/{slug}/campagnes/{pk}/soumission": ApiWrite(
        lambda s: f"{D}/{_a(s)}/campagnes/{s.diagnostics['campagnes_a'][0]}/soumission",
        writer="bob",
    ),
    # One's own account: any signed-in person, no one else.
    "POST /api/v1/moi": ApiWrite(lambda s: "/api/v1/moi", lambda s: {"name": "Walker"}),
}
for _kind, _body in (
    ("evenements", {"title": "Walker", "kind": "crise", "date": "2020"}),
    ("phases", {"name": "Walker", "start": "2020"}),
    ("sauts", {"title": "Walker", "date": "2020"}),
):
    API_WRITES[f"POST {T}/{{slug}}/{_kind}"] = ApiWrite(
        lambda s, k=_kind: f"{T}/{_a(s)}/{k}", lambda s, b=_body: b
    )
    API_WRITES[f"PATCH {T}/{{slug}}/{_kind}/{{pk}}"] = ApiWrite(
        lambda s, k=_kind: f"{T}/{_a(s)}/{k}/{_public(s, k)}", lambda s: {"description": "W"}
    )
    API_WRITES[f"DELETE {T}/{{slug}}/{_kind}/{{pk}}"] = ApiWrite(
        lambda s, k=_kind: f"{T}/{_a(s)}/{k}/{_public(s, k)}"
    )

# Operations whose refusals differ: « moi » is everyone's own account.
OWN_ACCOUNT = {"POST /api/v1/moi"}


def api_write_operations() -> list[str]:
    from balises.api.urls import api

    schema = api.get_openapi_schema()
    return sorted(
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    )


def test_every_mutating_api_operation_is_in_the_write_walker():
    operations = api_write_operations()
    missing = [op for op in operations if op not in API_WRITES]
    stale = [op for op in API_WRITES if op not in operations]
    assert not missing, "Add these operations to API_WRITES:\n  " + "\n  ".join(missing)
    assert not stale, "No such operation any more:\n  " + "\n  ".join(stale)


def _api(client: Client, token: str | None, method: str, path: str, body: dict | None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    data = json.dumps(body) if body is not None else None
    return getattr(client, method.lower())(
        path, data=data, content_type="application/json", **headers
    )


def test_every_mutating_api_operation_is_refused_to_who_may_not_write(walk):
    samples, principals = walk
    anonymous = principals.clients["anonymous"]
    problems, ineffective = [], []
    for operation, write in sorted(API_WRITES.items()):
        method = operation.split()[0]
        path, body = write.path(samples), write.body(samples)
        callers = [("anonymous", None), ("revoked", principals.tokens["revoked"])]
        if operation not in OWN_ACCOUNT:
            callers += [(r, principals.tokens[r]) for r in ("bob", "dana", "erin", "staff")]
            callers += [("alice", principals.tokens["alice"])] if write.writer != "alice" else []
        for role, token in callers:
            if role == write.writer:
                continue
            before = database_state()
            response = _api(anonymous, token, method, path, body)
            written = changes(before, database_state())
            expected = (401,) if role in ("anonymous", "revoked") else (403, 404)
            if written:
                problems.append(f"{role} {method} {path} wrote: {', '.join(written)}")
            elif response.status_code not in expected:
                problems.append(f"{role} {method} {path} → {response.status_code} {expected}")

        def send(client, token=principals.tokens[write.writer], m=method, p=path, b=body):
            return _api(client, token, m, p, b)

        status, written = _send_as_writer(anonymous, send)
        if not written or status >= 300:
            ineffective.append(f"{write.writer} {method} {path} → {status}, wrote {written}")
    assert not problems, "API WRITES BY WHO MAY NOT WRITE:\n  " + "\n  ".join(problems)
    assert not ineffective, (
        "These bodies change nothing even for who may write: fix them in API_WRITES:\n  "
        + "\n  ".join(ineffective)
    )


def test_the_anonymous_principal_is_not_signed_in(walk):
    _samples, principals = walk
    response = principals.clients["anonymous"].get("/api/v1/")
    assert response.json()["authenticated"] is False
    assert AnonymousUser().is_authenticated is False
