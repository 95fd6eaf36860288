"""The справка (чл. 26, ал. 5 ЗНА): generated from the answers, published by an editor, public as page, CSV, PDF."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from consultations.models import Answer, SubmissionStatus
from tests.consultations.factories import ConsultationFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(policy):
    return ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timezone.timedelta(days=40))


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish the справка and let the worker (immediate in tests) build its PDF after the commit."""

    def run(consultation):
        with django_capture_on_commit_callbacks(execute=True):
            return consultation.publish_report()

    return run


def report_url(consultation, suffix="/"):
    return f"/konsultacii/{consultation.pk}/spravka{suffix}"


def test_report_is_not_public_before_it_is_published(client, closed):
    for suffix in ["/", ".csv", ".pdf"]:
        assert client.get(report_url(closed, suffix)).status_code == 404


def test_editor_previews_then_publishes_with_one_action(client, closed):
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест")
    client.force_login(editor)
    assert "Преглед: справката още не е публикувана." in client.get(report_url(closed)).content.decode()
    publish = reverse("consultations_publish_report", args=[closed.pk])
    assert client.get(publish).status_code == 200
    assert client.post(publish).status_code == 302
    closed.refresh_from_db()
    assert closed.report_published_at is not None
    assert ModelLogEntry.objects.filter(action="consultations.publish_report", user=editor).count() == 1
    client.post(publish)  # a second click changes nothing
    assert ModelLogEntry.objects.filter(action="consultations.publish_report").count() == 1
    client.logout()
    assert client.get(report_url(closed)).status_code == 200


def test_report_cannot_be_published_while_the_consultation_is_open(client, consultation):
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.bg", "парола-за-тест"))
    client.post(reverse("consultations_publish_report", args=[consultation.pk]))
    consultation.refresh_from_db()
    assert consultation.report_published_at is None


def test_report_exists_with_zero_proposals(client, closed, publish):
    publish(closed)
    content = client.get(report_url(closed)).content.decode()
    assert "не са постъпили предложения" in content
    rows = list(csv.reader(io.StringIO(client.get(report_url(closed, ".csv")).content.decode("utf-8-sig"))))
    assert rows == [["№", "Автор / организация", "Заинтересована страна", "Раздел", "Предложение", "Отговор", "Мотиви"]]
    pdf = client.get(report_url(closed, ".pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_report_lists_counted_submissions_with_what_may_be_published(client, closed, publish):
    SubmissionFactory(consultation=closed, text="Първо", stakeholder_type="ngo", organisation="Читалище „Христо Ботев“",
                      answer=Answer.ACCEPTED)
    SubmissionFactory(consultation=closed, text="Второ", author_name="Мария Иванова", publish_name=False,
                      answer=Answer.REJECTED, answer_reason="Извън обхвата на наредбата.",
                      status=SubmissionStatus.APPROVED)
    SubmissionFactory(consultation=closed, text="Трето", author_name="Петър Петров", publish_name=True)
    SubmissionFactory(consultation=closed, text="Непотвърдено", status=SubmissionStatus.UNCONFIRMED)
    SubmissionFactory(consultation=closed, text="Скрито", status=SubmissionStatus.HIDDEN)
    publish(closed)
    rows = list(csv.DictReader(io.StringIO(client.get(report_url(closed, ".csv")).content.decode("utf-8-sig"))))
    assert [r["Предложение"] for r in rows] == ["Първо", "Второ", "Трето"]
    assert [r["Автор / организация"] for r in rows] == [
        "Читалище „Христо Ботев“", "Гражданин (името не се публикува)", "Петър Петров"]
    assert rows[1]["Отговор"] == "Неприето" and rows[1]["Мотиви"] == "Извън обхвата на наредбата."
    assert rows[2]["Отговор"] == "Без отговор"
    page = client.get(report_url(closed)).content.decode()
    assert "Мария Иванова" not in page
    assert b"".join(client.get(report_url(closed, ".pdf")).streaming_content).startswith(b"%PDF")


def test_pdf_without_a_cyrillic_font_is_a_503_with_a_way_out(client, closed, publish, settings):
    settings.REPORT_PDF_FONT = "/nonexistent/font.ttf"
    publish(closed)
    response = client.get(report_url(closed, ".pdf"))
    assert response.status_code == 503
    assert "CSV" in response.content.decode()


def test_unknown_consultation_report_is_a_404(client, home):
    assert client.get("/konsultacii/999999/spravka/").status_code == 404


@pytest.mark.parametrize("submissions", [1, 60])
def test_report_query_count(client, closed, publish, submissions, django_assert_max_num_queries):
    SubmissionFactory.create_batch(submissions, consultation=closed)
    publish(closed)
    client.get(report_url(closed))
    with django_assert_max_num_queries(2):
        assert client.get(report_url(closed)).status_code == 200
