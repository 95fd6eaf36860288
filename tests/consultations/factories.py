"""Factories for consultations and submissions."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model

from consultations.models import Consultation, StakeholderType, Submission, SubmissionStatus
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
