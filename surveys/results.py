"""What the public sees of a survey's answers: per question, the shares of each answer, by group, and the text
answers moderators published.

Nothing is shown until the survey has `EVALUATION_RESULTS_THRESHOLD` answers, and no group of people is shown
on its own with fewer (the rule of the evaluations, consultations/evaluation_results.py): a handful of answers
would tell who said what. The numbers are computed in one pass over the answers and remembered until an answer
arrives, a text answer is moderated or the survey is published again, so a visitor never starts the count.
"""

import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db.models import Count
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from botevgrad.remembered import Remembered
from consultations.evaluation_charts import bar_chart
from consultations.evaluation_results import threshold
from consultations.models import StakeholderType

from .models import CHOICE_TYPES, MULTIPLE_CHOICE_TYPES, SurveyAnswer, SurveyTextAnswer, TextAnswerStatus

TEXT_SAMPLES = 5  # published text answers shown per question on the results page; the rest on its own page
PERCENT_GRID = [(25, "25%"), (50, "50%"), (75, "75%"), (100, "100%")]  # no 0: its label would stand off the edge


def remembered_results(page_id):
    """One version per survey: an answer to one survey leaves the others' results remembered."""
    return Remembered(f"survey-results-{page_id}")


def forget_results(page_id):
    """An answer arrived or a text answer was moderated: the survey's remembered results are stale."""
    remembered_results(page_id).forget()


def percent(part, whole):
    return round(100 * part / whole) if whole else 0


def percent_text(value):
    return f"{value}%"


@dataclass
class Option:
    label: str
    count: int
    percent: int


@dataclass
class GroupRow:
    label: str
    count: int  # of the group's answers, those that answered the question
    values: list  # percent of each option, or the mean for a number question


@dataclass
class QuestionResult:
    number: int
    key: str
    label: str
    kind: str  # "choice", "multiple", "yesno", "number" or "text"
    answered: int = 0
    options: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    mean: str = ""
    median: str = ""
    minimum: str = ""
    maximum: str = ""
    published: int = 0  # published text answers
    samples: list = field(default_factory=list)
    chart: object = None

    @property
    def dom_id(self):
        return f"vapros-{self.number}"


@dataclass
class SurveyResults:
    count: int
    enough: bool
    groups: list = field(default_factory=list)  # (label, answers) of each group shown
    hidden_groups: int = 0
    questions: list = field(default_factory=list)


def kind_of(question):
    if question.field_type in CHOICE_TYPES:
        return "choice"
    if question.field_type in MULTIPLE_CHOICE_TYPES:
        return "multiple"
    if question.field_type == "checkbox":
        return "yesno"
    if question.field_type == "number":
        return "number"
    return "text"


def as_number(value):
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def written(number):
    """A number as the page writes it: one decimal rounded half up (3,25 is 3,3, as for the evaluations' means),
    Bulgarian decimal comma."""
    return number_format(Decimal(number).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), decimal_pos=1,
                         use_l10n=True)


def answers_of(kind, value):
    """The answer values a stored value counts as, for the questions whose answers are counted."""
    if kind == "multiple":
        return [str(item) for item in value] if isinstance(value, list) else []
    if kind == "yesno":
        return [_("Да") if value is True else _("Не")]
    if value in (None, "", []):
        return []
    return [str(value)]


def option_labels(question, kind, seen):
    """The options in the editor's order; answers to options since removed after them, most frequent first."""
    if kind == "yesno":
        return [_("Да"), _("Не")]
    labels = question.choice_list()
    return labels + [label for label, _n in seen.most_common() if label not in labels]


def compute(page):
    questions = list(page.get_form_fields())
    kinds = {question.clean_name: kind_of(question) for question in questions}
    total = 0
    group_totals = Counter()
    counted = {key: Counter() for key in kinds}  # answer value → how many
    by_group = {key: {} for key in kinds}  # group → Counter of answer values, or a list of numbers
    answered = Counter()
    answered_by_group = {key: Counter() for key in kinds}
    numbers = {key: [] for key, kind in kinds.items() if kind == "number"}

    rows = SurveyAnswer.objects.filter(page=page).values_list("stakeholder_type", "form_data")
    for group, data in rows.iterator(chunk_size=2000):
        total += 1
        group_totals[group] += 1
        for key, kind in kinds.items():
            value = data.get(key) if isinstance(data, dict) else None
            if kind == "text":
                continue
            if kind == "number":
                number = as_number(value) if value not in (None, "") else None
                if number is not None:
                    numbers[key].append(number)
                    by_group[key].setdefault(group, []).append(number)
                    answered[key] += 1
                    answered_by_group[key][group] += 1
                continue
            values = answers_of(kind, value)
            if values:
                answered[key] += 1
                answered_by_group[key][group] += 1
            counted[key].update(values)
            by_group[key].setdefault(group, Counter()).update(values)

    enough = total >= threshold()
    results = SurveyResults(count=total, enough=enough)
    if not enough:
        return results
    shown = [(value, str(label)) for value, label in StakeholderType.choices if group_totals[value] >= threshold()]
    results.groups = [(label, group_totals[value]) for value, label in shown]
    results.hidden_groups = sum(1 for value, n in group_totals.items() if n and n < threshold())

    published = dict(SurveyTextAnswer.objects.filter(answer__page=page, status=TextAnswerStatus.PUBLISHED)
                     .values_list("question").annotate(n=Count("pk")).values_list("question", "n"))
    for number, question in enumerate(questions, start=1):
        key, kind = question.clean_name, kinds[question.clean_name]
        result = QuestionResult(number=number, key=key, label=question.label, kind=kind, answered=answered[key])
        if kind == "text":
            result.published = published.get(key, 0)
            if result.published:
                result.samples = [item.text for item in published_texts(page, key)[:TEXT_SAMPLES]]
        elif kind == "number":
            values = numbers[key]
            if values:
                result.mean = written(sum(values) / len(values))
                result.median = written(Decimal(statistics.median(values)))
                result.minimum, result.maximum = written(min(values)), written(max(values))
            result.groups = [
                GroupRow(label, answered_by_group[key][value],
                         [written(sum(found) / len(found)) if (found := by_group[key].get(value)) else "—"])
                for value, label in shown
            ]
        else:
            base = answered[key] if kind != "yesno" else total
            labels = option_labels(question, kind, counted[key])
            result.options = [Option(label, counted[key][label], percent(counted[key][label], base))
                              for label in labels]
            result.groups = [
                GroupRow(label, group_base := (answered_by_group[key][value] if kind != "yesno" else group_totals[value]),
                         [percent(by_group[key].get(value, Counter())[option], group_base) for option in labels])
                for value, label in shown
            ]
            result.chart = share_chart(result)
        results.questions.append(result)
    return results


def share_chart(result):
    def describe(values):
        return _("Дял от отговорилите на въпроса (%(count)s). %(values)s.") % {"count": result.answered,
                                                                             "values": values}

    return bar_chart(f"{result.dom_id}-grafika", result.label,
                     [("", [(option.label, option.percent) for option in result.options])],
                     maximum=100, value_text=percent_text, grid=PERCENT_GRID, describe=describe)


def published_texts(page, key):
    """The published answers to one text question, newest first, as a queryset of SurveyTextAnswer."""
    return (SurveyTextAnswer.objects.filter(answer__page=page, question=key, status=TextAnswerStatus.PUBLISHED)
            .select_related("answer").order_by("-answer__submit_time", "-pk"))


def survey_results(page):
    """The results as the page shows them, remembered until an answer, a moderation or a new version of the page."""
    return remembered_results(page.pk).remembered(
        "results", (page.pk, page.live_revision_id), lambda: compute(page))
