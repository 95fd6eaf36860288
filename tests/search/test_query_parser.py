"""What a query asks for: a numbered reference, a year, a kind, and its words."""

import pytest

from search.query_parser import parse


@pytest.mark.parametrize(
    ("query", "number", "year", "kind"),
    [
        ("23", 23, None, None),
        ("№ 23", 23, None, None),
        ("№23", 23, None, None),
        ("Решение № 23", 23, None, "decision"),
        ("решение 23", 23, None, "decision"),
        ("заповед 23", 23, None, "order"),
        ("Заповед № 23/2026", 23, 2026, "order"),
        ("23/2026", 23, 2026, None),
        ("решение 23 от 2026", 23, 2026, "decision"),
        ("Решение № 23 от 12.03.2026 г.", 23, 2026, "decision"),
        ("бюджет 2025", None, 2025, None),
        ("бюджет", None, None, None),
    ],
)
def test_numbers_years_and_kinds_are_read(query, number, year, kind):
    parsed = parse(query)
    assert (parsed.number, parsed.year, parsed.kind) == (number, year, kind)


def test_the_reference_words_are_not_searched_as_text():
    assert parse("Решение № 23 от 2026 г.").terms == []
    assert [term.word for term in parse("бюджет 2025").terms] == ["бюджет"]


def test_words_carry_their_stems_and_stop_words_are_dropped():
    terms = parse("решения за детски градини").terms
    assert [term.word for term in terms] == ["решения", "детски", "градини"]
    assert "градин" in terms[2].forms


def test_a_query_of_stop_words_only_still_searches_them():
    assert [term.word for term in parse("за").terms] == ["за"]


@pytest.mark.parametrize("query", ["", "   ", "\u0000", "&|!():*\"~^", "😀" * 50, "9" * 5000, "№", "решение №"])
def test_odd_queries_parse_without_errors(query):
    parse(query)


def test_the_number_of_words_is_bounded():
    assert len(parse(" ".join(f"дума{n}" for n in range(100))).terms) == 12
