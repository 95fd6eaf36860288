"""What a search query asks for: its words (with their Bulgarian stems), a document number, a year, a kind."""

import re
from dataclasses import dataclass, field

from .bulgarian import STOP_WORDS, normalise, stems, words

FIRST_YEAR, LAST_YEAR = 1878, 2200
MAX_TERMS = 12

KIND_WORDS = {
    "решение": "decision", "решения": "decision", "решението": "decision",
    "заповед": "order", "заповеди": "order", "заповедта": "order",
}
_KIND = r"(?P<kind>решени[ея]|решението|заповед(?:и|та)?)\s*"
_SIGN = r"(?:№|no\.?|n\.?|номер|бр\.?)\s*"
_NUMBER = r"(?P<number>\d{1,6})"
# "от 12.03.2026", "от 2026", "/2026", "-2026", followed by an optional "г."
_YEAR = r"(?:\s*(?:/|-|от)\s*(?:\d{1,2}\.\d{1,2}\.)?(?P<year>\d{4})(?:\s*г\b\.?)?)?"
NUMBERED = [
    re.compile(_KIND + f"(?:{_SIGN})?" + _NUMBER + _YEAR),  # решение № 23 от 2026, заповед 23
    re.compile(_SIGN + _NUMBER + _YEAR),  # № 23/2026
    re.compile(r"(?<![\d.])" + _NUMBER + r"\s*/\s*(?P<year>\d{4})\b"),  # 23/2026
]
STANDALONE_YEAR = re.compile(r"(?<![\d.,/])(?P<year>\d{4})(?:\s*г\b\.?)?(?![\d,/])")
DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?P<year>\d{4})\b")


@dataclass(frozen=True)
class Term:
    """One word of the query and the forms that match it: itself and its stems."""

    word: str
    forms: tuple

    @classmethod
    def of(cls, word):
        return cls(word, (word, *sorted(stems(word) - {word})))


@dataclass
class ParsedQuery:
    terms: list = field(default_factory=list)
    number: int | None = None
    year: int | None = None
    kind: str | None = None
    year_of_number: bool = False  # the year came with the number ("23/2026"), not as a word of its own

    def __bool__(self):
        return bool(self.terms or self.number is not None or self.year is not None)

    @property
    def reference_only(self):
        """Only a dated reference ("23/2026", "решение № 23 от 2026"): the act, then the texts citing it."""
        return self.year_of_number and not self.terms

    @property
    def forms(self):
        """Every word form the query matches, for highlighting."""
        return {form for term in self.terms for form in term.forms}


def reference_word(number, year):
    """One word for a dated reference ("23/2026", "№ 23 от 12.03.2026"), indexed beside the text's words.

    Apart, "23" and "2026" are in every act dated 23.xx.2026 too; together, in this form, only where the
    act is cited. Latin letters between the digits: no Bulgarian word or number looks like it, and both
    full-text indexes keep it one word.
    """
    return f"n{number}y{year}"


def reference_words(text):
    """The reference words of every dated act `text` cites, in the forms the query parser reads."""
    text = normalise(text)
    found = {}
    for pattern in NUMBERED:
        for match in pattern.finditer(text):
            year = as_year(match["year"]) if match.groupdict().get("year") else None
            if year is not None:
                found[reference_word(int(match["number"]), year)] = None
    return list(found)


def as_year(text):
    year = int(text)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def parse(text):
    """Read a cleaned query: numbered references first ("решение № 23 от 2026"), then a year, then words."""
    text = normalise(text)
    parsed = ParsedQuery()
    for pattern in NUMBERED:
        match = pattern.search(text)
        if match:
            parsed.number = int(match["number"])
            groups = match.groupdict()
            if groups.get("year"):
                parsed.year = as_year(groups["year"])
                parsed.year_of_number = parsed.year is not None
            if groups.get("kind"):
                parsed.kind = KIND_WORDS.get(groups["kind"])
            text = text[: match.start()] + " " + text[match.end():]
            break
    if parsed.year is None:
        match = DATE.search(text) or STANDALONE_YEAR.search(text)
        if match and as_year(match["year"]):
            parsed.year = as_year(match["year"])
            text = text[: match.start()] + " " + text[match.end():]
    remaining = words(text)
    alone = remaining[0] if len(remaining) == 1 else ""
    # ASCII digits only: "¹" and "²" are digits to str.isdigit() but not to int() (the fuzzing found it).
    if parsed.number is None and parsed.year is None and alone.isascii() and alone.isdigit():
        parsed.number = int(alone[:6])  # "23" alone asks for decision 23
    seen = set()
    for word in remaining:
        if word in STOP_WORDS or word in seen or len(word) > 60:
            continue
        seen.add(word)
        parsed.terms.append(Term.of(word))
    if not parsed.terms and all(word in STOP_WORDS for word in remaining) and remaining and parsed.number is None:
        # Only stop words ("за", "от"): search them rather than nothing.
        parsed.terms = [Term.of(word) for word in dict.fromkeys(remaining)]
    parsed.terms = parsed.terms[:MAX_TERMS]
    return parsed
