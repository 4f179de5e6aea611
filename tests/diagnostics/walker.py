"""Self-assessment samples and routes for the URL walker (tests/test_access_walker.py).

Space A: an open campaign with unpublished results (title visible to members only), a
published campaign (title public, its justifications members only) with bob and an outside
respondent; space B: a campaign of dana's.
"""

from __future__ import annotations

import datetime

from balises.diagnostics import services
from balises.diagnostics.models import CampagneStatus

MEMBERS_OF_A = frozenset({"alice", "bob", "charlie"})
EVERYONE = frozenset({"anonymous", "alice", "bob", "charlie", "dana", "staff"})


def _campagne(espace, user, referentiel, title, published=False):
    campagne = services.create_campagne(
        espace, user, title=title, referentiel=referentiel,
        starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 3, 31),
    )  # fmt: skip
    services.set_status(campagne, user, CampagneStatus.OPEN)
    if published:
        services.set_published(campagne, user, True)
    return campagne


def make_diagnostics_samples(espace_a, espace_b, alice, referentiel):
    """(ids, markers): markers are (text, allowed roles, what) triples."""
    bob = espace_a.adhesions.get(user__email="bob@example.org").user
    dana = espace_b.adhesions.get().user
    private = _campagne(espace_a, alice, referentiel, "Campagne diag-campagne-privee-a-7301")
    public = _campagne(espace_a, alice, referentiel, "Campagne diag-publiee-a-7302", True)
    other = _campagne(espace_b, dana, referentiel, "Campagne diag-campagne-b-7305")
    services.add_member(private, alice, bob, "elu")
    repondant = services.add_member(public, alice, bob, "direction")
    element = public.elements.first()
    services.save_answer(repondant, element, level=1, justification="diag-justif-a-7303")
    services.submit_answers(repondant, bob)
    outside, token = services.invite_outside(public, alice, "Odile", "odile@example.org", "elu")
    ids = {
        "campagnes_a": [private.pk, public.pk],
        "campagne_b": other.pk,
        "repondant": repondant.pk,
        "outside": outside.pk,
        "token": token,
        "element": element.code,
    }
    markers = [
        ("diag-campagne-privee-a-7301", MEMBERS_OF_A, "unpublished campaign of A"),
        ("diag-publiee-a-7302", EVERYONE, "published campaign of A"),
        ("diag-justif-a-7303", MEMBERS_OF_A, "justification of an answer in A"),
        ("diag-campagne-b-7305", frozenset({"dana"}), "campaign of B"),
    ]
    return ids, markers


def diagnostics_walk(slug_a, slug_b, data):
    """WALK entries: each takes the walker's samples; slug_a, slug_b and data read them."""
    from tests.test_access_walker import Visit

    prefix = "espaces/<slug:slug>/diagnostics/"
    api = "api/v1/diagnostics/espaces/<slug>/campagnes"

    def spaces(s):
        return [Visit({"slug": slug_a(s)}), Visit({"slug": slug_b(s)})]

    def campaigns(name="pk", **extra):
        def visits(s):
            d = data(s)
            pairs = [(slug_a(s), pk) for pk in d["campagnes_a"]] + [(slug_b(s), d["campagne_b"])]
            pairs.append((slug_a(s), d["campagne_b"]))  # a campaign of B through A's address
            return [Visit({"slug": slug, name: pk, **{k: f(d) for k, f in extra.items()}})
                    for slug, pk in pairs]  # fmt: skip

        return visits

    def repondants(s):
        d = data(s)
        return [
            Visit({"slug": slug_a(s), "pk": d["campagnes_a"][1], "rpk": d[key]})
            for key in ("repondant", "outside")
        ]

    def link(s):
        return [Visit({"slug": slug_a(s), "token": data(s)["token"]}),
                Visit({"slug": slug_b(s), "token": data(s)["token"]})]  # fmt: skip

    walk = {prefix: spaces, f"{prefix}campagnes.json": spaces, f"{prefix}nouvelle/": spaces}
    walk |= {f"{prefix}evolution/": spaces, f"{prefix}evolution.json": spaces}
    for route in ("", "etat/", "publication/", "repondants/ajouter/", "repondants/inviter/",
                  "repondre/", "repondre/soumettre/", "resultats/", "resultats.json",
                  "resultats.csv", "rapport/"):  # fmt: skip
        walk[f"{prefix}<int:pk>/{route}"] = campaigns()
    for route in ("rouvrir/", "lien/", "retirer/"):
        walk[f"{prefix}<int:pk>/repondants/<int:rpk>/{route}"] = repondants
    walk[f"{prefix}repondre/<str:token>/"] = link
    walk[f"{prefix}repondre/<str:token>/soumettre/"] = link
    walk[api] = spaces
    for route in ("", "/resultats", "/mes-reponses", "/soumission"):
        walk[f"{api}/<pk>{route}"] = campaigns()
    walk[f"{api}/<pk>/mes-reponses/<code>"] = campaigns(code=lambda d: d["element"])
    return walk
