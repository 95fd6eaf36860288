"""A resident answers the survey on a phone: a forgotten question is pointed out, the answer thanked, the results
read; the page is the same on a desktop. Screenshots in var/screenshots/survey-*.png."""

from pathlib import Path

import pytest
from django.core.cache import cache

from surveys.models import SurveyAnswer
from tests.conftest import make_home, restore_wagtail_base_data
from tests.surveys.helpers import make_survey
from tests.surveys.helpers import add_answers

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.fixture
def survey_url(live_server, people_fill_forms_instantly, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 5
    restore_wagtail_base_data()
    survey = make_survey(make_home())
    add_answers(survey, 6, informed="Много", hours="3")
    add_answers(survey, 7, group="business", informed="Слабо", helps=("Онлайн участие",), hours="1")
    cache.clear()
    return live_server.url + survey.url


@pytest.mark.parametrize("width", [360, 1280])
def test_a_resident_answers_the_survey_and_reads_its_results(page, survey_url, axe, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(survey_url)
    assert axe() == []
    page.get_by_label("Гражданин").check()
    page.get_by_label("Донякъде").check()
    page.get_by_label("Онлайн участие").check()
    page.get_by_label("Колко часа на месец?").fill("2,5")
    page.get_by_label("Какво да промени общината?").fill("Обсъжданията да са вечер.")
    page.get_by_role("button", name="Изпрати отговорите").click()

    # The required dropdown was left empty: the summary says so at the top of the form and links to it.
    summary = page.locator(".error-summary")
    assert summary.is_visible() and "Отговорете на въпроса." in summary.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"survey-{width}-error.png")
    assert axe() == []
    assert page.get_by_label("Какво да промени общината?").input_value() == "Обсъжданията да са вечер."
    page.get_by_label("Взема ли се предвид мнението ви?").select_option("Не")
    page.get_by_role("button", name="Изпрати отговорите").click()

    assert page.get_by_text("Благодарим! Отговорите ви са записани.").is_visible()
    assert page.get_by_text("Вече попълнихте тази анкета").is_visible()
    assert SurveyAnswer.objects.count() == 14
    screenshot(page, f"survey-{width}-thanks.png")
    assert axe() == []

    page.get_by_role("link", name="Резултатите от анкетата").click()
    assert page.get_by_text("Въз основа на 14 отговора.").is_visible()
    assert page.locator("svg.chart").count() == 4  # the four questions with options
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"survey-{width}-results.png")
    assert axe() == []
