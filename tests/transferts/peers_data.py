"""A handful of territories for the peer finder tests: plain data, no database."""

from balises.transferts.pairs import Profil, Situation, build_features

BALISES = ("B1", "B2", "B3", "B4", "B5", "B6")
THEMES = ("énergie", "alimentation", "mobilité")
REGIONS = {"32": "Hauts-de-France", "53": "Bretagne", "28": "Normandie"}

RECIT_CHALEUR = (
    "La chaufferie au bois alimente le réseau de chaleur de l'école et de la mairie ; "
    "les habitants ont planté des haies bocagères pour la filière bois."
)
RECIT_JARDINS = (
    "Des jardins partagés et une cantine bio avec les maraîchers : la régie agricole "
    "fournit les légumes de la restauration scolaire."
)


def situations():
    return [
        Situation(
            1,
            "commune",
            6_900,
            "32",
            name="Loos",
            profil=Profil([3, 2, 1, 4, None, 2], [5, 2, 0, 8, 0, 1], [4, 1, 0], RECIT_CHALEUR),
        ),
        # The twin of 1: same stratum, region, nature and profile.
        Situation(
            2,
            "commune",
            6_100,
            "32",
            name="Jumelle",
            profil=Profil([3, 2, 1, 4, None, 2], [5, 2, 0, 8, 0, 1], [4, 1, 0], RECIT_CHALEUR),
        ),
        # Same profile, but another region and a neighbouring stratum.
        Situation(
            3,
            "commune",
            8_000,
            "53",
            name="Cousine",
            profil=Profil([3, 2, 1, 4, 1, 2], [4, 2, 0, 7, 0, 1], [3, 1, 0], RECIT_CHALEUR),
        ),
        # Far on every space block.
        Situation(
            4,
            "commune",
            6_500,
            "32",
            name="Lointaine",
            profil=Profil([0, 4, 4, 0, 3, 4], [0, 0, 6, 0, 3, 0], [0, 5, 2], RECIT_JARDINS),
        ),
        # No space: only the context speaks.
        Situation(5, "commune", 7_000, "32", name="Sans espace"),
        Situation(6, "commune", 450, "28", name="Hameau"),
        Situation(7, "epci", 242_000, "32", "CA", name="CA de Lens - Liévin"),
        Situation(8, "epci", 51_000, "53", "CC", name="Loudéac Communauté"),
        Situation(9, "commune", None, "", name="Inconnue"),
        # Strong everywhere, same stratum: the one to learn from.
        Situation(
            10,
            "commune",
            5_800,
            "32",
            name="Avancée",
            profil=Profil([4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3], [2, 2, 2], RECIT_JARDINS),
        ),
    ]


def features(**extra):
    return build_features(situations(), BALISES, THEMES, region_names=REGIONS, **extra)
