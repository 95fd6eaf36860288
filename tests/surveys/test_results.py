"""The public results: nothing below the threshold, shares per question and group, text only once published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from surveys.models import SurveyAnswer, SurveyTextAnswer, TextAnswerStatus
from tests.hostile import XSS
from tests.surveys.helpers import add_answers, keys

pytestmark = pytest.mark.django_db


def results_page(client, survey):
    response = client.get(survey.url + "rezultati/")
    assert response.status_code == 200
    return response.content.decode()


def test_below_the_threshold_nothing_of_the_answers_is_shown(client, survey, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 5
    add_answers(survey, 4, informed="Слабо")
    page = results_page(client, survey)
    assert "Още няма достатъчно отговори." in page
    assert "Слабо" not in page and "<svg" not in page


def test_shares_per_question_and_per_group_with_small_groups_left_out(client, survey, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 5
    add_answers(survey, 6, informed="Много", helps=("Покана", "Онлайн участие"), hours="4", focus=True)
    add_answers(survey, 2, group="ngo", informed="Слабо", helps=(), hours="1", focus=False)
    add_answers(survey, 12, group="business", informed="Донякъде", helps=("Онлайн участие",), hours="", focus=False)
    page = results_page(client, survey)
    assert "Въз основа на 20 отговора." in page
    assert "Гражданин — 6; Бизнес — 12." in page
    assert "Групите с по-малко от 5 отговора не се показват поотделно" in page
    assert "НПО" not in page.split("Отговорили:")[1]
    # Question 1: 6 of 20 "Много" (30%), 2 "Слабо" (10%), 12 "Донякъде" (60%).
    assert "Много: 30%; Донякъде: 60%; Слабо: 10%." in page  # the chart's description
    assert '<th scope="row">Много</th><td class="number">6</td><td class="number">30%</td>' in page
    # Several answers: shares of those who ticked anything (18), so they may add up to more than 100%.
    assert "Покана: 33%; Онлайн участие: 100%; Обобщения: 0%." in page
    # Per group, of that group's answers.
    assert '<th scope="row">Бизнес</th><td class="number">12</td><td class="number">0%</td><td class="number">100%</td>' in page
    # Numbers: mean, median, least and most of those who gave one (8 of them: six 4s and two 1s).
    assert '<td>8</td><td class="number">3,3</td><td class="number">4,0</td><td class="number">1,0</td>' in page
    # Yes/no: of all answers.
    assert "Да: 30%; Не: 70%." in page


def test_answers_to_a_removed_option_are_still_counted(client, survey, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 1
    add_answers(survey, 3, informed="Изобщо не")
    page = results_page(client, survey)
    assert "Изобщо не: 100%" in page


def test_text_answers_are_public_only_once_published_and_always_escaped(client, survey, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 1
    waiting, published, hidden = (add_answers(survey, 1, text=t)[0] for t in ("Чака преглед", XSS, "Обида"))
    SurveyTextAnswer.objects.filter(answer=published).update(status=TextAnswerStatus.PUBLISHED)
    SurveyTextAnswer.objects.filter(answer=hidden).update(status=TextAnswerStatus.HIDDEN)
    page = results_page(client, survey)
    assert escape(XSS) in page and XSS not in page
    assert "Чака преглед" not in page and "Обида" not in page
    assert "1 публикуван отговор." in page


def test_results_are_remembered_until_an_answer_or_a_moderation_changes_them(client, survey, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 1
    add_answers(survey, 2)
    assert "Въз основа на 2 отговора." in results_page(client, survey)
    with CaptureQueriesContext(connection) as queries:
        results_page(client, survey)
    assert not any("surveys_surveyanswer" in q["sql"] for q in queries.captured_queries)
    SurveyAnswer.objects.create(page=survey, stakeholder_type="ngo", respondent="new", form_data={})
    assert "Въз основа на 3 отговора." in results_page(client, survey)
    [text] = add_answers(survey, 1, text="Повече пейки")
    assert "Повече пейки" not in results_page(client, survey)
    item = SurveyTextAnswer.objects.get(answer=text)
    item.status = TextAnswerStatus.PUBLISHED
    item.save()
    assert "Повече пейки" in results_page(client, survey)


def test_results_the_editor_keeps_private_or_of_a_page_the_public_cannot_see_are_not_found(client, survey):
    add_answers(survey, 6)
    survey.show_results = False
    survey.save_revision().publish()
    assert client.get(survey.url + "rezultati/").status_code == 404
    assert "rezultati" not in client.get(survey.url).content.decode()
    survey.show_results = True
    survey.save_revision().publish()
    url = survey.url
    survey.unpublish()
    assert client.get(url + "rezultati/").status_code == 404


def test_each_text_questions_published_answers_page_by_page(client, survey, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 1
    text_key = keys(survey)[5]
    for i in range(25):
        add_answers(survey, 1, text=f"Предложение номер {i:02d}")
    SurveyTextAnswer.objects.update(status=TextAnswerStatus.PUBLISHED)
    summary = results_page(client, survey)
    assert "Всички 25 публикувани отговора на въпроса" in summary
    url = f"{survey.url}rezultati/{text_key}/"
    first = client.get(url).content.decode()
    assert first.count('class="submission"') == 20 and "Страница 1 от 2" in first
    assert client.get(url + "?stranica=2").content.decode().count('class="submission"') == 5
    wrong = client.get(url + "?stranica=абв")
    assert wrong.status_code == 400 and "цяло число" in wrong.content.decode()
    assert client.get(url + "?stranica=9").status_code == 404
    assert client.get(f"{survey.url}rezultati/{keys(survey)[0]}/").status_code == 404  # not a text question
    assert client.get(f"{survey.url}rezultati/nyama-takav/").status_code == 404


@pytest.mark.parametrize("answers", [10, 300])
def test_the_results_page_takes_the_same_queries_with_few_or_many_answers(
        client, survey, settings, answers, django_assert_max_num_queries):
    settings.EVALUATION_RESULTS_THRESHOLD = 5
    add_answers(survey, answers // 2, text="Текст")
    add_answers(survey, answers // 2, group="business", informed="Слабо", text="Друг текст")
    SurveyTextAnswer.objects.update(status=TextAnswerStatus.PUBLISHED)
    client.get(survey.url)  # the layout's remembered parts
    with django_assert_max_num_queries(8):
        results_page(client, survey)
    with django_assert_max_num_queries(8):
        client.get(survey.url)
