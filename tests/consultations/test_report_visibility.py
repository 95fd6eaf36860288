"""A справка follows its policy page: nothing public while the page is a draft, unpublished or restricted."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from consultations.models import Consultation
from tests.consultations.factories import ConsultationFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

SUFFIXES = ["/", ".csv", ".pdf"]


@pytest.fixture
def published(policy, django_capture_on_commit_callbacks):
    consultation = ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timedelta(days=40))
    SubmissionFactory(consultation=consultation, text="Тайно предложение")
    with django_capture_on_commit_callbacks(execute=True):  # the worker builds the PDF after the commit
        consultation.publish_report()
    return consultation


def report_url(consultation, suffix):
    return f"/konsultacii/{consultation.pk}/spravka{suffix}"


def test_published_report_of_a_live_page_is_public(client, published):
    for suffix in SUFFIXES:
        assert client.get(report_url(published, suffix)).status_code == 200, suffix


def assert_nothing_leaks(client, consultation):
    for suffix in SUFFIXES:
        response = client.get(report_url(consultation, suffix))
        assert response.status_code == 404, suffix
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert "Тайно предложение".encode() not in body
        assert consultation.policy_page.title.encode() not in body


def test_unpublished_page_hides_its_report(client, policy, published):
    policy.unpublish()
    assert_nothing_leaks(client, published)


def test_draft_page_never_published_hides_its_report(client, policy, published):
    policy.live = False
    policy.save()
    assert_nothing_leaks(client, published)


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_view_restricted_page_hides_its_report(client, policy, published, restriction):
    PageViewRestriction.objects.create(page=policy, restriction_type=restriction, password="тайна")
    assert_nothing_leaks(client, published)


def test_restriction_on_an_ancestor_hides_the_report(client, policy_index, published):
    PageViewRestriction.objects.create(page=policy_index, restriction_type=PageViewRestriction.LOGIN)
    assert_nothing_leaks(client, published)


def test_editor_still_previews_the_report_of_an_unpublished_page(client, policy, published):
    policy.unpublish()
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.bg", "парола-за-тест"))
    assert client.get(report_url(published, "/")).status_code == 200


def test_report_cannot_be_published_before_the_consultation_closes(policy):
    upcoming = ConsultationFactory(policy_page=policy, opens_at=timezone.now() + timedelta(days=3))
    with pytest.raises(ValidationError):
        upcoming.publish_report()
    open_now = ConsultationFactory(policy_page=policy)
    with pytest.raises(ValidationError):
        open_now.publish_report()
    assert not Consultation.objects.filter(report_published_at__isnull=False).exists()


def test_database_refuses_a_report_dated_before_the_closing_time(policy):
    consultation = ConsultationFactory(policy_page=policy)
    with pytest.raises(IntegrityError), transaction.atomic():
        Consultation.objects.filter(pk=consultation.pk).update(report_published_at=timezone.now())


def test_publishing_after_the_close_works_once(policy):
    consultation = ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timedelta(days=31))
    assert consultation.publish_report() is True
    assert consultation.publish_report() is False
