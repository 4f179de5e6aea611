"""Decontextualisation assistant: what in a text only holds for one place, one budget, one time.

`check(text, national, local)` returns findings (span, kind, matched text, French suggestion)
for place names, names of actors, people and organisations, amounts and dates. Names are
looked up in indexes built once (`build_national_index` over the ~41,000 names of the national
reference, `build_local_index` over a space's own names), so a check scans the text's words
once, whatever the number of names.

Rules for names (written out for users in docs/transferts-calculs.md):

- Matching ignores accents and case, and treats hyphens, apostrophes and spaces alike
  (« Loos en Gohelle », « Villeneuve d’Ascq »); « St »/« Ste » read « Saint »/« Sainte ». The
  longest name wins (« Saint-Jean-de-Luz » rather than « Saint-Jean »).
- The space's own names (its territory, its EPCI, its actors, people and organisations) are
  always flagged, in any case — except a one-word name that is an ordinary word or one or two
  letters long (« Plan », « Eu »), which needs a capital.
- A national name is flagged only when its words are capitalised in the text (« Gohelle »,
  not « gohelle »), and not when it is a short all-capitals word read as an acronym
  (« ORE »). When all its words are ordinary French words (`mots_courants`) or one or two
  letters, it is flagged only with a sign that it is a place: after « commune de », « ville
  de »…; with a capitalised article mid-sentence (« Le Mené »); or, for a town of 10,000
  inhabitants or more, when capitalised mid-sentence (« à Sens », not « Sens » opening a
  sentence).
- Amounts and dates come first: « mars 2019 » is a date, not the commune of Mars.
- The caller may pass what the author justified (spans or terms): those are not reported.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from balises.core.text import fold
from balises.territoires.index import ABBREVIATIONS
from balises.transferts.mots_courants import ARTICLES, ORDINARY_WORDS, PARTICLES
from balises.transferts.nombres import (
    find_amounts,
    find_dates,
    order_of_magnitude,
    per_inhabitant,
)
from balises.transferts.pairs.features import NATURE_LABELS, nature_code
from balises.transferts.strates import DGF, Grille

LIEU, ACTEUR, PERSONNE, ORGANISATION, MONTANT, DATE = (
    "lieu",
    "acteur",
    "personne",
    "organisation",
    "montant",
    "date",
)
BIG_TOWN = 10_000  # inhabitants: an ordinary word capitalised mid-sentence is then the town
# Generic words of EPCI names: part of the name, but written in lower case in running text.
EPCI_WORDS = frozenset(
    "ca cc cu communaute communautes agglomeration communes urbaine metropole".split()  # noqa: SIM905
)
EPCI_EXPANSIONS = {
    "ca": ("communaute", "d", "agglomeration"),
    "cc": ("communaute", "de", "communes"),
    "cu": ("communaute", "urbaine"),
}
PLACE_CUES = frozenset(
    "commune ville village bourg mairie maire habitants agglomeration communaute metropole".split()  # noqa: SIM905
)
_OF = frozenset({"de", "d", "du"})
_SENTENCE_END = re.compile(r"[.!?…:\n•]")
# A word, accents decomposed or not: combining marks are not \w for Python's re.
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")

SUGGESTIONS = {
    LIEU: "Remplacer par une description générique : « {description} »",
    ACTEUR: "Remplacer par son rôle : « {description} »",
    ORGANISATION: "Remplacer par son rôle : « {description} »",
    PERSONNE: "Remplacer par sa fonction : « {description} »",
}
GENERIC = {
    LIEU: "un territoire",
    ACTEUR: "une association d'habitants, le bailleur social…",
    ORGANISATION: "une association, une coopérative, un bureau d'études…",
    PERSONNE: "le maire, une chargée de mission, un agriculteur…",
}
DATE_SUGGESTION = (
    "Exprimer en durée ou en étape plutôt qu'en date : « la première année du mandat », "
    "« au bout de trois ans »"
)


@dataclass(frozen=True)
class Lieu:
    """A territory of the national reference, as plain data."""

    name: str
    kind: str  # commune, epci, departement, region
    population: int | None = None
    epci_type: str = ""


@dataclass(frozen=True)
class NomLocal:
    """A name of the space: an actor, a person, an organisation or a local place.

    `role` is the generic wording to suggest instead (« une régie agricole », « le maire »).
    """

    name: str
    kind: str = ACTEUR
    role: str = ""


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str
    text: str
    suggestion: str


@dataclass
class _Entry:
    kind: str
    local: bool
    significant: tuple[int, ...]  # positions of the words that carry the name
    ordinary: bool
    population: int = 0
    # Generic wording → the largest population it was given for (homonyms share an entry).
    descriptions: dict[str, int] = field(default_factory=dict)

    @property
    def description(self) -> str:
        if len(self.descriptions) == 1:
            return next(iter(self.descriptions))
        # Communes of different sizes (many « Saint-Martin »): say only what they share.
        if all(text.startswith("une commune") for text in self.descriptions):
            return "une commune"
        # A région and a commune of the same name (« Bretagne »): the most populated one is
        # the one a text most likely means; on a tie (Paris), the commune.
        return min(
            self.descriptions,
            key=lambda text: (-self.descriptions[text], not text.startswith("une commune"), text),
        )


@lru_cache(maxsize=200_000)
def _fold_token(token: str) -> str:
    folded = fold(token).replace(" ", "")
    return ABBREVIATIONS.get(folded, folded)


def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(ABBREVIATIONS.get(word, word) for word in fold(name).split())


def _shape(
    tokens: Sequence[str], generic: frozenset[str] = frozenset()
) -> tuple[tuple[int, ...], bool]:
    """Positions of the name-carrying words, and whether they are all ordinary words."""
    significant = tuple(
        i for i, token in enumerate(tokens) if token not in PARTICLES and token not in generic
    )
    if not significant:  # « Y », « Le Pas »…: the whole name is made of small words
        return tuple(range(len(tokens))), True
    ordinary = all(tokens[i] in ORDINARY_WORDS or len(tokens[i]) <= 2 for i in significant)
    return significant, ordinary


class NameIndex:
    """Names by their folded words: `entries` holds whole names, `prefixes` the beginnings of
    longer ones, so a scan extends a match word by word and stops as soon as no name goes on."""

    def __init__(self) -> None:
        self.entries: dict[str, list[_Entry]] = {}
        self.prefixes: set[str] = set()

    def __len__(self) -> int:
        return len(self.entries)

    def add(
        self,
        tokens: Sequence[str],
        kind: str,
        *,
        local: bool,
        description: str,
        population: int = 0,
        generic: frozenset[str] = frozenset(),
    ) -> None:
        if not tokens:
            return
        key = " ".join(tokens)
        for end in range(1, len(tokens)):
            self.prefixes.add(" ".join(tokens[:end]))
        significant, ordinary = _shape(tokens, generic)
        entries = self.entries.setdefault(key, [])
        for entry in entries:
            # Homonyms of the same side merge: one finding, the largest population.
            if entry.local == local and entry.kind == kind:
                entry.population = max(entry.population, population)
                known = entry.descriptions.get(description, -1)
                entry.descriptions[description] = max(known, population)
                return
        entries.append(
            _Entry(kind, local, significant, ordinary, population, {description: population})
        )
        entries.sort(key=lambda entry: not entry.local)  # the space's own names first


def describe(lieu: Lieu, grille: Grille = DGF) -> str:
    """A generic wording for a territory: « une commune de 3 500 à 4 999 habitants »."""
    if lieu.kind == "departement":
        return "un département"
    if lieu.kind == "region":
        return "une région"
    if lieu.kind == "epci":
        nature = NATURE_LABELS[nature_code("epci", lieu.epci_type)]
        label = f"une {nature}"
    else:
        label = "une commune"
    if lieu.population is None:
        return label
    return f"{label} {grille.strate_of(lieu.population).range_text}"


def _add_lieu(index: NameIndex, lieu: Lieu, *, local: bool, grille: Grille) -> None:
    tokens = name_tokens(lieu.name)
    options: dict[str, Any] = {
        "local": local,
        "description": describe(lieu, grille),
        "population": lieu.population or 0,
    }
    variants = [tokens]
    if lieu.kind == "epci":
        options["generic"] = EPCI_WORDS
        if tokens and tokens[0] in EPCI_EXPANSIONS:
            variants.append(EPCI_EXPANSIONS[tokens[0]] + tokens[1:])
        if local:  # its own EPCI is also named without its legal form: « Lens-Liévin »
            start = 0
            while start < len(tokens) and (
                tokens[start] in EPCI_WORDS or tokens[start] in PARTICLES
            ):
                start += 1
            variants.append(tokens[start:])
    if len(tokens) >= 2 and tokens[0] in ARTICLES:
        # « au Havre », « du Mené »: the article merges into « au », « du ».
        rest = tokens[1:]
        if local or not _shape(rest)[1]:
            variants.append(rest)
    for variant in variants:
        index.add(variant, LIEU, **options)


def build_national_index(lieux: Iterable[Lieu], grille: Grille = DGF) -> NameIndex:
    """The index of the national reference's names, built once per process."""
    index = NameIndex()
    for lieu in lieux:
        _add_lieu(index, lieu, local=False, grille=grille)
    return index


def build_local_index(
    own: Sequence[Lieu] = (), names: Iterable[NomLocal] = (), grille: Grille = DGF
) -> NameIndex:
    """The index of a space's own names: its territory and EPCI (`own`), and its actors,
    people, organisations and local places (`names`). A person is also found by surname."""
    index = NameIndex()
    for lieu in own:
        _add_lieu(index, lieu, local=True, grille=grille)
    for nom in names:
        tokens = name_tokens(nom.name)
        description = nom.role or GENERIC.get(nom.kind, GENERIC[ACTEUR])
        index.add(tokens, nom.kind, local=True, description=description)
        if nom.kind == PERSONNE and len(tokens) >= 2 and len(tokens[-1]) >= 3:
            index.add(tokens[-1:], nom.kind, local=True, description=description)
    return index


def lieux_from_dataset(dataset: Any) -> list[Lieu]:
    """Names of a `balises.territoires.dataset.Dataset`: communes, former communes (which
    people still use), EPCI, départements and régions."""
    lieux = [Lieu(row["name"], "commune", row["population"]) for row in dataset.communes]
    lieux += [Lieu(row["name"], "commune") for row in dataset.merged if row["name"]]
    lieux += [
        Lieu(row["name"], "epci", row["population"], row["epci_type"]) for row in dataset.epci
    ]
    lieux += [Lieu(row["name"], "departement", row["population"]) for row in dataset.departements]
    lieux += [Lieu(row["name"], "region", row["population"]) for row in dataset.regions]
    return lieux


@dataclass
class _Text:
    text: str
    starts: list[int]
    ends: list[int]
    raw: list[str]
    folded: list[str]

    @classmethod
    def scan(cls, text: str) -> "_Text":
        matches = list(_TOKEN.finditer(text))
        raw = [match.group() for match in matches]
        return cls(
            text,
            [match.start() for match in matches],
            [match.end() for match in matches],
            raw,
            [_fold_token(token) for token in raw],
        )

    def sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        return bool(_SENTENCE_END.search(self.text, self.ends[i - 1], self.starts[i]))

    def after_cue(self, i: int) -> bool:
        return i >= 2 and self.folded[i - 1] in _OF and self.folded[i - 2] in PLACE_CUES


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _accepts(entry: _Entry, words: _Text, i: int) -> bool:
    carried = [words.raw[i + p] for p in entry.significant]
    capitalised = all(_capitalised(token) for token in carried)
    if entry.local:
        return capitalised or not entry.ordinary
    if not capitalised:
        return False
    if len(carried) == 1 and len(carried[0]) <= 5 and carried[0].isupper():
        return False  # « ORE », « PLU »: an acronym, not a town
    if not entry.ordinary:
        return True
    if words.after_cue(i):
        return True
    middle = not words.sentence_start(i)
    with_article = entry.significant[0] > 0 and _capitalised(words.raw[i])
    return middle and (with_article or entry.population >= BIG_TOWN)


def _longest(
    indexes: Sequence[NameIndex], words: _Text, i: int, blocked: set[int]
) -> tuple[int, _Entry] | None:
    """The longest accepted name starting at word i: (its last word, its entry)."""
    best: tuple[int, _Entry] | None = None
    for index in indexes:
        key, j = words.folded[i], i
        while j not in blocked:
            for entry in index.entries.get(key, ()):
                if _accepts(entry, words, i):
                    if best is None or j > best[0] or (j == best[0] and entry.local):
                        best = (j, entry)
                    break
            if key not in index.prefixes or j + 1 >= len(words.folded):
                break
            j += 1
            key = f"{key} {words.folded[j]}"
    return best


def check(
    text: str,
    national: NameIndex | None,
    local: NameIndex | None = None,
    *,
    justified: Iterable[tuple[int, int] | str] = (),
    population: int | None = None,
) -> list[Finding]:
    """Findings of a text, in text order. `population` (the author's territory) lets amounts
    be suggested per inhabitant; `justified` spans or terms are left out of the findings."""
    findings: list[Finding] = []
    for amount in find_amounts(text):
        suggestion = "Exprimer en ordre de grandeur"
        if amount.euros:
            suggestion += f" : « {order_of_magnitude(amount.euros)} »"
            share = per_inhabitant(amount.euros, population or 0)
            if share:
                suggestion += f" ou rapporté à l'habitant : « {share} »"
        findings.append(Finding(amount.start, amount.end, MONTANT, amount.text, suggestion))
    taken = [(f.start, f.end) for f in findings]
    for date in find_dates(text):
        if not any(date.start < end and start < date.end for start, end in taken):
            findings.append(Finding(date.start, date.end, DATE, date.text, DATE_SUGGESTION))
    taken = [(f.start, f.end) for f in findings]
    findings += _names(text, [i for i in (local, national) if i is not None], taken)
    return _without_justified(sorted(findings, key=lambda f: (f.start, f.end)), justified)


def _names(
    text: str, indexes: Sequence[NameIndex], taken: Sequence[tuple[int, int]]
) -> list[Finding]:
    words = _Text.scan(text)
    blocked = _covered(words, taken)
    found, i = [], 0
    while i < len(words.folded):
        best = None if i in blocked else _longest(indexes, words, i, blocked)
        if best is None:
            i += 1
            continue
        j, entry = best
        start, end = words.starts[i], words.ends[j]
        suggestion = SUGGESTIONS[entry.kind].format(description=entry.description)
        found.append(Finding(start, end, entry.kind, text[start:end], suggestion))
        i = j + 1
    return found


def _covered(words: _Text, taken: Sequence[tuple[int, int]]) -> set[int]:
    """Words inside an amount or a date, in one sweep (spans sorted, never overlapping)."""
    spans, covered, k = sorted(taken), set(), 0
    for i, (start, end) in enumerate(zip(words.starts, words.ends, strict=True)):
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        if k < len(spans) and spans[k][0] < end:
            covered.add(i)
    return covered


def _without_justified(
    findings: list[Finding], justified: Iterable[tuple[int, int] | str]
) -> list[Finding]:
    spans, terms = [], set()
    for item in justified:
        if isinstance(item, str):
            terms.add(" ".join(name_tokens(item)))
        else:
            spans.append((int(item[0]), int(item[1])))
    if not spans and not terms:
        return findings
    return [
        finding
        for finding in findings
        if " ".join(name_tokens(finding.text)) not in terms
        and not any(start <= finding.start and finding.end <= end for start, end in spans)
    ]


def index_sizes(index: NameIndex) -> Mapping[str, int]:
    """Names and prefixes held: what a benchmark reports beside the build time."""
    return {"noms": len(index.entries), "prefixes": len(index.prefixes)}
