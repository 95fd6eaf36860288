"""The project's sociological survey with a few hundred plausible answers, some text answers published."""

import random
import secrets

from django.utils import timezone

from surveys.models import SurveyAnswer, SurveyPage, SurveyQuestion, SurveyTextAnswer, TextAnswerStatus

ANSWERS = 320
# Who answered, by weight: few institutions and a handful of "other", which stays below the publishing threshold.
GROUPS = [("citizen", 62), ("ngo", 15), ("business", 16), ("institution", 6), ("other", 0.4)]
QUESTIONS = [
    ("radio", "Колко сте информирани за решенията на Общинския съвет?",
     ["Много добре", "Донякъде", "Слабо", "Изобщо не"], [10, 38, 35, 17]),
    ("radio", "Участвали ли сте през последните две години в обществено обсъждане на общината?",
     ["Да, неколкократно", "Да, веднъж", "Не, но бих участвал(а)", "Не и не ме интересува"], [8, 17, 55, 20]),
    ("checkboxes", "Кое би ви помогнало да участвате повече?",
     ["Покана по електронна поща", "Обсъждания вечер или в събота", "Кратко обобщение на всеки проект",
      "Участие онлайн", "Отговор на всяко предложение", "Информация в местните медии"], [40, 30, 55, 60, 45, 25]),
    ("dropdown", "Доколко мнението на жителите се взема предвид при решенията?",
     ["Напълно", "В голяма степен", "В малка степен", "Изобщо не", "Не мога да преценя"], [4, 16, 42, 18, 20]),
    ("number", "Колко часа на месец бихте отделили за участие в местни политики?", None, None),
    ("radio", "Има ли организацията ви капацитет да подготвя становища по проекти на общината?",
     ["Да, имаме хора за това", "Отчасти", "Не", "Не представлявам организация"], [12, 20, 14, 54]),
    ("checkbox", "Бих участвал(а) във фокус група за някоя от петте политики", None, None),
    ("multiline", "Какво трябва да промени общината, за да участват повече хора?", None, None),
]
TEXTS = [
    "Проектите да се публикуват поне месец преди сесията, с кратко резюме на разбираем език.",
    "Обсъжданията да са след 18 ч., защото работещите хора не могат да дойдат сутрин.",
    "Да има отговор на всяко предложение, дори когато то не се приема.",
    "Повече информация в селата на общината, не само в Ботевград.",
    "Излъчване на живо на сесиите на Общинския съвет и запис, който да се гледа после.",
    "Кметовете на селата да събират мненията на по-възрастните, които нямат интернет.",
    "Бюджетът да се показва по квартали, за да се вижда къде отиват парите.",
    "Среща с младежите в училищата, преди да се реши нещо за тях.",
    "Документите да са в PDF с текст, а не сканирани снимки.",
    "Да се обявява предварително кога ще има обсъждане, по радиото и във Фейсбук.",
    "Общината да казва какво е направила с предложенията от миналата година.",
    "Бизнесът да бъде поканен при промени в данъците и таксите, а не да научава от вестника.",
    "Един служител за контакт с неправителствените организации.",
    "По-кратки анкети, по-често.",
]


def pick(rng, options, weights):
    return rng.choices(options, weights=weights)[0]


def load_survey(home):
    if SurveyPage.objects.child_of(home).exists():
        return
    page = home.add_child(instance=SurveyPage(
        title="Анкета: участието в местните политики", slug="anketa", show_in_menus=False,
        intro="<p>Проучване на нагласите, готовността и възможностите на жителите, неправителствените организации "
              "и бизнеса да участват в местните политики. Отнема около 5 минути.</p>",
        thank_you_text="<p>Благодарим! Обобщените резултати се обновяват с всеки нов отговор.</p>",
        results_intro="<p>Обобщение на отговорите до момента. Текстовите отговори се публикуват след преглед.</p>",
        questions=[
            SurveyQuestion(field_type=kind, label=label, choices="\n".join(options or []),
                           required=kind not in ("multiline", "checkbox", "number"),
                           help_text="Може да изберете няколко отговора." if kind == "checkboxes" else "")
            for kind, label, options, _weights in QUESTIONS
        ],
    ))
    questions = list(page.questions.all())
    rng = random.Random(2026)
    groups, weights = zip(*GROUPS)
    answers, texts = [], {}
    for n in range(ANSWERS):
        group = pick(rng, groups, weights)
        data = {}
        for question, (kind, _label, options, option_weights) in zip(questions, QUESTIONS):
            if kind in ("radio", "dropdown"):
                data[question.clean_name] = pick(rng, options, option_weights)
            elif kind == "checkboxes":
                data[question.clean_name] = [o for o, w in zip(options, option_weights) if rng.random() < w / 100]
            elif kind == "number":
                data[question.clean_name] = str(rng.choice([0, 1, 1, 2, 2, 2, 3, 4, 5, 8, 10])) if rng.random() < .8 else None
            elif kind == "checkbox":
                data[question.clean_name] = rng.random() < 0.45
            elif rng.random() < 0.35:
                data[question.clean_name] = texts[n] = rng.choice(TEXTS)
            else:
                data[question.clean_name] = ""
        answers.append(SurveyAnswer(page=page, form_data=data, stakeholder_type=group,
                                    respondent=secrets.token_hex(32)))
    SurveyAnswer.objects.bulk_create(answers)
    text_question = questions[-1]
    statuses = [TextAnswerStatus.PUBLISHED] * 7 + [TextAnswerStatus.WAITING] * 2 + [TextAnswerStatus.HIDDEN]
    moderated = timezone.now()
    SurveyTextAnswer.objects.bulk_create(
        SurveyTextAnswer(answer=answers[n], question=text_question.clean_name, question_label=text_question.label,
                         status=status, moderated_at=None if status == TextAnswerStatus.WAITING else moderated)
        for n, status in ((n, rng.choice(statuses)) for n in texts)
    )
