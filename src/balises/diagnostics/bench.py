"""Bench scenario of a campaign's results: 30 respondents (five per viewpoint) × 23 balises.

A child process migrates a temporary SQLite database, loads Villes pairs, fills one space with
a published campaign, 690 submitted answers citing actions, 200 actions linked to balises and
dispositifs, and an earlier campaign (for the evolution), then requests the results page, its
JSON twin and the printable report as a member and as an anonymous visitor. It reports the
server time (p95) and the number of SQL queries, which must not depend on the respondents.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date

from balises.core.bench import BenchContext, Result, scenario
from balises.core.bench.isolated import p95, prepare_child_database, run_child, time_pages

BUDGET_MS = 150.0
RESPONDENTS = 30
PAGES = ("resultats/", "resultats.json", "rapport/")
STATUSES = ("idee", "preparation", "en_cours", "realisee", "pause", "abandonnee")


def populate(campagne, respondents: int, actions: int, seed: int = 42) -> None:
    """Deterministic answers and actions, in bulk (no history: a load test)."""
    from django.utils import timezone

    from balises.diagnostics.models import Appreciation, Repondant, Viewpoint
    from balises.referentiels.models import Element
    from balises.trajectoires.models import Action, ActionElement

    rng = random.Random(seed)
    espace = campagne.espace
    balises = list(campagne.elements.order_by("position"))
    dispositifs = list(
        Element.objects.filter(referentiel=campagne.referentiel, kind__code="dispositif")
    )
    made = Action.objects.bulk_create(
        Action(
            espace=espace,
            title=f"Action {i:03d}",
            status=rng.choice(STATUSES),
            visibility=rng.choice(["prive", "public"]),
            recit_effets="Effets" if i % 3 == 0 else "",
            recit_enseignements="Leçons" if i % 2 == 0 else "",
        )
        for i in range(actions)
    )
    links = {(a.pk, rng.choice(balises + dispositifs).pk) for a in made for _ in range(2)}
    ActionElement.objects.bulk_create(ActionElement(action_id=a, element_id=e) for a, e in links)
    viewpoints = list(Viewpoint.values)
    repondants = Repondant.objects.bulk_create(
        Repondant(
            campagne=campagne,
            name=f"Répondant {i}",
            email=f"r{i}@example.org",
            viewpoint=viewpoints[i % len(viewpoints)],
        )
        for i in range(respondents)
    )
    now = timezone.now()
    answers = Appreciation.objects.bulk_create(
        Appreciation(
            repondant=r,
            element=b,
            level=None if rng.random() < 0.05 else rng.randint(0, 4),
            dont_know=False,
            justification=f"Justification {i}",
            status="submitted",
            submitted_at=now,
        )
        for i, r in enumerate(repondants)
        for b in balises
    )
    for a in answers:
        a.dont_know = a.level is None
    Appreciation.objects.bulk_update(answers, ["dont_know"])
    through = Appreciation.evidence.through
    through.objects.bulk_create(
        through(appreciation_id=a.pk, action_id=rng.choice(made).pk)
        for a in answers
        if made and rng.random() < 0.5
    )


def _child(repeat: int) -> dict:
    prepare_child_database()
    from django.test import Client

    from balises.core.models import User
    from balises.diagnostics import services
    from balises.espaces.models import Adhesion, Espace
    from balises.referentiels.apps import BUILTIN_FILES
    from balises.referentiels.builtin import load_builtin
    from balises.territoires.models import Territoire

    load_builtin(BUILTIN_FILES[0])
    territoire = Territoire.objects.create(
        kind="commune", code="99999", name="Bench", search_name="bench"
    )
    espace = Espace.objects.create(territoire=territoire, slug="bench")
    user = User.objects.create_user(email="bench@example.org")
    Adhesion.objects.create(espace=espace, user=user, role="referent")
    campagnes = []
    for year in (2024, 2026):
        campagne = services.create_campagne(
            espace, user, title=f"Campagne {year}", starts_on=date(year, 1, 1),
            ends_on=date(year, 3, 1),
        )  # fmt: skip
        services.set_status(campagne, user, "closed")
        services.set_published(campagne, user, True)
        campagnes.append(campagne)
    started = time.perf_counter()
    populate(campagnes[0], RESPONDENTS, 0, seed=7)
    populate(campagnes[1], RESPONDENTS, 200)
    result: dict = {"populate_s": time.perf_counter() - started, "pages": {}}
    member, anonymous = Client(), Client()
    member.force_login(user)
    urls = {page: f"/espaces/bench/diagnostics/{campagnes[1].pk}/{page}" for page in PAGES}
    clients = {"membre": member, "anonyme": anonymous}
    result["pages"] = time_pages(urls, clients, repeat)
    return result


@scenario(
    "diagnostics-resultats",
    "Résultats d'une campagne d'auto-diagnostic, 30 répondants × 23 balises, 200 actions "
    "(SQLite) : temps serveur p95 et requêtes SQL",
)
def results_bench(context: BenchContext) -> list[Result]:
    repeat = 3 if context.quick else max(5, context.repeat * 4)
    measured = run_child("balises.diagnostics.bench", repeat)
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
                f"remplissage {measured['populate_s']:.1f} s ; médiane "
                f"{statistics.median(page['timings']):.0f} ms",
            )
        )
    return results
