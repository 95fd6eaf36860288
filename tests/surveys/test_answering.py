"""A person answers the survey: anonymously, once per browser, with clear Bulgarian messages for bad input."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import signing
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.html import escape

from consultations.forms import FORM_TIMESTAMP_SALT, read_form_timestamp
from surveys.answering import respondent_key
from surveys.models import SurveyAnswer, SurveyTextAnswer, TextAnswerStatus
from tests.consultations.helpers import form_rendered_seconds_ago
from tests.hostile import XSS
from tests.surveys.helpers import answer, keys, make_survey, valid_answers

pytestmark = pytest.mark.django_db


def test_an_answer_is_stored_without_anything_that_names_the_person_and_the_text_waits_for_a_moderator(
        client, survey):
    client.get(survey.url)
    data = valid_answers(survey)
    response = client.post(survey.url, data)
    assert response.status_code == 302 and response["Location"] == survey.url
    stored = SurveyAnswer.objects.get()
    informed, helps, considered, hours, focus, text = keys(survey)
    assert stored.stakeholder_type == "citizen"
    assert stored.form_data == {informed: "Донякъде", helps: ["Покана", "Обобщения"], considered: "Не",
                                hours: "2.5", focus: True, text: "Обсъжданията да са вечер."}
    # No address, name, e-mail or session: only a keyed hash that differs from survey to survey.
    assert {f.name for f in SurveyAnswer._meta.concrete_fields} == {
        "id", "form_data", "page", "submit_time", "stakeholder_type", "respondent"}
    # The random value of the form's showing went into the hash. Nothing the browser keeps leads to it: not its
    # cookies, and its session holds only "answered".
    assert stored.respondent == respondent_key(survey, read_form_timestamp(data["rendered_at"])[1])
    assert stored.respondent not in {respondent_key(survey, cookie.value) for cookie in client.cookies.values()}
    assert dict(client.session.items()) == {"surveys.answered": [survey.pk]}
    assert SurveyTextAnswer.objects.get().status == TextAnswerStatus.WAITING
    page = client.get(survey.url).content.decode()
    assert "Благодарим! Отговорите ви са записани." in page
    assert "Вече попълнихте тази анкета" in page and "<form" not in page.split("<main")[1]


def test_a_second_answer_from_the_same_session_is_refused_and_the_first_kept(client, survey):
    answer(client, survey)
    again = client.post(survey.url, valid_answers(survey, q1="Слабо"))
    assert again.status_code == 409
    assert "Вече попълнихте тази анкета" in again.content.decode()
    assert SurveyAnswer.objects.get().form_data[keys(survey)[0]] == "Донякъде"


def test_a_refused_second_answer_says_why_before_the_introduction(client, home):
    """After a long form the page opens at its top: the reason there is no form comes right under the title."""
    survey = make_survey(home, slug="anketa-2", intro="<p>Отнема около 5 минути.</p>")
    answer(client, survey)
    page = client.post(survey.url, valid_answers(survey)).content.decode()
    assert page.index("Вече попълнихте тази анкета") < page.index("Отнема около 5 минути.")


def test_the_database_refuses_a_second_copy_of_the_same_form_sent_before_the_first_was_recorded(client, survey):
    """What a double click's second request holds: the same form, and a session with no answer recorded yet."""
    client.get(survey.url)
    data = valid_answers(survey)
    assert client.post(survey.url, data).status_code == 302
    session = client.session
    session["surveys.answered"] = []
    session.save()
    again = client.post(survey.url, data)
    assert again.status_code == 409 and "Вече попълнихте тази анкета" in again.content.decode()
    assert SurveyAnswer.objects.count() == 1


def test_a_sent_form_copied_to_another_browser_is_refused(client, survey):
    data = valid_answers(survey)
    client.get(survey.url)
    assert client.post(survey.url, data).status_code == 302
    replayed = Client().post(survey.url, {**data, keys(survey)[0]: "Слабо"})
    assert replayed.status_code == 409
    assert SurveyAnswer.objects.get().form_data[keys(survey)[0]] == "Донякъде"


def test_a_form_shown_before_showings_had_a_random_value_is_still_taken(client, survey):
    """Forms open in browsers when this version was deployed carry the moment alone."""
    old = signing.dumps(int(time.time()) - 60, salt=FORM_TIMESTAMP_SALT)
    client.get(survey.url)
    assert client.post(survey.url, valid_answers(survey, rendered_at=old)).status_code == 302
    assert Client().post(survey.url, valid_answers(survey, rendered_at=old)).status_code == 302
    assert SurveyAnswer.objects.count() == 2


def test_showing_the_form_writes_no_session(client, survey):
    response = client.get(survey.url)
    assert settings.SESSION_COOKIE_NAME not in response.cookies and not Session.objects.exists()
    assert settings.CSRF_COOKIE_NAME in response.cookies  # which the answer needs, as every form


def test_an_answer_without_the_browsers_csrf_cookie_is_refused_in_bulgarian(survey):
    response = Client(enforce_csrf_checks=True).post(survey.url, valid_answers(survey))
    assert response.status_code == 403 and "CSRF проверката се провали" in response.content.decode()
    assert not SurveyAnswer.objects.exists()


def test_another_browser_may_answer(client, survey):
    answer(client, survey)
    assert answer(Client(), survey).status_code == 302
    assert SurveyAnswer.objects.count() == 2


def test_required_questions_left_empty_are_said_at_their_questions_and_nothing_is_stored(client, survey):
    client.get(survey.url)
    response = client.post(survey.url, valid_answers(survey, stakeholder_type=None, q1=None, q3=""))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Отговорете на въпроса.") == 2 * 2  # in the summary and at each question
    assert "Изберете кого представлявате." in page
    informed = keys(survey)[0]
    assert f'<a href="#id_{informed}_0">Отговорете на въпроса.</a>' in page  # the summary links to the question
    assert f'id="id_{informed}_error"' in page
    assert SurveyAnswer.objects.count() == 0
    # What the person did answer is still in the form.
    assert "Обсъжданията да са вечер." in page


@pytest.mark.parametrize("override, message", [
    ({"q1": "Отлично"}, "Изберете от предложените отговори."),
    ({"q2": ["Покана", "<b>друго</b>"]}, "Изберете от предложените отговори."),
    ({"stakeholder_type": "admin"}, "Изберете от предложените отговори."),
    ({"q4": "много"}, "Въведете число"),
    ({"q4": "NaN"}, "Въведете число"),
    ({"q4": "Infinity"}, "Въведете число"),
    ({"q4": "1" * 40}, "най-много 12 цифри"),
    ({"q6": "а" * 2001}, "по-дълъг от 2000 знака"),
    ({"q6": "нула\x00байт"}, "Празни знаци не са разрешени."),
])
def test_hostile_or_impossible_answers_get_a_form_error_never_a_500(client, survey, override, message):
    client.get(survey.url)
    response = client.post(survey.url, valid_answers(survey, **override))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SurveyAnswer.objects.count() == 0


def test_script_in_an_answer_is_kept_as_text_and_shown_escaped(client, survey):
    response = answer(client, survey, q6=XSS)
    assert response.status_code == 302
    assert SurveyAnswer.objects.get().form_data[keys(survey)[5]] == XSS


def test_an_answer_full_of_whitespace_is_no_text_answer(client, survey):
    answer(client, survey, q6="   \n  ")
    assert SurveyTextAnswer.objects.count() == 0


def test_a_bot_that_fills_the_hidden_field_is_thanked_and_nothing_is_stored(client, survey):
    response = answer(client, survey, website="http://spam.example")
    assert response.status_code == 302
    assert SurveyAnswer.objects.count() == 0


def test_a_form_sent_at_once_or_with_a_forged_timestamp_is_refused(client, survey):
    client.get(survey.url)
    fast = client.post(survey.url, valid_answers(survey, rendered_at=form_rendered_seconds_ago(0)))
    assert "твърде бързо" in fast.content.decode()
    forged = client.post(survey.url, valid_answers(survey, rendered_at="1700000000"))
    assert "Формулярът е остарял" in forged.content.decode()
    assert SurveyAnswer.objects.count() == 0


@override_settings(SUBMISSION_RATE_LIMIT="3/h")
def test_one_address_sending_too_many_answers_is_stopped(survey):
    statuses = [answer(Client(), survey).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert SurveyAnswer.objects.count() == 3


def test_a_closed_survey_shows_so_and_refuses_answers(client, survey):
    client.get(survey.url)
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save_revision().publish()
    page = client.get(survey.url)
    assert "Анкетата приключи на" in page.content.decode() and "<form" not in page.content.decode().split("<main")[1]
    response = client.post(survey.url, valid_answers(survey))
    assert response.status_code == 403
    assert SurveyAnswer.objects.count() == 0


def test_a_draft_or_restricted_survey_takes_no_answers(client, survey):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=survey, restriction_type=PageViewRestriction.LOGIN)
    assert client.post(survey.url, valid_answers(survey)).status_code == 302  # to the login page
    assert client.get(survey.url + "rezultati/").status_code == 302
    PageViewRestriction.objects.all().delete()
    survey.unpublish()
    assert client.post(survey.url, valid_answers(survey)).status_code == 404
    assert SurveyAnswer.objects.count() == 0


def test_a_drop_down_question_starts_unanswered(client, survey):
    page = client.get(survey.url).content.decode()
    considered = keys(survey)[2]
    select = page[page.index(f'<select name="{considered}"'):]
    assert select.index('<option value="" selected>— изберете —</option>') < select.index('<option value="Да">')


def test_the_form_is_labelled_and_says_it_is_anonymous(client, survey):
    page = client.get(survey.url).content.decode()
    assert "Анкетата е анонимна" in page
    for key in keys(survey)[3:4] + keys(survey)[5:]:
        assert f'<label for="id_{key}">' in page
    assert "<legend>Вие сте</legend>" in page
    assert escape("Бих участвал(а) във фокус група") in page


def test_unknown_fields_are_never_stored_and_a_flood_of_fields_is_a_bulgarian_400(client, survey):
    client.get(survey.url)
    extra = valid_answers(survey) | {f"x{i}": "<script>1</script>" for i in range(1500)}
    assert client.post(survey.url, extra).status_code == 302
    assert set(SurveyAnswer.objects.get().form_data) == set(keys(survey))
    flood = valid_answers(survey) | {f"x{i}": "1" for i in range(10_001)}
    response = Client().post(survey.url, flood)
    assert response.status_code == 400
    assert 'lang="bg"' in response.content.decode() and "твърде голям" in response.content.decode()
    assert SurveyAnswer.objects.count() == 1
