"""A survey page with one question of each kind, and posting it as a browser would."""

from surveys.models import SurveyPage, SurveyQuestion
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
    questions = [SurveyQuestion(field_type=kind, label=label, choices=choices, required=required)
                 for kind, label, choices, required in QUESTIONS]
    page = parent.add_child(instance=SurveyPage(title="Анкета за участието", slug="anketa", questions=questions,
                                                **fields))
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
