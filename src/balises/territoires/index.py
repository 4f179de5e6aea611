"""In-memory search over the national territories: names with typos, codes, postcodes.

Pure data, no ORM: `TerritoireIndex(rows)` takes one tuple per territory and answers
`search(query, filters)` with row ids ordered by relevance, then population. The ~36,000 names
fit in a few megabytes; a query looks up its words in a vocabulary (exact, prefix, or within one
or two typos via rapidfuzz) and intersects their postings, so it stays in milliseconds where a
fuzzy scan of every name would take tens.
"""

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from balises.core.text import STOPWORDS, fold

# Abbreviations people type for words of place names, and the words of EPCI names they stand for.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
EPCI_WORDS = {
    "ca": "communaute agglomeration",
    "cc": "communaute communes",
    "cu": "communaute urbaine",
}
CODE = re.compile(r"^(?:\d[\dab]|\d{2,9}|2[ab]\d{0,3})$")
# Relevance tiers, best first; population orders territories within a tier.
EXACT, STARTS, WORDS, PREFIXES, TYPO, SIMILAR = 100, 90, 80, 70, 60, 40


@dataclass(frozen=True)
class Row:
    id: int
    kind: str
    search_name: str
    population: int
    departement_id: int | None
    region_id: int | None
    code: str
    siren: str
    postcodes: str
    aliases: str = ""  # former names, searchable but ranked after the name itself
    epci_id: int | None = None


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    region_id: int | None = None
    departement_id: int | None = None
    epci_id: int | None = None
    population_min: int | None = None
    population_max: int | None = None  # exclusive


def max_typos(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


class TerritoireIndex:
    def __init__(self, rows: Iterable[Row]) -> None:
        self.rows: list[Row] = list(rows)
        self.names = [row.search_name for row in self.rows]
        self.tokens = [tuple(self._index_words(row)) for row in self.rows]
        self.by_length = sorted(range(len(self.names)), key=lambda i: len(self.names[i]))
        self.name_lengths = [len(self.names[i]) for i in self.by_length]
        postings: dict[str, list[int]] = {}
        for position, words in enumerate(self.tokens):
            for word in set(words):
                postings.setdefault(word, []).append(position)
        self.postings = {word: frozenset(items) for word, items in postings.items()}
        self.vocabulary = sorted(self.postings)
        # Typos are looked for among words of the same initial and a close length first:
        # a few hundred words instead of ~28,000.
        self.neighbours: dict[tuple[str, int], list[str]] = {}
        for word in self.vocabulary:
            self.neighbours.setdefault((word[0], len(word)), []).append(word)
        self.by_code: dict[str, list[int]] = {}
        for position, row in enumerate(self.rows):
            for key in {row.code.lower(), row.siren, *row.postcodes.split()}:
                if key:
                    self.by_code.setdefault(key, []).append(position)
        self.codes = sorted(self.by_code)
        self.kind = np.array([row.kind for row in self.rows], dtype=object)
        self.population = np.array([row.population for row in self.rows], dtype=np.int64)
        self.departement = np.array([row.departement_id or 0 for row in self.rows])
        self.region = np.array([row.region_id or 0 for row in self.rows])
        self.epci = np.array([row.epci_id or 0 for row in self.rows])
        self.ids = np.array([row.id for row in self.rows], dtype=np.int64)
        self.name_rank = np.empty(len(self.rows), dtype=np.int64)
        self.name_rank[sorted(range(len(self.rows)), key=self.names.__getitem__)] = np.arange(
            len(self.rows)
        )
        # Population descending, then name: the order of a listing without a query.
        self.default_order = np.lexsort((self.name_rank, -self.population))

    @staticmethod
    def _index_words(row: Row) -> list[str]:
        words = row.search_name.split() + fold(row.aliases).split()
        if row.kind == "epci" and words and words[0] in EPCI_WORDS:
            words += EPCI_WORDS[words[0]].split()
        return words

    def __len__(self) -> int:
        return len(self.rows)

    def search(self, query: str, filters: Filters | None = None) -> list[int]:
        """Ids of the matching territories, best first."""
        filters = filters or Filters()
        text = " ".join(ABBREVIATIONS.get(word, word) for word in fold(query).split())
        if not text:
            positions = self.default_order[self._mask(filters)[self.default_order]]
            return self.ids[positions].tolist()
        scored = self._codes(text) if CODE.match(text.replace(" ", "")) else self._names(text)
        if not scored:
            return []
        candidates = np.fromiter(scored.keys(), dtype=np.int64, count=len(scored))
        scores = np.fromiter(scored.values(), dtype=np.int64, count=len(scored))
        keep = self._mask(filters)[candidates]
        candidates, scores = candidates[keep], scores[keep]
        # Best score, then largest population, then name: lexsort's last key sorts first.
        order = np.lexsort((self.name_rank[candidates], -self.population[candidates], -scores))
        return self.ids[candidates[order]].tolist()

    def _mask(self, filters: Filters) -> np.ndarray:
        mask = np.ones(len(self.rows), dtype=bool)
        if filters.kind:
            mask &= self.kind == filters.kind
        if filters.region_id:
            mask &= self.region == filters.region_id
        if filters.departement_id:
            mask &= self.departement == filters.departement_id
        if filters.epci_id:
            mask &= self.epci == filters.epci_id
        if filters.population_min is not None:
            mask &= self.population >= filters.population_min
        if filters.population_max is not None:
            mask &= self.population < filters.population_max
        return mask

    def _codes(self, text: str) -> dict[int, int]:
        """INSEE codes, SIREN and postcodes: exact first, then those starting with the text."""
        key = text.replace(" ", "")
        scored: dict[int, int] = {}
        start = bisect.bisect_left(self.codes, key)
        for code in self.codes[start:]:
            if not code.startswith(key):
                break
            tier = EXACT if code == key else PREFIXES
            for position in self.by_code[code]:
                scored[position] = max(scored.get(position, 0), tier)
        return scored

    def _names(self, text: str) -> dict[int, int]:
        words = text.split()
        matches = [
            self._word_matches(word, last=i == len(words) - 1) for i, word in enumerate(words)
        ]
        scored: dict[int, int] = {}
        if all(matches):
            sets = sorted(
                (frozenset().union(*(self.postings[w] for w in found)) for found in matches),
                key=len,
            )
            positions = sets[0].intersection(*sets[1:])
            for position in positions:
                scored[position] = self._tier(text, words, matches, position)
        # Whole-name similarity catches what word matching cannot ("saintgermain"); it scans
        # every name of a close length, so only when words found nothing.
        if not scored:
            # fuzz.ratio >= 85 needs the two lengths within about 25 % of each other.
            low = bisect.bisect_left(self.name_lengths, int(len(text) * 0.74))
            high = bisect.bisect_right(self.name_lengths, int(len(text) * 1.36) + 1)
            window = self.by_length[low:high]
            for _name, _score, i in process.extract(
                text, [self.names[p] for p in window], scorer=fuzz.ratio, score_cutoff=85, limit=50
            ):
                scored[window[i]] = SIMILAR
        return scored

    def _word_matches(self, word: str, last: bool) -> dict[str, int]:
        """Vocabulary words a query word stands for → cost (0 exact, 1 prefix, 2+ typos)."""
        found: dict[str, int] = {}
        if word in self.postings:
            found[word] = 0
        if last or len(word) >= 3:
            start = bisect.bisect_left(self.vocabulary, word)
            for candidate in self.vocabulary[start:]:
                if not candidate.startswith(word):
                    break
                found.setdefault(candidate, 1)
        typos = max_typos(word)
        if typos:
            near = [
                candidate
                for length in range(len(word) - typos, len(word) + typos + 1)
                for candidate in self.neighbours.get((word[0], length), ())
            ]
            # A wrong first letter is rare: the whole vocabulary only when nothing else matched.
            for choices in (near, self.vocabulary if not found else []):
                for candidate, distance, _i in process.extract(
                    word, choices, scorer=Levenshtein.distance, score_cutoff=typos, limit=None
                ):
                    found.setdefault(candidate, 1 + int(distance))
                if found:
                    break
        return found

    def _tier(
        self, text: str, words: Sequence[str], matches: list[dict[str, int]], position: int
    ) -> int:
        name = self.names[position]
        if name == text:
            return EXACT
        if name.startswith(text):
            return STARTS
        tokens = self.tokens[position]
        costs = [min(found.get(token, 99) for token in tokens) for found in matches]
        worst = max(costs)
        if worst == 0:
            tier = WORDS
        elif worst == 1:
            tier = PREFIXES
        else:
            tier = TYPO - 5 * (sum(cost - 1 for cost in costs if cost > 1) - 1)
        # A name all of whose words were typed beats a longer name that merely contains them:
        # "marseile" puts Marseille before the Métropole d'Aix-Marseille-Provence.
        significant = [word for word in name.split() if word not in STOPWORDS]
        if all(any(word in found for found in matches) for word in significant):
            tier += 5
        return tier
