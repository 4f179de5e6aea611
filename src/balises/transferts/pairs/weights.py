"""How much each feature block counts in the similarity of two territories, and why.

The weights are shown to users beside the suggestions and can be changed per request: a
facilitator may want peers of the same size first, a town may want peers that wrote about the
same things. Each default carries its French explanation in the field's metadata, so the page
that shows them reads them from here and never drifts from the code.
"""

from dataclasses import dataclass, field, fields, replace

STRATE = "strate"
NATURE = "nature"
REGION = "region"
MATURITE = "maturite"
COUVERTURE = "couverture"
THEMES = "themes"
TEXTE = "texte"

# Blocks known for every territory of the national reference, and those known only for the
# territories that keep a space (published self-assessments, actions, récits and fiches).
CONTEXT_BLOCKS = (STRATE, NATURE, REGION)
ESPACE_BLOCKS = (MATURITE, COUVERTURE, THEMES, TEXTE)
BLOCKS = CONTEXT_BLOCKS + ESPACE_BLOCKS


def _weight(default: float, explanation: str) -> float:
    return field(default=default, metadata={"explication": explanation})


@dataclass(frozen=True)
class Weights:
    """One weight per block, ≥ 0. Every block's similarity lies in [0, 1]; the score is the
    weighted sum, so a weight reads as « how many points a perfect match on this block gives »."""

    strate: float = _weight(
        1.0,
        "Même taille de population : les moyens d'une commune de 800 habitants ne sont pas "
        "ceux d'une ville de 40 000. Une strate voisine compte pour deux tiers.",
    )
    nature: float = _weight(
        1.0,
        "Même nature de territoire : une commune et une intercommunalité n'ont pas les mêmes "
        "compétences. Deux intercommunalités de types différents comptent pour moitié.",
    )
    region: float = _weight(
        0.5,
        "Même région : mêmes partenaires régionaux et financements, visites plus faciles. "
        "Compte moins que la situation, car un pair lointain peut apprendre autant.",
    )
    maturite: float = _weight(
        2.0,
        "Profils de maturité proches d'après les auto-diagnostics publiés : des territoires "
        "au même point de leur trajectoire se comprennent. C'est le cœur du rapprochement "
        "« par situation ». Un niveau d'écart compte pour deux tiers, deux pour un sixième ; "
        "une balise sans niveau publié ne rapproche ni n'éloigne.",
    )
    couverture: float = _weight(
        1.0,
        "Mêmes balises travaillées par les actions (nombre d'actions, amorti) : des "
        "portefeuilles d'actions qui se ressemblent.",
    )
    themes: float = _weight(
        1.0,
        "Mêmes thèmes d'action (énergie, alimentation, mobilité…) : des sujets concrets à "
        "partager.",
    )
    texte: float = _weight(
        1.5,
        "Récits et fiches qui parlent des mêmes choses (mots rares partagés, pondérés TF-IDF) : "
        "c'est souvent là que se lisent les situations vécues.",
    )

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not value >= 0:  # also refuses NaN
                raise ValueError(f"poids « {item.name} » invalide : {value!r} (attendu ≥ 0)")

    def of(self, block: str) -> float:
        return float(getattr(self, block))

    def with_changes(self, **changes: float) -> "Weights":
        """A copy with some weights changed (unknown names raise TypeError)."""
        return replace(self, **changes)


DEFAULT_WEIGHTS = Weights()


def explain(weights: Weights = DEFAULT_WEIGHTS) -> list[tuple[str, float, str]]:
    """(block, weight, French explanation) for each block, in display order."""
    return [
        (item.name, getattr(weights, item.name), item.metadata["explication"])
        for item in fields(weights)
    ]
