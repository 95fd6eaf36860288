"""Erasing a participant on request: the person's data goes everywhere it was kept; the consultation's record stays."""

import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from alerts.models import Subscription, Topic
from consultations.erasure import erase, find
from consultations.models import (
    Answer,
    Evaluation,
    EvaluationStatus,
    StakeholderType,
    StoredReportPdf,
    Submission,
    SubmissionStatus,
)
from tests.consultations.factories import EvaluationPeriodFactory, SubmissionFactory, add_evaluation
from tests.consultations.test_report_pdf import needs_pdftotext
from tests.trust.roles import EDITOR, sign_in

pytestmark = pytest.mark.django_db

EMAIL = "Maria.Ivanova@Example.org"
NAME = "Мария Иванова-Стоева"
ORGANISATION = "Сдружение „Зелен Ботевград“"
URL = "/admin/participants/erase/"


@pytest.fixture
def participant(closed_consultation, django_capture_on_commit_callbacks):
    """Maria's proposals (one as a citizen who let her name be published, one for her NGO), her ratings,
    her alert subscription and a mail to her still in the queue; and another participant's proposal."""
    consultation = closed_consultation
    as_citizen = SubmissionFactory(consultation=consultation, email=EMAIL, author_name=NAME, publish_name=True,
                                   status=SubmissionStatus.APPROVED, text="Пейки по брега на реката.",
                                   answer=Answer.ACCEPTED)
    for_ngo = SubmissionFactory(consultation=consultation, email=EMAIL.lower(), author_name=NAME,
                                stakeholder_type=StakeholderType.NGO, organisation=ORGANISATION,
                                status=SubmissionStatus.APPROVED, text="Залесяване на Зелин.")
    other = SubmissionFactory(consultation=consultation, email="petar@example.org", author_name="Петър Петров",
                              publish_name=True, status=SubmissionStatus.APPROVED, text="Осветление на парка.")
    period = EvaluationPeriodFactory(policy_page=consultation.policy_page, opens_at=timezone.now() - timedelta(days=3))
    ratings = [add_evaluation(period, EMAIL, [4, 3, 5, 2], status=EvaluationStatus.REPLACED),
               add_evaluation(period, EMAIL, [5, 5, 5, 5]),
               add_evaluation(period, "drug@example.org", [1, 1, 1, 1])]
    Subscription.objects.create(email=EMAIL.lower(), topic=Topic.DECISIONS, confirmed_at=timezone.now())
    Subscription.objects.create(email="drug@example.org", topic=Topic.DECISIONS, confirmed_at=timezone.now())
    for recipient, name in ((EMAIL, NAME), ("drug@example.org", "Иван Драгов")):
        DBTaskResult.objects.create(
            task_path="consultations.tasks.deliver_mail", backend_name="default", queue_name="default",
            run_after=timezone.now(), args_kwargs={"args": ["Потвърдете", f"Здравейте, {name}", recipient],
                                                   "kwargs": {}})
    with django_capture_on_commit_callbacks(execute=True):
        consultation.publish_report()
    return {"consultation": consultation, "mine": [as_citizen, for_ngo], "other": other, "ratings": ratings,
            "period": period}


def report(client, consultation, suffix="/"):
    response = client.get(f"/konsultacii/{consultation.pk}/spravka{suffix}")
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def test_erasure_removes_the_person_and_keeps_the_record(client, participant, moderator,
                                                         django_capture_on_commit_callbacks):
    consultation = participant["consultation"]
    before = report(client, consultation)
    assert NAME in before and ORGANISATION in before

    with django_capture_on_commit_callbacks(execute=True):
        found = erase("  maria.ivanova@EXAMPLE.org ", moderator)
    assert (len(found.submissions), len(found.evaluations), found.subscriptions, found.queued_mails) == (2, 2, 1, 1)

    for submission in participant["mine"]:
        submission.refresh_from_db()
        assert (submission.email, submission.organisation, submission.publish_name) == ("", "", False)
        assert submission.author_name == "Изтрит участник" and submission.erased_at is not None
        assert submission.public_author() == "Изтрит участник"
    kept = Submission.objects.get(pk=participant["mine"][0].pk)
    assert (kept.text, kept.answer, kept.status) == ("Пейки по брега на реката.", Answer.ACCEPTED,
                                                    SubmissionStatus.APPROVED)
    for page in (report(client, consultation), report(client, consultation, ".csv")):
        assert NAME not in page and ORGANISATION not in page and EMAIL.lower() not in page.lower()
        assert "Изтрит участник" in page and "Пейки по брега на реката." in page and "Петър Петров" in page
    assert consultation.counted_submissions().count() == 3

    assert not Evaluation.objects.filter(email__iexact=EMAIL).exists()
    assert Evaluation.objects.filter(period=participant["period"], status=EvaluationStatus.COUNTED).count() == 2
    assert list(Subscription.objects.values_list("email", flat=True)) == ["drug@example.org"]
    assert [task.args_kwargs["args"][2] for task in DBTaskResult.objects.all()] == ["drug@example.org"]
    assert Submission.objects.get(pk=participant["other"].pk).email == "petar@example.org"


def test_nothing_of_the_person_is_left_in_the_database(participant, moderator, django_capture_on_commit_callbacks):
    """A dump of every table, searched for the name, the address and the organisation."""
    import json
    from io import StringIO

    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        erase(EMAIL, moderator)
    dump = StringIO()
    call_command("dumpdata", "--natural-foreign", stdout=dump, exclude=["contenttypes", "auth.permission"])
    text = json.dumps(json.loads(dump.getvalue()), ensure_ascii=False).lower()
    for trace in (NAME, EMAIL, ORGANISATION):
        assert trace.lower() not in text, trace


@needs_pdftotext
def test_the_stored_pdf_of_the_справка_is_rebuilt_without_the_name(participant, moderator,
                                                                    django_capture_on_commit_callbacks):
    def pdf_text():
        stored = StoredReportPdf.objects.get(consultation=participant["consultation"])
        with stored.file.open("rb") as file:
            return subprocess.run(["pdftotext", "-", "-"], input=file.read(), capture_output=True,
                                  check=True).stdout.decode()

    assert ORGANISATION.split("„")[1].split()[0] in pdf_text()
    with django_capture_on_commit_callbacks(execute=True):
        erase(EMAIL, moderator)
    text = pdf_text()
    assert "Изтрит участник" in text and NAME.split()[0] not in text and "Зелен" not in text.replace("Залесяване", "")


def test_the_audit_log_names_nobody_and_records_the_erasure(client, participant, moderator,
                                                           django_capture_on_commit_callbacks):
    submission = participant["mine"][0]
    from wagtail.log_actions import log

    log(submission, "wagtail.edit", user=moderator)
    assert NAME in ModelLogEntry.objects.get(object_id=str(submission.pk), action="wagtail.edit").label
    with django_capture_on_commit_callbacks(execute=True):
        erase(EMAIL, moderator)
    labels = list(ModelLogEntry.objects.values_list("label", flat=True))
    assert not [label for label in labels if NAME in label]
    erasures = ModelLogEntry.objects.filter(action="consultations.erase_participant")
    assert erasures.count() == 4 and {entry.user for entry in erasures} == {moderator}
    assert not [entry for entry in erasures if EMAIL.lower() in str(entry.data).lower()]


def test_the_admins_search_no_longer_finds_the_name(participant, moderator, django_capture_on_commit_callbacks):
    from wagtail.search.backends import get_search_backend

    def found():
        return len(get_search_backend().search("Стоева", Submission))

    assert found() == 2
    with django_capture_on_commit_callbacks(execute=True):
        erase(EMAIL, moderator)
    assert found() == 0


def test_an_address_with_nothing_kept_erases_nothing(participant, moderator):
    assert not find("nikoy@example.org")
    assert not erase("nikoy@example.org", moderator)
    assert Submission.objects.filter(erased_at__isnull=False).count() == 0


# --- The admin screen ---

def test_moderator_finds_reviews_confirms_and_erases(client, participant, moderator):
    page = client.get(URL).content.decode()
    assert 'name="email"' in page and 'name="erase"' not in page

    page = client.post(URL, {"email": EMAIL}).content.decode()
    assert "2 предложения" in page and "2 оценки" in page and 'name="erase"' in page
    assert not Submission.objects.filter(erased_at__isnull=False).exists()

    response = client.post(URL, {"email": EMAIL, "erase": "1"})  # not confirmed
    assert response.status_code == 200
    assert "Потвърдете, че участникът е поискал изтриването." in response.content.decode()
    assert not Submission.objects.filter(erased_at__isnull=False).exists()

    response = client.post(URL, {"email": EMAIL, "erase": "1", "confirm": "on"}, follow=True)
    assert "Личните данни са изтрити: 2 предложения, 2 оценки, 1 абонамент, 1 писмо в опашката." in (
        response.content.decode())
    assert Submission.objects.filter(erased_at__isnull=False).count() == 2


@pytest.mark.parametrize("email", ["", "не-е-адрес", "<script>alert(1)</script>@x.bg", "a@" + "b" * 300 + ".bg",
                                   "x@y.bg\x00"])
def test_a_bad_address_is_a_form_error_and_erases_nothing(client, participant, moderator, email):
    response = client.post(URL, {"email": email, "erase": "1", "confirm": "on"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "error" in content
    assert not Submission.objects.filter(erased_at__isnull=False).exists()


def test_erasing_twice_finds_nothing_the_second_time(client, participant, moderator):
    client.post(URL, {"email": EMAIL, "erase": "1", "confirm": "on"})
    response = client.post(URL, {"email": EMAIL, "erase": "1", "confirm": "on"}, follow=True)
    assert "За този адрес няма лични данни." in response.content.decode()


def test_editors_may_not_erase(client, participant):
    sign_in(client, EDITOR)
    assert client.get(URL).status_code in (302, 403)
    client.post(URL, {"email": EMAIL, "erase": "1", "confirm": "on"})
    assert not Submission.objects.filter(erased_at__isnull=False).exists()


def test_the_command_erases_as_the_screen_does(participant):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("erase_participant", EMAIL, stdout=out)
    assert "2 предложения, 2 оценки, 1 абонамент, 1 писмо в опашката" in out.getvalue()
    assert Submission.objects.filter(erased_at__isnull=False).count() == 2
    with pytest.raises(CommandError):
        call_command("erase_participant", "не-е-адрес", stdout=out)


def test_the_message_names_only_what_there_was(client, closed_consultation, moderator):
    SubmissionFactory(consultation=closed_consultation, email=EMAIL)
    response = client.post(URL, {"email": EMAIL, "erase": "1", "confirm": "on"}, follow=True)
    assert "Личните данни са изтрити: 1 предложение." in response.content.decode()
