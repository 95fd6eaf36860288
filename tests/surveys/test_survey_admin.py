"""Editors read and export a survey's answers; moderators publish or hide its text answers."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from surveys.models import SurveyAnswer, SurveyTextAnswer, TextAnswerStatus
from tests.surveys.helpers import answer, keys

pytestmark = pytest.mark.django_db


def user_in(group_name, username="moderator"):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "парола-за-тест")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def answered(survey):
    from django.test import Client

    answer(Client(), survey, q6="=HYPERLINK(\"http://evil.example\")", q1="Много")
    answer(Client(), survey, q6="@SUM(A1)", stakeholder_type="ngo")
    return survey


def export(client, survey):
    response = client.get(reverse("wagtailforms:list_submissions", args=[survey.pk]) + "?export=csv")
    return response


def test_editors_export_the_answers_as_safe_utf8_csv(client, answered):
    client.force_login(user_in("Editors", "editor"))
    response = export(client, answered)
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    assert rows[0][:3] == ["Получен", "Вие сте", "Колко сте информирани?"]
    assert rows[1][1] == "Гражданин" and rows[2][1] == "НПО"
    text_column = rows[0].index("Какво да промени общината?")
    assert rows[1][text_column] == "'=HYPERLINK(\"http://evil.example\")"
    assert rows[2][text_column] == "'@SUM(A1)"
    assert "respondent" not in content.lower() and SurveyAnswer.objects.first().respondent not in content


def test_the_answers_are_only_for_people_who_may_edit_the_survey(client, answered):
    from django.contrib.auth.models import Permission

    assert export(client, answered).status_code == 302  # to the login page
    # Signed in to the admin, but with no right to edit pages (Wagtail's Moderators and Editors have it).
    user = user_in(None, "visitor")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert export(client, answered).status_code in (302, 403)


def test_moderators_publish_and_hide_text_answers_in_bulk_with_the_audit_log(client, answered):
    moderator = user_in("Moderators")
    client.force_login(moderator)
    listing = client.get(reverse("wagtailsnippets_surveys_surveytextanswer:list")).content.decode()
    assert "@SUM(A1)" in listing and "Чака преглед" in listing
    first, second = SurveyTextAnswer.objects.order_by("pk")
    ids = f"id={first.pk}"
    url = f"/admin/bulk/surveys/surveytextanswer/publish_survey_text_answers/?next=/admin/&{ids}"
    assert client.post(url).status_code == 302
    first.refresh_from_db()
    assert first.status == TextAnswerStatus.PUBLISHED and first.moderated_at is not None
    assert ModelLogEntry.objects.filter(action="surveys.publish", user=moderator).count() == 1
    edit = client.get(reverse("wagtailsnippets_surveys_surveytextanswer:edit", args=[second.pk])).content.decode()
    assert "@SUM(A1)" in edit and "Какво да промени общината?" in edit
    # Answers come from residents only: nobody adds one in the admin, not even an administrator.
    assert client.get(reverse("wagtailsnippets_surveys_surveytextanswer:add")).status_code in (302, 403)
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "парола-за-тест"))
    assert client.get(reverse("wagtailsnippets_surveys_surveytextanswer:add")).status_code in (302, 403)
    assert client.post(reverse("wagtailsnippets_surveys_surveytextanswer:add"), {"status": "published"}).status_code in (302, 403)
    assert SurveyTextAnswer.objects.count() == 2


def test_a_text_answer_published_shows_on_the_results(client, answered, settings):
    settings.EVALUATION_RESULTS_THRESHOLD = 1
    SurveyTextAnswer.objects.update(status=TextAnswerStatus.PUBLISHED)
    page = client.get(answered.url + "rezultati/").content.decode()
    assert "@SUM(A1)" in page and "2 публикувани отговора." in page
    assert keys(answered)[5] not in page or "rezultati/" in page


def test_an_editor_builds_a_survey_in_the_page_editor_with_the_survey_question_types_only(client, home):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from surveys.models import SurveyPage

    client.force_login(user_in("Moderators"))  # Wagtail's Editors save drafts; Moderators publish
    add_url = reverse("wagtailadmin_pages:add", args=["surveys", "surveypage", home.pk])
    form = client.get(add_url).content.decode()
    assert 'value="radio"' in form and 'value="email"' not in form and 'value="hidden"' not in form

    def post(field_type):
        return client.post(add_url, nested_form_data({
            "title": "Анкета за младежите", "slug": "anketa-mladezhi", "intro": rich_text("<p>Въведение</p>"),
            "thank_you_text": rich_text(""), "results_intro": rich_text(""), "show_results": "on",
            "questions": inline_formset([
                {"label": "Колко често идвате в центъра?", "field_type": field_type, "required": "on",
                 "choices": "Всеки ден\nВсяка седмица\nРядко", "default_value": "", "help_text": ""},
            ]),
            "action-publish": "publish",
        }))

    assert post("email").status_code == 200  # refused: a survey asks no e-mail
    assert not SurveyPage.objects.filter(slug="anketa-mladezhi").exists()
    assert post("radio").status_code == 302
    survey = SurveyPage.objects.get(slug="anketa-mladezhi")
    question = survey.questions.get()
    assert question.clean_name == "kolko_chesto_idvate_v_tsentara"
    page = client.get(survey.url).content.decode()
    assert 'name="kolko_chesto_idvate_v_tsentara"' in page and "Всяка седмица" in page


def test_an_editor_previews_a_survey_as_people_will_see_it(client, survey):
    client.force_login(user_in("Moderators"))
    survey.intro = "<p>Нов въпрос за младежите</p>"
    revision = survey.save_revision()
    preview = client.get(f"/admin/pages/{survey.pk}/revisions/{revision.pk}/view/")
    assert preview.status_code == 200
    content = preview.content.decode()
    assert "Нов въпрос за младежите" in content and "Изпрати отговорите" in content
    assert SurveyAnswer.objects.count() == 0
