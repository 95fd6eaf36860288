"""The public search's matching and ranking on PostgreSQL: word forms, numbers, years, partial matches, filters."""

import datetime

import pytest

from decisions.models import IssuingBody
from search import engine
from search.engine import Filters, search
from tests.decisions.factories import DecisionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decide(decision_index, committed):
    """Create a live decision with its search entry, as publishing it would."""

    def create(title, body="<p>Текст.</p>", **fields):
        with committed():
            return DecisionPageFactory(parent=decision_index, title=title, body=body, **fields)

    return create


def titles(query, filters=None, count=10):
    return [hit.title for hit in search(query, filters)[0:count]]


@pytest.mark.parametrize("query", ["бюджет", "бюджета", "бюджетът", "бюджети", "бюджетите", "БЮДЖЕТА"])
def test_every_form_of_a_word_finds_the_others(decide, query):
    decide("Приемане на бюджета за 2026 г.")
    assert titles(query) == ["Приемане на бюджета за 2026 г."]


def test_an_exact_form_ranks_above_a_stem_match(decide):
    decide("Отчет за пътищата", "<p>Средства от бюджети на министерства.</p>")
    decide("Отчет за улиците", "<p>Средства от бюджета на общината.</p>")
    assert titles("бюджета") == ["Отчет за улиците", "Отчет за пътищата"]


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_text(decide):
    decide("Ремонт на улици", "<p>Ремонт и на детската градина.</p>")
    decide("Детска градина в с. Скравена", "<p>Нова сграда.</p>")
    assert titles("детска градина")[0] == "Детска градина в с. Скравена"


def test_all_words_rank_first_and_partial_matches_follow(decide):
    decide("Пейки в парка", "<p>Нови пейки.</p>")
    decide("Пейки и фонтани в центъра", "<p>Нови пейки и фонтани.</p>")
    assert titles("пейки фонтани") == ["Пейки и фонтани в центъра", "Пейки в парка"]


def test_a_query_whose_words_are_not_all_anywhere_still_finds_the_best_partial_match(decide):
    decide("Сметосъбиране в селата")
    assert titles("сметосъбиране космодрум") == ["Сметосъбиране в селата"]


@pytest.fixture
def numbered(decide):
    decide("Решение за пътищата", number=23, date=datetime.date(2026, 2, 26))
    decide("Заповед за снегопочистването", number=23, date=datetime.date(2026, 1, 12), issuing_body=IssuingBody.MAYOR, session=None)
    decide("Решение за читалищата", number=23, date=datetime.date(2025, 3, 28))
    decide("Решение, което изменя Решение № 23", "<p>Изменя Решение № 23 от 2026 г.</p>", number=41,
           date=datetime.date(2026, 5, 28))
    decide("Решение за спорта", number=230, date=datetime.date(2026, 4, 1))


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Решение № 23", ["Решение за пътищата", "Решение за читалищата"]),
        ("решение 23", ["Решение за пътищата", "Решение за читалищата"]),
        ("заповед 23", ["Заповед за снегопочистването"]),
        ("23/2026", ["Решение за пътищата", "Заповед за снегопочистването"]),
        ("решение 23 от 2026", ["Решение за пътищата"]),
        ("№ 23", ["Решение за пътищата", "Заповед за снегопочистването", "Решение за читалищата"]),
        ("23", ["Решение за пътищата", "Заповед за снегопочистването", "Решение за читалищата"]),
    ],
)
def test_a_number_puts_that_decision_first(numbered, query, first):
    assert titles(query)[: len(first)] == first


def test_a_decision_that_cites_the_number_follows_the_numbered_ones(numbered):
    found = titles("Решение № 23")
    assert "Решение, което изменя Решение № 23" in found
    assert "Решение за спорта" not in found


def test_a_dated_number_finds_the_act_then_the_texts_that_cite_it_in_any_year(numbered, decide):
    decide("Решение за паркирането", "<p>Отменя Решение № 23/2026 г. на Общинския съвет.</p>", number=7,
           date=datetime.date(2027, 2, 1))
    decide("Решение за пейките", "<p>Поставяне на 23 нови пейки.</p>", number=60, date=datetime.date(2025, 6, 1))
    # Dated the 23rd of 2026, citing something else: its own "№ 8 от 23.03.2026" is not a citation of 23/2026.
    decide("Решение за осветлението", "<p>Подмяна на 40 лампи, съгласно Решение № 5/2020.</p>", number=8,
           date=datetime.date(2026, 3, 23))
    found = titles("23/2026")
    assert found[:2] == ["Решение за пътищата", "Заповед за снегопочистването"]
    assert set(found[2:]) == {"Решение за паркирането", "Решение, което изменя Решение № 23"}


@pytest.mark.parametrize("citation", ["№ 23/2026", "№23 / 2026 г.", "Решение № 23 от 12.03.2026 г.",
                                      "заповед № 23 от 2026 г."])
def test_a_dated_number_finds_the_texts_citing_it_in_each_form(numbered, decide, citation):
    decide("Решение за паркирането", f"<p>Във връзка с {citation} на Общинския съвет.</p>", number=7,
           date=datetime.date(2027, 2, 1))
    assert "Решение за паркирането" in titles("23/2026")


def test_a_year_narrows_the_search_to_it(decide):
    decide("Бюджет на общината", date=datetime.date(2025, 1, 30))
    decide("Бюджет на общината за следващата година", date=datetime.date(2026, 1, 29))
    assert titles("бюджет 2025") == ["Бюджет на общината"]


def test_filters_by_kind_year_and_policy(decide, policy_index, committed):
    from tests.policy_pages.factories import PolicyPageFactory

    with committed():
        policy = PolicyPageFactory(parent=policy_index, title="Чиста околна среда", summary="Паркове и пейки.")
    council = decide("Пейки в парка", date=datetime.date(2025, 5, 1))
    with committed():
        council.related_policies = [policy]
        council.save()
    decide("Пейки на площада", date=datetime.date(2026, 5, 1), issuing_body=IssuingBody.MAYOR, session=None)
    assert set(titles("пейки")) == {"Пейки в парка", "Пейки на площада", "Чиста околна среда"}
    assert titles("пейки", Filters(kinds=("order",))) == ["Пейки на площада"]
    assert titles("пейки", Filters(year=2025)) == ["Пейки в парка"]
    assert set(titles("пейки", Filters(policy=policy.pk))) == {"Пейки в парка", "Чиста околна среда"}


def test_the_kind_of_each_result_is_named(numbered):
    hits = search("23/2026")[0:2]
    assert [hit.kind_label for hit in hits] == ["Решение", "Заповед"]


def test_the_snippet_marks_every_form_of_the_words(decide):
    decide("Отчет", "<p>Изпълнението на бюджета е по план. Бюджетите на кметствата също.</p>")
    snippet = search("бюджет")[0:1][0].snippet
    assert "<mark>бюджета</mark>" in snippet and "<mark>Бюджетите</mark>" in snippet


def test_the_snippet_is_escaped(decide):
    decide("Отчет", "<p>бюджет &lt;script&gt;alert(1)&lt;/script&gt; и 5 &lt; 7 &amp; 9 &gt; 8</p>")
    snippet = search("бюджет")[0:1][0].snippet
    assert "<script>" not in snippet
    assert "5 &lt; 7 &amp; 9 &gt; 8" in snippet


def test_a_common_word_is_counted_only_up_to_the_limit(decide, monkeypatch):
    for number in range(5):
        decide(f"Пътища {number}")
    monkeypatch.setattr(engine, "COUNT_LIMIT", 3)
    results = search("пътища")
    assert results.count() == 3 and results.is_estimate()
    assert len(results[0:10]) == 3


def test_a_decisions_number_is_searched_but_not_shown_as_its_text(decision_index, committed):
    """The number is a particular, like the date: as text it ended snippets as a stray „… 87 %. 61“."""
    from search.models import SearchEntry

    with committed():
        decision = DecisionPageFactory(parent=decision_index, number=61, body="<p>Разходите са 87 %.</p>")
    entry = SearchEntry.objects.get(page=decision, document__isnull=True)
    assert not entry.text.rstrip().endswith("61")
    assert [hit.title for hit in search("61")][0] == decision.title


def test_a_headings_level_is_not_text_of_the_page(home, committed):
    from search.models import SearchEntry
    from tests.home.factories import StandardPageFactory

    with committed():
        page = StandardPageFactory(parent=home, title="Добри практики", body=[
            ("heading", {"text": "Училищни градини", "level": "h2"}),
        ])
    text = SearchEntry.objects.get(page=page).text
    assert "Училищни градини" in text
    assert "ниво" not in text
