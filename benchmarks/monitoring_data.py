"""A policy at the size monitoring reaches: 50 measures with their history and links, 5 indicators of 20 values each,
500 more confirmed evaluations in its latest rating period.

`make bench` fills one demo policy with it and measures that page beside the others.
"""

import datetime
import sys
from decimal import Decimal

import django

MEASURES, INDICATORS, VALUES, EVALUATIONS = 50, 5, 20, 500
STATUSES = ["planned", "in_progress", "done", "delayed", "cancelled"]


def fill(policy):
    """Add the measures and indicators to `policy` (a PolicyPage), as an editor's publications would leave them."""
    from decisions.models import DecisionPage
    from policy_pages.models import Indicator, IndicatorValue, Measure, MeasureDecision, MeasureUpdate

    decisions = list(DecisionPage.objects.live().order_by("-date")[:3])
    for number in range(MEASURES):
        status = STATUSES[number % len(STATUSES)]
        progress = 100 if status == "done" else (number * 7) % 100
        measure = Measure.objects.create(
            page=policy, sort_order=number, title=f"Мярка {number + 1} за по-добра градска среда",
            description="Ремонт, доставка и въвеждане в експлоатация по график, съгласуван с кварталните съвети.",
            responsible_unit="Дирекция „Устройство на територията“", status=status, progress=progress,
            starts_on=datetime.date(2025, 1 + number % 12, 1), due_on=datetime.date(2026, 1 + number % 12, 28),
            budget_currency="BGN" if number % 2 else "EUR", planned_budget=Decimal(10_000 + number * 1_000),
            spent_budget=Decimal(5_000 + number * 300))
        MeasureUpdate.objects.bulk_create(
            MeasureUpdate(measure=measure, recorded_on=datetime.date(2025, month, 1), status="in_progress",
                          progress=month * 5) for month in (3, 6, 9))
        MeasureDecision.objects.bulk_create(MeasureDecision(measure=measure, decision=decision) for decision in decisions)
    for number in range(INDICATORS):
        indicator = Indicator.objects.create(
            page=policy, sort_order=number, name=f"Индикатор {number + 1}", unit="%", baseline_value=Decimal(20),
            baseline_year=2020, target_value=Decimal(60), target_year=2030)
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, measured_on=datetime.date(2006 + year, 12, 31),
                           value=Decimal(20 + year * 2), source="НСИ") for year in range(VALUES))
    add_evaluations(policy)


def add_evaluations(policy):
    """500 confirmed evaluations in the policy's latest rating period (the demo puts its block on the page)."""
    from django.utils import timezone

    from consultations.evaluation_results import EVALUATIONS as REMEMBERED_EVALUATIONS
    from consultations.models import Evaluation, EvaluationPeriod, EvaluationScore, StakeholderType

    period = EvaluationPeriod.objects.filter(policy_page=policy).order_by("-opens_at").first()
    if period is None:
        return  # a policy nobody rates yet (the query-count test's): measures and indicators only
    criteria = list(period.criteria.all())
    groups = StakeholderType.values
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(period=period, email=f"bench-{number}@example.org", stakeholder_type=groups[number % len(groups)],
                   status="counted", confirmed_at=timezone.now()) for number in range(EVALUATIONS))
    EvaluationScore.objects.bulk_create(
        EvaluationScore(evaluation=evaluation, criterion=criterion, score=(evaluation.pk + order) % 5 + 1)
        for evaluation in evaluations for order, criterion in enumerate(criteria))
    REMEMBERED_EVALUATIONS.forget()  # bulk_create sends no signal


def main(slug):
    django.setup()
    from policy_pages.models import PolicyPage

    fill(PolicyPage.objects.get(slug=slug))


if __name__ == "__main__":
    main(sys.argv[1])
