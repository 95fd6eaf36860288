"""E-mail to participants leaves through the task worker: a slow or dead mail server never holds up a request."""

import select
import socket
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from consultations.models import Submission
from tests.consultations.helpers import submit
from tests.hostile import XSS

pytestmark = pytest.mark.django_db(transaction=True)

MAIL_TASK = "consultations.tasks.deliver_mail"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def fresh_rate_limits(restored_wagtail):
    cache.clear()


@pytest.fixture
def restored_wagtail(transactional_db):
    from tests.conftest import restore_wagtail_base_data

    restore_wagtail_base_data()


@pytest.fixture
def stalled_mail_server():
    """A TCP port that takes connections and never says a word, like a hung SMTP server."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server
    server.close()


def run_worker():
    call_command("db_worker", "--batch", "--no-reload", "--interval", "0", "--no-startup-delay")


def smtp_settings(server):
    return override_settings(
        TASKS=DATABASE_QUEUE,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=server.getsockname()[1],
        EMAIL_TIMEOUT=1,
    )


def test_stalled_mail_server_never_reaches_the_request_and_the_mail_is_retried(
    client, policy, consultation, stalled_mail_server
):
    with smtp_settings(stalled_mail_server):
        response = submit(client, policy, consultation)
        assert response.status_code == 302
        assert Submission.objects.count() == 1
        # The request only queued the e-mail: nobody connected to the mail server during it.
        assert select.select([stalled_mail_server], [], [], 0)[0] == []
        assert DBTaskResult.objects.filter(task_path=MAIL_TASK).count() == 1

        run_worker()  # the worker meets the stalled server, times out after EMAIL_TIMEOUT

    retry = DBTaskResult.objects.filter(task_path=MAIL_TASK, status="READY").get()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after is not None
    assert len(mail.outbox) == 0

    # The server is back: once the retry is due, the worker delivers the same e-mail.
    with override_settings(TASKS=DATABASE_QUEUE), time_machine.travel(retry.run_after + timedelta(seconds=1)):
        run_worker()
    assert len(mail.outbox) == 1
    assert "/konsultacii/potvardi/" in mail.outbox[0].body


def test_confirmation_email_does_not_repeat_what_was_typed(client, policy, consultation):
    spam = "Спечелихте награда! Посетете http://spam.example/ " + XSS
    submit(client, policy, consultation, text=spam, author_name="Купете сега http://spam.example/")
    message = mail.outbox[-1]
    for fragment in ["spam.example", "Спечелихте", "Купете"]:
        assert fragment not in message.body
        assert fragment not in message.subject


@override_settings(CONFIRMATION_EMAIL_RATE_LIMIT="2/h", SUBMISSION_RATE_LIMIT="100/h")
def test_one_address_gets_a_limited_number_of_confirmation_emails(client, policy, consultation):
    for number in range(2):
        assert submit(client, policy, consultation, text=f"Текст {number}", email="Victim@Example.org").status_code == 302
    response = submit(client, policy, consultation, text="Трети текст", email="victim@example.org ")
    assert response.status_code == 200
    assert "email" in response.context["participation_form"].errors
    assert len(mail.outbox) == 2
    assert Submission.objects.count() == 2
    # Another address is not affected.
    assert submit(client, policy, consultation, text="Трети текст", email="other@example.org").status_code == 302
