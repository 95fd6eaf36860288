"""What the public sees of the evaluations of a policy: per period, per criterion and per group, and the trend.

Nothing is shown of a period until it has `EVALUATION_RESULTS_THRESHOLD` counted evaluations, and no group
of people is shown on its own with fewer: a handful of answers would tell who said what. All the numbers of
a page come from two aggregate queries, whatever the number of evaluations.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count

from botevgrad.remembered import Remembered

from .models import Evaluation, EvaluationPeriod, EvaluationScore, StakeholderType
from .models.evaluation import HIGHEST_SCORE, LOWEST_SCORE

SCORES = range(LOWEST_SCORE, HIGHEST_SCORE + 1)
# The results of a policy's evaluations are remembered until an evaluation, a score, a period or a criterion changes
# (signals.py, and the confirmation's own update in evaluation_views.py): counting hundreds of scores is not work
# for every visit.
EVALUATIONS = Remembered("evaluations")


def threshold():
    return settings.EVALUATION_RESULTS_THRESHOLD


def mean(counts):
    """The mean of scores given as {score: how many}, to one decimal, or None without any score."""
    total = sum(counts.values())
    if not total:
        return None
    exact = Decimal(sum(score * n for score, n in counts.items())) / total
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class CriterionResult:
    name: str
    question: str
    distribution: list  # how many gave 1, 2, … 5
    cannot_tell: int
    mean: Decimal | None

    @property
    def scored(self):
        return sum(self.distribution)

    def shares(self):
        """(score, how many, percent of those who scored) for the table."""
        return [(score, n, round(100 * n / self.scored) if self.scored else 0)
                for score, n in zip(SCORES, self.distribution)]


@dataclass
class GroupResult:
    group: str
    label: str
    count: int
    criteria: list  # CriterionResult of the group's evaluations, in the period's order

    @property
    def means(self):
        return [criterion.mean for criterion in self.criteria]


@dataclass
class PeriodResults:
    period: EvaluationPeriod
    count: int
    criteria: list = field(default_factory=list)
    groups: list = field(default_factory=list)  # only groups with enough evaluations
    hidden_groups: int = 0  # groups that have evaluations but too few to show

    @property
    def enough(self):
        return self.count >= threshold()

    @property
    def overall_mean(self):
        """The mean of every score given in the period, all criteria together (None below the threshold)."""
        return mean({score: sum(criterion.distribution[i] for criterion in self.criteria)
                     for i, score in enumerate(SCORES)})


@dataclass
class Trend:
    """The mean of each criterion (by name) in each period with enough evaluations, in time order."""

    criteria: list  # names, in order of first appearance
    rows: list  # (period, [mean or None per criterion])


class PolicyEvaluations:
    """The evaluation results of one policy page, read once per request (`for_page`)."""

    def __init__(self, page):
        self.periods = list(EvaluationPeriod.objects.filter(policy_page=page).prefetch_related("criteria"))
        counts = (
            Evaluation.objects.counted().filter(period__policy_page=page)
            .values_list("period_id", "stakeholder_type").annotate(n=Count("pk")).order_by()
        )
        scores = (
            EvaluationScore.objects.filter(evaluation__status="counted", evaluation__period__policy_page=page)
            .values_list("criterion_id", "evaluation__stakeholder_type", "score").annotate(n=Count("pk")).order_by()
        )
        self.group_counts = defaultdict(Counter)  # period id -> {group: evaluations}
        for period_id, group, n in counts:
            self.group_counts[period_id][group] += n
        self.score_counts = defaultdict(Counter)  # (criterion id, group) -> {score or None: n}
        for criterion_id, group, score, n in scores:
            self.score_counts[criterion_id, group][score] += n
        self.results = {period.pk: self._period_results(period) for period in self.periods}

    @classmethod
    def for_page(cls, page):
        """Computed once per page object, however many evaluation blocks the page renders, and remembered."""
        if getattr(page, "_policy_evaluations", None) is None:
            page._policy_evaluations = EVALUATIONS.remembered("policy", (page.pk, threshold()), lambda: cls(page))
        return page._policy_evaluations

    def _criterion_result(self, criterion, groups):
        counts = Counter()
        for group in groups:
            counts.update(self.score_counts.get((criterion.pk, group), {}))
        return CriterionResult(
            name=criterion.name, question=criterion.question,
            distribution=[counts.get(score, 0) for score in SCORES],
            cannot_tell=counts.get(None, 0),
            mean=mean({score: n for score, n in counts.items() if score is not None}),
        )

    def _period_results(self, period):
        group_counts = self.group_counts.get(period.pk, Counter())
        results = PeriodResults(period=period, count=sum(group_counts.values()))
        if not results.enough:
            return results
        criteria = period.criteria.all()
        results.criteria = [self._criterion_result(criterion, StakeholderType.values) for criterion in criteria]
        for group, label in StakeholderType.choices:
            n = group_counts.get(group, 0)
            if n >= threshold():
                results.groups.append(GroupResult(
                    group=group, label=str(label), count=n,
                    criteria=[self._criterion_result(criterion, [group]) for criterion in criteria]))
            elif n:
                results.hidden_groups += 1
        return results

    def for_period(self, period_id):
        return self.results.get(period_id)

    def trend(self):
        """None until two periods have enough evaluations: one period is no trend."""
        shown = [self.results[period.pk] for period in self.periods if self.results[period.pk].enough]
        if len(shown) < 2:
            return None
        names = []
        for results in shown:
            for criterion in results.criteria:
                if criterion.name.casefold() not in (name.casefold() for name in names):
                    names.append(criterion.name)
        rows = []
        for results in shown:
            by_name = {criterion.name.casefold(): criterion.mean for criterion in results.criteria}
            rows.append((results.period, [by_name.get(name.casefold()) for name in names]))
        return Trend(criteria=names, rows=rows)
