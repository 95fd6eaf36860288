"""A survey page with one question of each kind, and posting it as a browser would."""

import uuid

from surveys.models import SurveyAnswer, SurveyPage, SurveyQuestion, SurveyTextAnswer
from tests.consultations.helpers import form_rendered_seconds_ago

QUESTIONS = [
    ("radio", "Колко сте информирани?", "Много\nДонякъде\nСлабо", True),
    ("checkboxes", "Кое би ви помогнало?", "Покана\nОнлайн участие\nОбобщения", False),
    ("dropdown", "Взема ли се предвид мнението ви?", "Да\nНе\nНе мога да преценя", True),
    ("number", "Колко часа на месец?", "", False),
    ("checkbox", "Бих участвал(а) във фокус група", "", False),
    ("multiline", "Какво да промени общината?", "", False),
]


def make_survey(parent, **fields):
    # In order, as the editor's form numbers them: with no sort order PostgreSQL may return the questions in any
    # order after the page is saved again, and the answers would go to the wrong questions.
    questions = [SurveyQuestion(field_type=kind, label=label, choices=choices, required=required, sort_order=n)
                 for n, (kind, label, choices, required) in enumerate(QUESTIONS)]
    fields = {"title": "Анкета за участието", "slug": "anketa", **fields}
    page = parent.add_child(instance=SurveyPage(questions=questions, **fields))
    return SurveyPage.objects.get(pk=page.pk)


def keys(survey):
    return [question.clean_name for question in survey.questions.all()]


def valid_answers(survey, **overrides):
    """Form data answering every question; `overrides` by question number ("q1"…) or field name, None removes."""
    informed, helps, considered, hours, focus, text = keys(survey)
    data = {
        "rendered_at": form_rendered_seconds_ago(),
        "website": "",
        "stakeholder_type": "citizen",
        informed: "Донякъде",
        helps: ["Покана", "Обобщения"],
        considered: "Не",
        hours: "2,5",
        focus: "on",
        text: "Обсъжданията да са вечер.",
    }
    names = keys(survey)
    for key, value in overrides.items():
        name = names[int(key[1:]) - 1] if key[:1] == "q" and key[1:].isdigit() else key
        data[name] = value
    return {key: value for key, value in data.items() if value is not None}


def answer(client, survey, **overrides):
    client.get(survey.url)  # the form is shown first: the session gets its token, as in a browser
    return client.post(survey.url, valid_answers(survey, **overrides))


def add_answers(survey, n, group="citizen", informed="Донякъде", helps=("Покана",), hours="2", focus=True,
                text=""):
    """`n` stored answers, as if sent through the form (with a text answer waiting for moderation if `text`)."""
    informed_key, helps_key, considered_key, hours_key, focus_key, text_key = keys(survey)
    answers = SurveyAnswer.objects.bulk_create(
        SurveyAnswer(page=survey, stakeholder_type=group, respondent=uuid.uuid4().hex,
                     form_data={informed_key: informed, helps_key: list(helps), considered_key: "Да",
                                hours_key: hours, focus_key: focus, text_key: text})
        for i in range(n))
    if text:
        SurveyTextAnswer.objects.bulk_create(
            SurveyTextAnswer(answer=a, question=text_key, question_label="Какво да промени общината?")
            for a in answers)
    return answers
