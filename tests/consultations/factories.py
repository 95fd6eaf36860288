"""Factories for consultations and submissions."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model

from consultations.models import (
    Consultation,
    Evaluation,
    EvaluationCriterion,
    EvaluationPeriod,
    EvaluationScore,
    EvaluationStatus,
    StakeholderType,
    Submission,
    SubmissionStatus,
)
from tests.hostile import XSS


class DocumentFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Документ {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(b"%PDF-1.4 test", name="dokument.pdf"))

    class Meta:
        model = get_document_model()


class ConsultationFactory(DjangoModelFactory):
    """An open consultation of the standard 30 days, opened yesterday."""

    title = factory.Sequence(lambda n: f"Проект на наредба {n} {XSS}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + timedelta(days=30))
    draft_document = factory.SubFactory(DocumentFactory)
    motives_document = factory.SubFactory(DocumentFactory)

    class Meta:
        model = Consultation


class SubmissionFactory(DjangoModelFactory):
    consultation = factory.SubFactory(ConsultationFactory)
    text = factory.Sequence(lambda n: f"Предложение {n}: повече пейки в парка. {XSS}")
    author_name = f"Иван Петров {XSS}"
    email = factory.Sequence(lambda n: f"uchastnik{n}@example.org")
    stakeholder_type = StakeholderType.CITIZEN
    status = SubmissionStatus.PENDING

    class Meta:
        model = Submission


class EvaluationPeriodFactory(DjangoModelFactory):
    """A rating period open since yesterday for a month, with the four usual criteria (`criteria=` to change)."""

    title = factory.Sequence(lambda n: f"2026, период {n} {XSS}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + timedelta(days=30))

    class Meta:
        model = EvaluationPeriod
        skip_postgeneration_save = True

    @factory.post_generation
    def criteria(period, create, names, **kwargs):
        names = ["Ефективност", "Качество на услугите", "Достъпност", f"Прозрачност {XSS}"] if names is None else names
        for order, name in enumerate(names):
            EvaluationCriterion.objects.create(period=period, name=name, sort_order=order)


def add_evaluation(period, email, scores, stakeholder_type=StakeholderType.CITIZEN, status=EvaluationStatus.COUNTED,
                   recommendation=""):
    """An evaluation with `scores` (one per criterion in order; None for „не мога да преценя“)."""
    evaluation = Evaluation.objects.create(
        period=period, email=email, stakeholder_type=stakeholder_type, status=status, recommendation=recommendation,
        confirmed_at=None if status == EvaluationStatus.UNCONFIRMED else timezone.now(),
    )
    EvaluationScore.objects.bulk_create(
        EvaluationScore(evaluation=evaluation, criterion=criterion, score=score)
        for criterion, score in zip(period.criteria.all(), scores)
    )
    return evaluation


def add_recommendation(evaluation, text="Повече информация на сайта.", status=SubmissionStatus.APPROVED, **fields):
    """The recommendation an evaluation carried, as confirming it leaves it (then moderated to `status`)."""
    evaluation.recommendation = text
    submission = evaluation.recommendation_submission(status=status, confirmed_at=timezone.now(), **fields)
    submission.save()
    return submission
