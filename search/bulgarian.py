"""Bulgarian text analysis for the database search: words, stop words and the light stemmer Elasticsearch uses.

The stemmer follows the algorithm J. Savoy published ("Searching strategies for the Bulgarian
language", Information Retrieval 10, 2007), as Lucene's BulgarianStemmer implements it for
Elasticsearch's `bulgarian` analyzer: it removes definite articles and plural endings and
normalises a few alternations, so "бюджетът", "бюджета" and "бюджети" share the stem "бюджет".
Doing it in Python lets SQLite and a managed PostgreSQL (no dictionary files) match word forms
the way Elasticsearch does.
"""

import functools
import re
import unicodedata

# Letters and digits; "23/2026", "социално-икономически" and "№23" fall apart into their words.
WORD = re.compile(r"[^\W_]+")

# Words too common to tell documents apart (prepositions, conjunctions, pronouns, auxiliaries).
STOP_WORDS = frozenset(
    """
    а аз ако ала бе без би бил била били било близо бъдат бъде бяха в вас ваш ваша вече ви вие
    винаги все всеки всички всичко всяка във въпреки върху г ги го да дали до докато дори доста
    е едва ето за зад заедно заради засега затова защо защото и из или им има имат й как каква
    какво както какъв като кога когато което които кой който колко която къде където към ли ме
    между мен ми може му на над най нас не него нея ни ние никой нито но някои някой няма обаче
    около освен особено от отново още пак по под поне поради после почти пред преди през при
    пък с са само се сега си след сме според сред срещу сте съм със също т тази така такива
    такъв там те тези ти то това тогава този той толкова точно тук тъй тя тях у че често чрез
    ще щом я
    """.split()
)

CYRILLIC = re.compile(r"^[а-яѐ-џ]+$")


def normalise(text):
    """Lower case, composed characters, and `ѝ` read as `и` (people type both)."""
    return unicodedata.normalize("NFC", text).casefold().replace("ѝ", "и").replace("ѐ", "е")


def words(text):
    """The words of a text in order, normalised; stop words are kept (callers decide)."""
    return WORD.findall(normalise(text))


def index_words(text):
    """The words worth indexing: no stop words, none longer than any real word."""
    return [word for word in words(text) if word not in STOP_WORDS and len(word) <= 60]


def stem(word, alternations=True):
    """The stem of one normalised word by Savoy's algorithm; other scripts and numbers come back unchanged.

    `alternations=False` leaves out the rules that rewrite a consonant or vowel (бюджети → бюджят,
    такси → такх), which are right for летни/лятно and монаси/монах but wrong for most nouns.
    """
    if len(word) < 4 or not CYRILLIC.match(word):
        return word
    if len(word) > 5 and word.endswith("ища"):
        return word[:-3]
    word = _remove_plural(_remove_article(word), alternations)
    if len(word) > 3:
        if word.endswith("я"):
            word = word[:-1]
        if word.endswith(("а", "о", "е")):
            word = word[:-1]
    if len(word) > 4 and word.endswith("ен"):
        word = word[:-2] + "н"
    if len(word) > 5 and word[-2] == "ъ":
        word = word[:-2] + word[-1]
    return word


def _remove_article(word):
    if len(word) > 6 and word.endswith("ият"):
        return word[:-3]
    if len(word) > 5 and word.endswith(("ът", "то", "те", "та", "ия")):
        return word[:-2]
    if len(word) > 4 and word.endswith("ят"):
        return word[:-2]
    return word


def _remove_plural(word, alternations=True):
    if len(word) > 6:
        if word.endswith("овци"):
            return word[:-3]  # градовци → град(о)
        if word.endswith("ове"):
            return word[:-3]
        if word.endswith("еве"):
            return word[:-3] + "й"  # краеве → край
    if len(word) > 5:
        if word.endswith("ища"):
            return word[:-3]
        if word.endswith("та"):
            return word[:-2]
        if not alternations and word.endswith("и"):
            return word[:-1]
        if word.endswith("ци"):
            return word[:-2] + "к"  # ученици → ученик
        if word.endswith("зи"):
            return word[:-2] + "г"  # подлози → подлог
        if word[-3] == "е" and word[-1] == "и":
            return word[:-3] + "я" + word[-2]  # летни → лятн (е/я alternation)
    if len(word) > 4:
        if alternations and word.endswith("си"):
            return word[:-2] + "х"  # монаси → монах
        if word.endswith("и"):
            return word[:-1]
    return word


def stems(word):
    """Every stem a word may have: Savoy's, and the ones its known misreadings would have given.

    The light stemmer cannot tell the article of "бюджета" (бюджет + а) from "-та", nor the plural
    "бюджети" from "летни", so "бюджет", "бюджета" and "бюджети" would get three stems. Indexing
    and querying the set of plausible stems makes every form share at least one with the others.
    """
    found = {stem(word), stem(word, alternations=False)}
    if word.endswith(("та", "тя")) and len(word) > 4:
        found.add(stem(word[:-1]))  # бюджета → бюджет
    if word.endswith("ия") and len(word) > 4:
        found.add(stem(word[:-1] + "е"))  # решения → решение
    for ending in ("ищата", "ището", "ища", "ище"):
        # Neuter nouns in -ище (училище, читалище) and masculine plurals in -ища (пътища) look alike.
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            base = word[: -len(ending)]
            found.update((base, base + "ищ"))
            break
    return found


def extra_stems(words_):
    """The stems of the words that are not the words themselves: what the index adds to the exact words."""
    return [stemmed for word in words_ for stemmed in added_stems(word)]


@functools.lru_cache(maxsize=50_000)
def added_stems(word):
    # Texts repeat their words, and a batch of decisions shares most of them: each distinct word is stemmed once.
    return tuple(stemmed for stemmed in sorted(stems(word)) if stemmed != word)
