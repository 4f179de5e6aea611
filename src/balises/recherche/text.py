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

# Ligatures that NFKD leaves whole but that people type as two letters.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})
_NON_WORD = re.compile(r"[\W_]+")

_local = threading.local()


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lowercase, remove accents, turn punctuation, hyphens and apostrophes into single spaces.

    >>> fold("  L'Économie circulaire — ÉNERGÉTIQUE ! ")
    'l economie circulaire energetique'
    """
    text = _strip_marks(text.translate(_LIGATURES)).casefold()
    # Case folding can produce new decomposable characters (e.g. "İ"), hence the second pass.
    text = _strip_marks(text.translate(_LIGATURES))
    return _NON_WORD.sub(" ", text).strip()


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


def words(text: str) -> list[str]:
    """The folded words of a text, stopwords removed."""
    return [word for word in fold(text).split() if word not in STOPWORDS]


def stems(text: str) -> list[str]:
    """One stem per meaningful word, in order: fold, drop stopwords, stem.

    >>> stems("Les économies d'énergie")
    ['econom', 'energ']
    """
    return [stem_word(word) for word in words(text)]
