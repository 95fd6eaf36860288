"""Demo evaluations: two rating periods on each policy being carried out, one closed with many evaluations, one
open now. The open period of one policy stays below the results threshold, so the site shows both states. Scores
are drawn from a fixed seed per policy around a level per criterion, so every load gives the same results.
"""

import random
from datetime import timedelta

from django.utils import timezone

from consultations.evaluation_results import EVALUATIONS
from consultations.models import (
    Evaluation,
    EvaluationCriterion,
    EvaluationPeriod,
    EvaluationScore,
    EvaluationStatus,
    StakeholderType,
)
from consultations.models.evaluation import DEFAULT_CRITERIA

# (title, opened days ago, length in days)
PERIODS = [("2025, второ полугодие", 220, 190), ("2026, първо полугодие", 12, 60)]
# Evaluations per period of each policy past its adoption (a draft's implementation cannot be rated yet);
# 3 is under the results threshold and leaves that period without results.
COUNTS = {
    "obrazovanie-i-mladi-hora": (81, 31),
    "okolna-sreda-i-otpadaci": (57, 3),
    "ikonomika-i-turizam": (36, 19),
}
# The level around which each criterion is scored, in the order of DEFAULT_CRITERIA, for each period.
LEVELS = [(3.1, 3.6, 2.8, 2.5), (3.5, 3.8, 3.2, 3.1)]
GROUPS = [(StakeholderType.CITIZEN, 62), (StakeholderType.NGO, 14), (StakeholderType.BUSINESS, 14),
          (StakeholderType.INSTITUTION, 6), (StakeholderType.OTHER, 4)]
# (text, moderation, answer, reasons): what people recommended and how the administration answered.
RECOMMENDATIONS = [
    ("Графикът да се публикува и на хартия в кметствата: много хора не ползват интернет.", "approved", "accepted",
     ""),
    ("Заявленията да могат да се подават онлайн, без да се ходи до общината.", "approved", "partially_accepted",
     "Онлайн ще се подават заявленията за всички услуги без подпис на място; останалите — от 2027 г."),
    ("Да се събират мненията на хората и след всяка промяна, не само веднъж годишно.", "approved", "rejected",
     "Оценяването е два пъти годишно, за да са сравними периодите; предложения се приемат по всяко време."),
    ("Повече информация на сайта за това какво е направено и колко е струвало.", "approved", "", ""),
    ("Услугата да работи и в събота сутрин за работещите.", "pending", "", ""),
]


def score(rng, level):
    """A score near `level`; now and then „не мога да преценя“ (None)."""
    if rng.random() < 0.08:
        return None
    return min(5, max(1, round(rng.gauss(level, 1.0))))


def recommend(evaluations):
    """The recommendations the confirmed evaluations carried, moderated and answered as the demo says."""
    by_text = {text: rest for text, *rest in RECOMMENDATIONS}
    for evaluation in evaluations:
        if evaluation.recommendation:
            status, answer, reason = by_text[evaluation.recommendation]
            evaluation.recommendation_submission(status=status, answer=answer, answer_reason=reason).save()


def load_evaluations(policy):
    """Create the periods, their evaluations and the blocks on the policy page (once)."""
    rng = random.Random(policy.slug)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    groups = [group for group, weight in GROUPS for _ in range(weight)]
    added_blocks = False
    if policy.slug not in COUNTS:
        return
    for (title, days_ago, length), count, levels in zip(PERIODS, COUNTS[policy.slug], LEVELS):
        period = EvaluationPeriod.objects.filter(policy_page=policy, title=title).first()
        if period is None:
            opens = now - timedelta(days=days_ago)
            period = EvaluationPeriod.objects.create(policy_page=policy, title=title, opens_at=opens,
                                                     closes_at=opens + timedelta(days=length))
            criteria = [EvaluationCriterion.objects.create(period=period, name=str(name), sort_order=order)
                        for order, name in enumerate(DEFAULT_CRITERIA)]
            evaluations = Evaluation.objects.bulk_create(
                Evaluation(
                    period=period, email=f"demo-{policy.slug}-{n}@example.org", stakeholder_type=rng.choice(groups),
                    recommendation=RECOMMENDATIONS[n // 7 % len(RECOMMENDATIONS)][0] if n % 7 == 0 else "",
                    created_at=period.opens_at + timedelta(hours=n * 3),
                    confirmed_at=period.opens_at + timedelta(hours=n * 3, minutes=10),
                    status=EvaluationStatus.COUNTED,
                )
                for n in range(count)
            )
            EvaluationScore.objects.bulk_create(
                EvaluationScore(evaluation=evaluation, criterion=criterion, score=score(rng, level))
                for evaluation in evaluations for criterion, level in zip(criteria, levels)
            )
            recommend(evaluations)
            EVALUATIONS.forget()  # bulk_create sends no signal
        if not any(block.block_type == "evaluation" and block.value["period"] == period for block in policy.body):
            policy.body.append(("evaluation", {"period": period}))
            added_blocks = True
    if added_blocks:
        policy.save_revision().publish()
