"""Bench scenario of the inter-service dashboard and the cooperation network.

A child process migrates a temporary SQLite database, fills one space with 2,000 actions,
500 actors, 10,000 contributions and 4,000 participations (``populate``, also used by the
query-count tests), then requests the dashboard and the network pages as a member and as an
anonymous visitor, and reports the server time (p95) and the number of SQL queries.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date
from decimal import Decimal

from balises.core.bench import BenchContext, Result, scenario
from balises.core.bench.isolated import p95, prepare_child_database, run_child, time_pages

BUDGET_MS = 150.0
PAGES = ("tableau-de-bord/", "reseau/")
KINDS = (
    "elu",
    "service",
    "habitant",
    "association",
    "entreprise",
    "partenaire_public",
    "recherche",
)
LEVELS = ("information", "consultation", "concertation", "co_construction", "co_production")
ROLES = ("porteur", "pilote", "partenaire", "financeur", "beneficiaire", "contributeur")
THEMES = ("energie", "alimentation", "mobilite", "habitat", "biodiversite", "democratie")
NATURES = (("temps", "heures"), ("temps", "etp"), ("argent", "euros"), ("en_nature", "m2"))


def populate(espace, actors: int, actions: int, contributions: int, participations: int) -> None:
    """Fill a space with deterministic random records, in bulk (no history: a load test)."""
    from balises.cooperation.models import Acteur, Contribution, Participation
    from balises.trajectoires.models import Action

    rng = random.Random(42)
    made_actions = Action.objects.bulk_create(
        Action(
            espace=espace,
            title=f"Projet {i:04d}",
            visibility=rng.choice(["prive", "public"]),
            start=date(2010 + i % 12, 1 + i % 12, 1),
            themes=[rng.choice(THEMES)],  # type: ignore[misc]
        )
        for i in range(actions)
    )
    made_actors = Acteur.objects.bulk_create(
        Acteur(
            espace=espace,
            name=f"Acteur {i:04d}",
            folded_name=f"acteur {i:04d}",
            kind=KINDS[i % len(KINDS)],
            visibility=rng.choice(["prive", "reseau", "public"]),
        )
        for i in range(actors)
    )

    # Actors work in small circles of projects, as in a real territory.
    def pick(i: int) -> tuple:
        actor = made_actors[i % len(made_actors)]
        span = max(len(made_actions) // 40, 1)
        action = made_actions[(actor.pk * 7 + rng.randrange(span)) % len(made_actions)]
        return actor, action

    rows = []
    for i in range(contributions):
        actor, action = pick(i)
        nature, unit = NATURES[i % len(NATURES)]
        rows.append(
            Contribution(
                action=action,
                acteur=actor,
                nature=nature,
                unit=unit,
                amount=Decimal(rng.randrange(1, 400)) / (100 if unit == "etp" else 1),
                period_start=date(2012 + i % 12, 1 + i % 12, 1),
                period_kind="month" if i % 3 else "year",
            )
        )
    Contribution.objects.bulk_create(rows, batch_size=2000)
    seen = set()
    links = []
    for i in range(participations):
        actor, action = pick(i * 13 + 5)
        role = ROLES[i % len(ROLES)]
        if (actor.pk, action.pk, role) in seen:
            continue
        seen.add((actor.pk, action.pk, role))
        links.append(
            Participation(action=action, acteur=actor, role=role, level=LEVELS[i % len(LEVELS)])
        )
    Participation.objects.bulk_create(links, batch_size=2000)


def _child(repeat: int) -> dict:
    prepare_child_database()
    from django.test import Client

    from balises.core.models import User
    from balises.espaces.models import Adhesion, Espace
    from balises.territoires.models import Territoire

    territoire = Territoire.objects.create(
        kind="commune", code="99999", name="Bench", search_name="bench"
    )
    espace = Espace.objects.create(territoire=territoire, slug="bench")
    user = User.objects.create_user(email="bench@example.org")
    Adhesion.objects.create(espace=espace, user=user, role="lecteur")
    started = time.perf_counter()
    populate(espace, actors=500, actions=2000, contributions=10_000, participations=4000)
    result: dict = {"populate_s": time.perf_counter() - started, "pages": {}}
    member, anonymous = Client(), Client()
    member.force_login(user)
    urls = {page: f"/espaces/bench/cooperation/{page}" for page in PAGES}
    clients = {"membre": member, "anonyme": anonymous}
    result["pages"] = time_pages(urls, clients, repeat)
    return result


@scenario(
    "cooperation-tableau-de-bord",
    "Tableau de bord inter-services et réseau de coopération d'un espace de 2 000 actions, "
    "500 acteurs et 10 000 contributions (SQLite) : temps serveur p95 et requêtes SQL",
)
def dashboard_bench(context: BenchContext) -> list[Result]:
    repeat = 3 if context.quick else max(5, context.repeat * 4)
    measured = run_child("balises.cooperation.bench", repeat)
    results = []
    for label, page in measured["pages"].items():
        p95_ms = p95(page["timings"])
        results.append(
            Result(
                samples=page["timings"],
                unit="ms",
                label=label,
                budget=f"p95 < {BUDGET_MS:.0f} ms",
                within_budget=p95_ms < BUDGET_MS,
                notes=f"p95 {p95_ms:.0f} ms ; {page['queries']} requêtes SQL ; "
                f"remplissage {measured['populate_s']:.0f} s ; médiane "
                f"{statistics.median(page['timings']):.0f} ms",
            )
        )
    return results
