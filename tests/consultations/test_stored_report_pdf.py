"""A published справка's PDF is built once by the worker and then served as stored; visitors never build one."""

from unittest import mock

import pytest

from consultations.models import Answer
from consultations.models import StoredReportPdf
from tests.consultations.factories import SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(closed_consultation):
    return closed_consultation


def pdf_url(consultation):
    return f"/konsultacii/{consultation.pk}/spravka.pdf"


def test_publishing_builds_the_pdf_once_and_visitors_get_the_stored_file(client, closed,
                                                                        django_capture_on_commit_callbacks):
    SubmissionFactory(consultation=closed, text="Предложение за пейки")
    with django_capture_on_commit_callbacks(execute=True):
        closed.publish_report()
    stored = StoredReportPdf.objects.get(consultation=closed)
    with mock.patch("consultations.views.report_pdf") as build:
        for _ in range(3):
            response = client.get(pdf_url(closed))
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF")
    build.assert_not_called()
    assert StoredReportPdf.objects.get(consultation=closed).built_at == stored.built_at


def test_before_the_worker_has_built_it_visitors_get_a_503_with_a_way_out_and_start_nothing(client, closed):
    closed.publish_report()  # the commit hook (and so the build) never runs inside this test's transaction
    with mock.patch("consultations.views.report_pdf") as build, mock.patch("consultations.tasks.report_pdf") as task_build:
        response = client.get(pdf_url(closed))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "CSV" in response.content.decode()
    build.assert_not_called()
    task_build.assert_not_called()


def test_a_changed_answer_rebuilds_the_stored_pdf(closed, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(consultation=closed, text="Предложение")
    with django_capture_on_commit_callbacks(execute=True):
        closed.publish_report()
    first = StoredReportPdf.objects.get(consultation=closed).built_at
    submission.answer, submission.answer_reason = Answer.REJECTED, "Извън обхвата."
    with django_capture_on_commit_callbacks(execute=True):
        submission.save()
    stored = StoredReportPdf.objects.get(consultation=closed)
    assert stored.built_at > first
    assert StoredReportPdf.objects.count() == 1


def test_answers_before_publication_build_nothing(closed, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(consultation=closed)
    submission.answer = Answer.ACCEPTED
    with django_capture_on_commit_callbacks(execute=True):
        submission.save()
    assert not StoredReportPdf.objects.exists()
