"""Cooperation samples and routes for the URL walker (tests/test_access_walker.py).

Space A gets actors, participations, contributions, a collective (with a meeting), a visit
and a reflexive session of each visibility; space B a private actor. The habitant without
consent is public, but its name may only be shown to members of A.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from balises.cooperation import services
from balises.cooperation.models import Collectif, TempsReflexif, Voyage
from balises.espaces.models import Visibility

from .samples import make_action

MEMBERS_OF_A = frozenset({"alice", "bob", "charlie"})
SIGNED_IN = frozenset({"alice", "bob", "charlie", "dana", "staff"})
EVERYONE = frozenset({"anonymous", *SIGNED_IN})
ALLOWED = {
    Visibility.PRIVE: MEMBERS_OF_A,
    Visibility.RESEAU: SIGNED_IN,
    Visibility.PUBLIC: EVERYONE,
}
VISIBILITIES = (Visibility.PRIVE, Visibility.RESEAU, Visibility.PUBLIC)


def make_cooperation_samples(espace_a, espace_b, alice, dana) -> tuple[dict, list[tuple]]:
    """(ids for the routes, markers as (text, allowed roles, what))."""
    ids: dict = {"acteurs": [], "participations": [], "contributions": [], "records": {}}
    markers: list[tuple] = []
    action = make_action(espace_a, alice, "Action publique walker-coop", start=date(2019, 1, 1))
    for visibility in VISIBILITIES:
        text = f"acteur-{visibility}-coop-6{len(markers)}1"
        acteur = services.create_acteur(
            espace_a, alice, {"name": text, "kind": "association", "visibility": visibility}
        )
        markers.append((text, ALLOWED[visibility], f"{visibility} actor of A"))
        ids["acteurs"].append(acteur.pk)
        participation = services.save_participation(
            espace_a,
            alice,
            {"action": action, "acteur": acteur, "level": "concertation", "role": "partenaire"},
        )
        contribution, _w = services.save_contribution(
            espace_a,
            alice,
            {"action": action, "acteur": acteur, "nature": "temps", "amount": "12",
             "unit": "heures", "period_start": date(2019, 3, 1), "period_kind": "month"},
        )  # fmt: skip
        ids["participations"].append(participation.pk)
        ids["contributions"].append(contribution.pk)
    habitant = services.create_acteur(
        espace_a,
        alice,
        {
            "name": "habitant-sans-accord-coop-7731",
            "kind": "habitant",
            "visibility": Visibility.PUBLIC,
        },
    )
    markers.append(("habitant-sans-accord-coop-7731", MEMBERS_OF_A, "unconsented habitant of A"))
    ids["acteurs"].append(habitant.pk)
    services.save_participation(
        espace_a,
        alice,
        {"action": action, "acteur": habitant, "level": "information", "role": "beneficiaire"},
    )
    private_b = services.create_acteur(
        espace_b,
        dana,
        {"name": "acteur-prive-b-coop-7732", "kind": "elu", "visibility": Visibility.PRIVE},
    )
    markers.append(("acteur-prive-b-coop-7732", frozenset({"dana"}), "private actor of B"))
    ids["acteur_b"] = private_b.pk
    for model, field in ((Collectif, "name"), (Voyage, "title"), (TempsReflexif, "title")):
        for visibility in VISIBILITIES:
            text = f"{model.__name__.lower()}-{visibility}-coop-75{len(markers)}"
            data = {field: text, "visibility": visibility, "date": date(2020, 5, 4)}
            record = services.save_record(model, espace_a, alice, data)
            markers.append((text, ALLOWED[visibility], f"{visibility} {model.__name__} of A"))
            ids["records"].setdefault(model.__name__, []).append(record.pk)
    collectif = Collectif.objects.get(pk=ids["records"]["Collectif"][0])  # the private one
    reunion = services.save_reunion(
        collectif, alice, {"date": date(2021, 1, 2), "subject": "reunion-privee-coop-7733"}
    )
    markers.append(("reunion-privee-coop-7733", MEMBERS_OF_A, "meeting of a private collective"))
    ids["reunion"] = (collectif.pk, reunion.pk)
    return ids, markers


def cooperation_walk(slug_a: Callable, slug_b: Callable, ids: Callable) -> dict[str, Callable]:
    """WALK entries; ``slug_a``, ``slug_b`` and ``ids`` read the walker's Samples."""
    prefix = "espaces/<slug:slug>/cooperation/"

    def both(s):
        from tests.test_access_walker import Visit

        return [Visit({"slug": slug_a(s)}), Visit({"slug": slug_b(s)})]

    def with_pks(key):
        def visits(s):
            from tests.test_access_walker import Visit

            found = [Visit({"slug": slug_a(s), "pk": pk}) for pk in ids(s)[key]]
            if key == "acteurs":
                found.append(Visit({"slug": slug_b(s), "pk": ids(s)["acteur_b"]}))
            return found

        return visits

    def records(model_name):
        def visits(s):
            from tests.test_access_walker import Visit

            return [Visit({"slug": slug_a(s), "pk": pk}) for pk in ids(s)["records"][model_name]]

        return visits

    def reunion(s):
        from tests.test_access_walker import Visit

        collectif, pk = ids(s)["reunion"]
        return [Visit({"slug": slug_a(s), "pk": collectif, "reunion_pk": pk})]

    walk: dict[str, Callable] = {}
    for route in (
        "", "acteurs.json", "acteurs.csv", "acteurs/nouveau/", "contributions/",
        "contributions.json", "contributions.csv", "tableau-de-bord/", "tableau-de-bord.csv",
        "tableau-de-bord.xlsx", "tableau-de-bord.json", "reseau/", "reseau.json",
        "participations/nouvelle/", "contributions/nouvelle/",
    ):  # fmt: skip
        walk[prefix + route] = both
    for route in ("", "acteur.json", "modifier/", "supprimer/", "fusionner/"):
        walk[f"{prefix}acteurs/<int:pk>/{route}"] = with_pks("acteurs")
    for kind in ("participations", "contributions"):
        for route in ("modifier/", "supprimer/"):
            walk[f"{prefix}{kind}/<int:pk>/{route}"] = with_pks(kind)
    for segment, model_name in (
        ("collectifs", "Collectif"),
        ("voyages", "Voyage"),
        ("temps", "TempsReflexif"),
    ):
        for route in (f"{segment}/", f"{segment}.json", f"{segment}/nouveau/"):
            walk[prefix + route] = both
        for route in ("", "modifier/", "supprimer/"):
            walk[f"{prefix}{segment}/<int:pk>/{route}"] = records(model_name)
    walk[f"{prefix}collectifs/<int:pk>/reunions/nouvelle/"] = records("Collectif")
    walk[f"{prefix}collectifs/<int:pk>/reunions/<int:reunion_pk>/modifier/"] = reunion
    api = "api/v1/cooperation/<slug>/"
    for route in ("acteurs", "participations", "contributions", "tableau-de-bord", "reseau"):
        walk[api + route] = lambda s: _api_both(s, slug_a, slug_b)
    walk[api + "acteurs/<pk>"] = with_pks("acteurs")
    walk[api + "acteurs/<pk>/fusion"] = with_pks("acteurs")
    walk[api + "participations/<pk>"] = with_pks("participations")
    walk[api + "contributions/<pk>"] = with_pks("contributions")
    return walk


def _api_both(s, slug_a, slug_b):
    from tests.test_access_walker import Visit

    return [Visit({"slug": slug_a(s)}), Visit({"slug": slug_b(s)})]
