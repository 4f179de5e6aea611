"""Turn whatever people type into a safe full-text query.

Nothing the user types reaches a query language: the text is folded into plain words (letters
and digits only), and the backends quote each term themselves. Quotes, dashes, `NEAR`, `:`,
parentheses or stars are therefore just separators or ordinary words, never operators.
"""

from dataclasses import dataclass

from balises.core.text import fold, stem_word, words

# Beyond these, a query is not a search any more; cutting keeps every query cheap.
MAX_QUERY_CHARS = 500
MAX_TERMS = 12
MAX_TERM_CHARS = 60
MIN_PREFIX_CHARS = 3


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the query as typed, trimmed
    words: tuple[str, ...]  # folded words, stopwords removed
    stems: tuple[str, ...]  # one stem per word
    prefix: bool = False  # the last term also matches longer words

    @property
    def is_empty(self) -> bool:
        return not self.words


def parse_query(text: str, *, prefix: bool = False) -> ParsedQuery:
    """Folded words and stems of a query, all required (AND), duplicates removed.

    >>> parse_query('"Économies" -NEAR(énergie:*)').stems
    ('econom', 'near', 'energ')
    """
    raw = text or ""
    text = raw.strip()[:MAX_QUERY_CHARS]
    kept: dict[str, str] = {}  # stem -> word; two forms of one word are one term
    for word in words(text):
        word = word[:MAX_TERM_CHARS]
        kept.setdefault(stem_word(word), word)
    terms = list(kept.items())[:MAX_TERMS]
    typed = fold(text).split()
    # A prefix only makes sense when the last thing typed is a word still being typed, and
    # from MIN_PREFIX_CHARS on: shorter ones match half the vocabulary and cost a full scan.
    prefix = (
        prefix
        and bool(terms)
        and raw[-1:].isalnum()
        and typed[-1][:MAX_TERM_CHARS] == terms[-1][1]
        and len(terms[-1][0]) >= MIN_PREFIX_CHARS
    )
    return ParsedQuery(
        text, tuple(word for _, word in terms), tuple(stem for stem, _ in terms), prefix
    )
