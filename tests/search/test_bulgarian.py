"""The Bulgarian analysis: Savoy's light stemmer on its word classes, and the stem sets that join every form of a word."""

import pytest

from search.bulgarian import STOP_WORDS, index_words, normalise, stem, stems

# Word classes the algorithm is published for: each list is one word's forms, all with one stem.
SAVOY_CLASSES = [
    ("град", ["град", "града", "градът", "градове", "градовете"]),
    ("кост", ["кост", "костта", "кости", "костите"]),
    ("вестник", ["вестник", "вестника", "вестникът", "вестници", "вестниците"]),
    ("красив", ["красив", "красивия", "красивият", "красива", "красивата", "красиво", "красивото", "красиви", "красивите"]),
    ("път", ["път", "пътя", "пътят", "пътища", "пътищата"]),
    ("улиц", ["улица", "улицата", "улици", "улиците"]),
    ("градин", ["градина", "градината", "градини", "градините"]),
    ("общинск", ["общински", "общинския", "общинският", "общинска", "общинската", "общинско", "общинските"]),
    ("ученик", ["ученик", "ученици"]),
]


@pytest.mark.parametrize(("expected", "forms"), SAVOY_CLASSES)
def test_savoy_stemmer_gives_every_form_of_a_word_one_stem(expected, forms):
    assert {stem(form) for form in forms} == {expected}


def test_short_words_numbers_and_latin_are_left_alone():
    assert stem("път") == "път"
    assert stem("2026") == "2026"
    assert stem("budget") == "budget"


# Nouns in -т and -ие, where the light stemmer alone splits one word into two or three stems.
JOINED_BY_STEM_SETS = [
    ["бюджет", "бюджета", "бюджетът", "бюджети", "бюджетите"],
    ["съвет", "съвета", "съветът", "съвети", "съветите"],
    ["решение", "решението", "решения", "решенията"],
    ["заповед", "заповедта", "заповеди", "заповедите"],
    ["такса", "таксата", "такси", "таксите"],
    ["отчет", "отчета", "отчетът", "отчети"],
    ["проект", "проекта", "проектът", "проекти"],
]


@pytest.mark.parametrize("forms", JOINED_BY_STEM_SETS, ids=lambda forms: forms[0])
def test_every_two_forms_of_a_word_share_a_stem(forms):
    for first in forms:
        for second in forms:
            assert stems(first) & stems(second), (first, second)


def test_different_words_keep_different_stems():
    assert not stems("бюджет") & stems("бюро")
    assert not stems("градина") & stems("град")


def test_normalising_folds_case_and_the_accented_i():
    assert normalise("ОБЩИНАТА Ѝ") == "общината и"
    assert index_words("Решение № 23 на Общинския съвет за 2026 г.") == ["решение", "23", "общинския", "съвет", "2026"]
    assert "за" in STOP_WORDS and "бюджет" not in STOP_WORDS
