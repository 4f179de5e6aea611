"""Text normalisation shared by the index and the queries: accent folding and French stemming.

Both sides of a search (what is indexed, what is typed) go through the same two functions, so
"Économies" typed in a query meets "economie" in a title. Stemming runs on the folded word, which
makes a stem depend only on `fold(word)`: accents can never make two spellings diverge.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Articles, prepositions, conjunctions and elided forms, already folded. They carry no meaning
# in a search and would otherwise match almost every document.
STOPWORDS = frozenset(
    """
    a au aux c d de des du en et l la le les ou par pour qu que qui s sur un une y
    dans avec sans sous chez entre vers ce ces cet cette se sa son ses leur leurs n ne
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Ligatures that NFKD leaves whole but that people type as two letters, and the dotless i
# (whose capital is a plain I, so that case never matters).
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ı": "i"})
_NON_WORD = re.compile(r"[\W_]+")

_local = threading.local()


def _combining_class_pattern() -> re.Pattern[str]:
    # Every combining mark of Unicode sits between U+0300 and U+1FFFF; a character class of
    # them strips accents far faster than testing each character in Python.
    marks = [code for code in range(0x300, 0x20000) if unicodedata.combining(chr(code))]
    ranges, start = [], marks[0]
    for previous, code in zip(marks, [*marks[1:], -1], strict=True):
        if code != previous + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = code
    return re.compile("[" + "".join(ranges) + "]+")


_MARKS = _combining_class_pattern()


def _strip_marks(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Lowercase, remove accents, turn punctuation, hyphens and apostrophes into single spaces.

    >>> fold("  L'Économie circulaire — ÉNERGÉTIQUE ! ")
    'l economie circulaire energetique'
    """
    if not text.isascii():
        text = _strip_marks(text.translate(_LIGATURES)).casefold()
        # Case folding can produce new decomposable characters (e.g. "İ"): a second pass.
        text = _strip_marks(text.translate(_LIGATURES))
    return _NON_WORD.sub(" ", text.lower()).strip()


def _stemmer() -> snowballstemmer.stemmer:
    # Snowball stemmers keep state while they work: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer


@lru_cache(maxsize=50_000)
def stem_word(word: str) -> str:
    """The French stem of one folded word (cached: the same words come back all the time)."""
    return _stemmer().stemWord(word) or word


def token_stems(token: str) -> tuple[str, ...]:
    """Stems of one whitespace-free piece of text ("d'Économies" -> ("econom",)).

    A piece usually gives one word, sometimes more ("centre-ville") or none (a stopword).
    Short pieces are cached: texts repeat the same ones all the time.
    """
    if len(token) <= 40:
        return _cached_token_stems(token)
    return _token_stems(token)


def _token_stems(token: str) -> tuple[str, ...]:
    return tuple(stem_word(word) for word in fold(token).split() if word not in STOPWORDS)


_cached_token_stems = lru_cache(maxsize=100_000)(_token_stems)


def words(text: str) -> list[str]:
    """The folded words of a text, stopwords removed."""
    return [word for word in fold(text).split() if word not in STOPWORDS]


def stems(text: str) -> list[str]:
    """One stem per meaningful word, in order: fold, drop stopwords, stem.

    >>> stems("Les économies d'énergie")
    ['econom', 'energ']
    """
    # Whitespace always folds to a separator, so stemming piece by piece gives the same list
    # as stemming the folded whole, and lets the cache work.
    return [stem for piece in text.split() for stem in token_stems(piece)]
