"""A participant sends a proposal: stored at once, confirmed from the e-mail, every bad input refused clearly."""

import re
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail, signing
from django.core.cache import cache
from django.test import override_settings
from django.utils.html import escape

from consultations.blocks import draft_sections
from consultations.models import Submission, SubmissionStatus
from consultations.views import SubmissionConfirmation
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory
from tests.consultations.helpers import block_id, confirmation_path, form_rendered_seconds_ago, submit, valid_submission
from tests.hostile import XSS, XSS_ATTRIBUTE
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def test_valid_proposal_is_stored_unconfirmed_and_a_link_is_mailed(client, policy, consultation):
    response = submit(client, policy, consultation)
    assert response.status_code == 302
    assert response["Location"] == f"{policy.url}#konsultaciya-{consultation.pk}-suobshtenie"
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.UNCONFIRMED
    assert submission.email == "maria@example.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maria@example.org"]
    assert "Потвърдете предложението си" in mail.outbox[0].subject
    followed = client.get(response["Location"]).content.decode()
    # The message is inside the consultation's block, at the anchor the redirect lands on.
    block_start = followed.index(f'id="konsultaciya-{consultation.pk}-suobshtenie"')
    assert "ще получите писмо на maria@example.org" in followed[block_start:]
    assert followed.index("ще получите писмо") > followed.index('class="consultation"')


def test_confirmation_link_asks_then_confirms(client, policy, consultation):
    submit(client, policy, consultation)
    path = confirmation_path()
    page = client.get(path)
    assert page.status_code == 200
    assert Submission.objects.get().status == SubmissionStatus.UNCONFIRMED  # opening the link is not enough
    response = client.post(path)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.PENDING
    assert submission.confirmed_at is not None
    assert "потвърдено" in client.get(response["Location"]).content.decode()


def test_replayed_confirmation_is_refused_without_changing_anything(client, policy, consultation):
    submit(client, policy, consultation)
    path = confirmation_path()
    client.post(path)
    confirmed_at = Submission.objects.get().confirmed_at
    assert client.post(path).status_code == 409
    assert client.get(path).status_code == 409
    assert Submission.objects.get().confirmed_at == confirmed_at


def test_forged_or_truncated_token_is_a_404(client, policy, consultation):
    submit(client, policy, consultation)
    path = confirmation_path()
    assert client.get(path[:-6] + "/").status_code == 404
    forged = signing.dumps(Submission.objects.get().pk, salt="another-salt")
    assert client.post(f"/konsultacii/potvardi/{forged}/").status_code == 404
    assert Submission.objects.get().status == SubmissionStatus.UNCONFIRMED


def test_expired_link_is_refused(client, policy, consultation):
    submit(client, policy, consultation)
    path = confirmation_path()
    with time_machine.travel(timedelta(days=8)):
        response = client.post(path)
    assert response.status_code == 410
    assert "изтекла" in response.content.decode()
    assert Submission.objects.get().status == SubmissionStatus.UNCONFIRMED


def test_proposal_on_one_section_records_its_anchor_and_heading(client, policy, consultation):
    anchor, heading = draft_sections(policy)[1]
    submit(client, policy, consultation, section_anchor=anchor)
    submission = Submission.objects.get()
    assert (submission.section_anchor, submission.section_title) == (anchor, heading)


def test_section_link_preselects_the_section_without_javascript(client, policy, consultation):
    anchor, _ = draft_sections(policy)[0]
    content = client.get(policy.url, {"razdel": anchor}).content.decode()
    assert f'<option value="{anchor}" selected>' in content


def test_unknown_section_is_a_form_error(client, policy, consultation):
    response = submit(client, policy, consultation, section_anchor="no-such-section")
    assert response.status_code == 200
    assert not Submission.objects.exists()


@pytest.mark.parametrize("field", ["text", "author_name", "email", "stakeholder_type", "consent"])
def test_missing_field_is_a_form_error_next_to_it_and_in_the_summary(client, policy, consultation, field):
    response = submit(client, policy, consultation, **{field: None})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="error-summary"' in content
    prefix = f"id_{block_id(consultation)}-"
    target = f"{prefix}{field}_0" if field == "stakeholder_type" else f"{prefix}{field}"  # radios: the first option
    assert f'href="#{target}"' in content
    assert re.search(rf'<(input|textarea)[^>]* id="{target}"', content), "the summary's link leads to a field"
    assert "Мария Иванова" in content or field == "author_name"  # what was typed is kept
    assert not Submission.objects.exists()
    assert mail.outbox == []


def test_error_summary_lists_errors_in_the_order_of_the_form(client, policy, consultation):
    response = submit(client, policy, consultation, text=None, author_name=None, email=None, consent=None)
    summary = response.content.decode().split('class="error-summary"')[1].split("</ul>")[0]
    links = re.findall(rf'href="#id_{block_id(consultation)}-(\w+)"', summary)
    assert links == ["text", "author_name", "email", "consent"]


def test_organisation_is_required_for_an_ngo(client, policy, consultation):
    response = submit(client, policy, consultation, stakeholder_type="ngo", organisation=" ")
    assert "Посочете организацията" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "x" * 300 + "@example.org", "maria@example.org\r\nBcc: x@y.z"])
def test_bad_email_is_a_form_error(client, policy, consultation, email):
    response = submit(client, policy, consultation, email=email)
    assert response.status_code == 200
    assert not Submission.objects.exists()


@pytest.mark.parametrize("text", ["x" * 100_000, "   ", "Текст с NUL \x00 знак"])
def test_huge_blank_or_binary_text_is_a_form_error(client, policy, consultation, text):
    response = submit(client, policy, consultation, text=text)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not Submission.objects.exists()


def test_text_at_the_maximum_length_is_accepted(client, policy, consultation):
    assert submit(client, policy, consultation, text="а" * 5000).status_code == 302


@pytest.mark.parametrize("payload", [XSS, XSS_ATTRIBUTE, "<a href='javascript:alert(1)'>връзка</a>"])
def test_html_and_scripts_are_stored_as_typed_and_shown_as_text(client, policy, consultation, payload):
    submit(client, policy, consultation, text=f"Предложение {payload}", author_name=f"Име {payload}",
           publish_name="on")
    submission = Submission.objects.get()
    assert submission.text == f"Предложение {payload}"
    submission.status = SubmissionStatus.APPROVED
    submission.save()
    content = client.get(policy.url).content.decode()
    assert payload not in content
    assert "Предложение " + escape(payload) in content


@pytest.mark.parametrize("block_field", ["999999", "abc", "", "1 OR 1=1", "<script>", "x" * 10_000])
def test_forged_block_id_is_a_400(client, policy, consultation, block_field):
    response = submit(client, policy, consultation, block=block_field)
    assert response.status_code == 400
    assert "Консултацията не е намерена" in response.content.decode()
    assert not Submission.objects.exists()


def test_consultation_of_another_page_cannot_be_posted_here(client, policy_index, policy, consultation):
    other_policy = PolicyPageFactory(parent=policy_index)
    other = ConsultationFactory(policy_page=other_policy)
    put_on_page(other_policy, other)
    assert submit(client, policy, other).status_code == 400
    assert not Submission.objects.exists()


def test_post_to_a_closed_consultation_is_refused_and_the_text_kept_on_screen(client, policy):
    closed = ConsultationFactory(policy_page=policy, opens_at=datetime(2025, 1, 1, tzinfo=ZoneInfo("UTC")))
    put_on_page(policy, closed)
    response = submit(client, policy, closed, text="Закъсняло предложение за парка.")
    assert response.status_code == 403
    content = response.content.decode()
    assert "Срокът за предложения изтече" in content
    assert "Закъсняло предложение за парка." in content
    assert not Submission.objects.exists()


def test_form_loaded_at_235959_and_posted_after_the_deadline_is_refused(client, policy):
    sofia = ZoneInfo("Europe/Sofia")
    closes = datetime(2026, 5, 31, 0, 0, 0, tzinfo=sofia)
    item = ConsultationFactory(policy_page=policy, opens_at=closes - timedelta(days=30), closes_at=closes)
    put_on_page(policy, item)
    with time_machine.travel(closes - timedelta(seconds=1), tick=False):
        page = client.get(policy.url)
        assert 'action="' + policy.url + f'predlozhenie/#forma-{block_id(item)}"' in page.content.decode()
        data = valid_submission(item, rendered_at=page.context["form"]["rendered_at"].value())
    with time_machine.travel(closes + timedelta(seconds=4), tick=False):
        response = client.post(policy.url + "predlozhenie/", data)
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_post_before_opening_is_refused(client, policy):
    upcoming = ConsultationFactory(policy_page=policy, opens_at=datetime(2099, 1, 1, tzinfo=ZoneInfo("UTC")))
    put_on_page(policy, upcoming)
    response = submit(client, policy, upcoming)
    assert response.status_code == 403
    assert "Консултацията още не е започнала" in response.content.decode()
    assert not Submission.objects.exists()


def test_honeypot_pretends_success_and_stores_nothing(client, policy, consultation):
    response = submit(client, policy, consultation, website="http://spam.example")
    assert response.status_code == 302
    assert not Submission.objects.exists()
    assert mail.outbox == []


def test_form_sent_faster_than_a_person_could_is_refused(client, policy, consultation):
    response = submit(client, policy, consultation, rendered_at=form_rendered_seconds_ago(0))
    assert "твърде бързо" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize("rendered_at", ["", "1700000000", "tampered:abc:def"])
def test_missing_or_tampered_form_timestamp_is_refused(client, policy, consultation, rendered_at):
    assert submit(client, policy, consultation, rendered_at=rendered_at).status_code == 200
    assert not Submission.objects.exists()


def test_same_text_from_the_same_email_twice_is_refused(client, policy, consultation):
    submit(client, policy, consultation)
    response = submit(client, policy, consultation, email="MARIA@example.org",
                      text="  предлагам патронажната грижа да работи   и в събота. ")
    assert "Вече сте изпратили същия текст" in response.content.decode()
    assert Submission.objects.count() == 1


def test_same_text_from_another_person_is_accepted(client, policy, consultation):
    submit(client, policy, consultation)
    submit(client, policy, consultation, email="georgi@example.org")
    assert Submission.objects.count() == 2


@override_settings(SUBMISSION_RATE_LIMIT="3/h")
def test_too_many_posts_from_one_address_get_a_429(client, policy, consultation):
    for number in range(3):
        assert submit(client, policy, consultation, text=f"Предложение номер {number}").status_code == 302
    response = submit(client, policy, consultation, text="Още едно предложение")
    assert response.status_code == 429
    assert "Твърде много изпращания" in response.content.decode()
    assert Submission.objects.count() == 3


def test_mail_outage_loses_nothing(client, policy, consultation):
    with mock.patch("consultations.tasks.send_mail", side_effect=ConnectionRefusedError):
        response = submit(client, policy, consultation)
    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert "ще получите писмо" in client.get(response["Location"]).content.decode()


def test_queue_outage_loses_nothing_and_says_so(client, policy, consultation):
    with mock.patch("consultations.tasks.deliver_mail", **{"enqueue.side_effect": ConnectionError}):
        response = submit(client, policy, consultation)
    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert "писмото за потвърждение не можа да бъде изпратено" in client.get(response["Location"]).content.decode()


def test_get_on_the_form_address_goes_back_to_the_page(client, policy, consultation):
    response = client.get(policy.url + "predlozhenie/")
    assert response.status_code == 302
    assert response["Location"] == policy.url


def test_confirmation_token_of_a_deleted_submission_is_a_404(client, policy, consultation):
    token = signing.dumps(123456, salt=SubmissionConfirmation.salt)
    assert client.get(f"/konsultacii/potvardi/{token}/").status_code == 404


def test_a_request_the_server_cannot_read_gets_a_page_in_bulgarian(client, policy, consultation):
    """Django refuses a multipart body whose part headers are too big (here a 10,000-character field name)."""
    response = client.post(policy.url + "predlozhenie/", {"x" * 10_000: "стойност"})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'lang="bg"' in content and "Заявката не може да бъде обработена" in content
    assert not Submission.objects.exists()


def test_an_address_that_is_not_one_is_said_in_the_sites_words(client, policy, consultation):
    response = submit(client, policy, consultation, email="не-е-адрес")
    assert "Въведете валиден адрес на електронна поща" in " ".join(response.context["participation_form"].errors["email"])


def test_a_broken_confirmation_link_leads_on_to_the_site(client):
    response = client.get("/konsultacii/potvardi/garbage/")
    assert response.status_code == 404
    assert 'href="/"' in response.content.decode().split("<main", 1)[1]


def test_the_server_error_page_is_in_bulgarian_and_needs_no_context():
    from django.template.loader import render_to_string

    content = render_to_string("500.html")
    assert 'lang="bg"' in content and "Възникна грешка в сървъра" in content and 'href="/"' in content
