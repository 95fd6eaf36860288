"""A few lines of a result's text around the words that matched, with those words marked."""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .bulgarian import WORD, normalise, stems

WINDOW_WORDS = 30
# Enough text to find a match in; a 500-page document is not scanned to its end for a snippet.
SCANNED_CHARS = 50_000


def snippet(text, forms, window=WINDOW_WORDS):
    """HTML: the window of `window` words with the most matches, each match in <mark>; the start of the text if none."""
    text = text[:SCANNED_CHARS]
    tokens = list(WORD.finditer(text))
    if not tokens:
        return ""
    matched = [is_match(token.group(), forms) for token in tokens]
    best_start, best_score = 0, 0
    score = 0
    for position in range(len(tokens)):
        score += matched[position]
        if position >= window:
            score -= matched[position - window]
        if score > best_score:
            best_start, best_score = max(position - window + 1, 0), score
    last = min(best_start + window, len(tokens)) - 1
    pieces = []
    cursor = tokens[best_start].start()
    for position in range(best_start, last + 1):
        token = tokens[position]
        pieces.append(escape(text[cursor : token.start()]))
        word = escape(token.group())
        pieces.append(f"<mark>{word}</mark>" if matched[position] else word)
        cursor = token.end()
    html = re.sub(r"\s+", " ", "".join(pieces)).strip()
    prefix = "… " if best_start > 0 else ""
    suffix = " …" if last < len(tokens) - 1 else ""
    return mark_safe(prefix + html + suffix)


def is_match(word, forms):
    if not forms:
        return False
    word = normalise(word)
    return word in forms or not cached_stems(word).isdisjoint(forms)


@functools.lru_cache(maxsize=50_000)
def cached_stems(word):
    # A text repeats its words; stemming each distinct one once keeps a long document's snippet cheap.
    return frozenset(stems(word))
