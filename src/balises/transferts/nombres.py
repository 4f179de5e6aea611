"""Amounts and dates in a text: what ties an experience to one budget and one moment.

Plain regular expressions over the text, so the spans are those of the text as written.
An amount is a number with a money unit (« 14 M€ », « 700 000 euros », « 1,5 million
d'euros ») or a number of millions or billions (« 1,5 million »); a date is a day, a month
with its year, a span of years (« 2014-2020 ») or a year (« en 2014 »). A year followed by a
unit (« 2000 habitants », « 2019 € ») is a quantity, not a date.
"""

import re
from dataclasses import dataclass

_MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre"
)
_SEASONS = r"printemps|[ée]t[ée]|automne|hiver|d[ée]but|fin|mi-"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_SPACES = "[ \u00a0\u202f]"
# A number as French texts write it: « 700 000 », « 700 000,50 », « 1,5 », « 14 ».
_NUMBER = rf"(?<![\d,.])(?:\d{{1,3}}(?:{_SPACES}\d{{3}})+|\d+)(?:[,.]\d+)?"
_OF_EUROS = r"(?:\s*(?:d['’]\s?euros?|d['’]\s?€|€|euros?))"

AMOUNT = re.compile(
    rf"(?P<number>{_NUMBER}){_SPACES}?"
    rf"(?:(?P<scale>k|K|M|Md|Mds|G){_SPACES}?(?:€|EUR\b|euros?\b)"
    rf"|(?P<word>millions?|milliards?)\b{_OF_EUROS}?"
    rf"|(?:€|EUR\b|euros?\b))",
    re.IGNORECASE,
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+{_YEAR}"
    rf"|\d{{1,2}}/\d{{1,2}}/(?:{_YEAR}|\d\d)"
    rf"|{_YEAR}-\d\d-\d\d"
    rf"|(?:{_MONTHS}|{_SEASONS})\s*{_YEAR}"
    rf"|{_YEAR}\s*[-–/]\s*(?:{_YEAR}|\d\d)(?!\d)"
    rf"|{_YEAR}(?!\d))",
    re.IGNORECASE,
)
# What turns a four-digit number into a quantity rather than a year.
_QUANTITY_AFTER = re.compile(
    r"[ \u00a0\u202f]*(?:[k]?€|euros?\b|hab|habitants?\b|m2|m²|km|ha\b|t\b|tonnes?\b|[kmg]wh"
    r"|logements?\b|emplois?\b|%|personnes\b|m[eè]tres?\b)",
    re.IGNORECASE,
)

_SCALES = {"k": 1e3, "m": 1e6, "md": 1e9, "mds": 1e9, "g": 1e9}


@dataclass(frozen=True)
class Montant:
    start: int
    end: int
    text: str
    euros: float | None  # None when the value could not be read


@dataclass(frozen=True)
class Date:
    start: int
    end: int
    text: str


def _value(number: str) -> float | None:
    cleaned = re.sub(_SPACES, "", number).replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def find_amounts(text: str) -> list[Montant]:
    found = []
    for match in AMOUNT.finditer(text):
        value = _value(match["number"])
        if value is not None:
            if match["scale"]:
                value *= _SCALES[match["scale"].lower()]
            elif match["word"]:
                value *= 1e9 if match["word"].lower().startswith("milliard") else 1e6
        found.append(Montant(match.start(), match.end(), match.group(), value))
    return found


def find_dates(text: str) -> list[Date]:
    found = []
    for match in DATE.finditer(text):
        if match.group().isdigit() and _QUANTITY_AFTER.match(text, match.end()):
            continue
        found.append(Date(match.start(), match.end(), match.group()))
    return found


def order_of_magnitude(euros: float) -> str:
    """« environ 10 M€ », « environ 700 k€ », « environ 40 € »: one significant figure."""
    if euros <= 0:
        return "un montant"
    exponent = len(str(int(euros))) - 1
    leading = int(euros / 10**exponent + 0.5)  # half up: 2,5 M€ reads « environ 3 M€ »
    rounded = leading * 10**exponent
    for size, unit in ((1e9, "Md€"), (1e6, "M€"), (1e3, "k€")):
        if rounded >= size:
            shown = rounded / size
            return f"environ {shown:g} {unit}".replace(".", ",")
    return f"environ {rounded:g} €"


def per_inhabitant(euros: float, population: int) -> str:
    """« environ 45 € par habitant » (two significant figures), or "" without a population."""
    if population <= 0 or euros <= 0:
        return ""
    value = euros / population
    shown = float(f"{value:.2g}")
    text = f"{shown:,.0f}" if shown >= 10 else f"{shown:g}"
    text = text.replace(",", "\u202f").replace(".", ",")
    return f"environ {text} € par habitant"
