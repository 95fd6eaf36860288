"""Each rule of a proposal lives in one database constraint; every form shows its message at its field.

The forms carry no copy of these rules (consultations/models/field_errors.py places the constraints' errors),
so each test below fails if the constraint goes, or if its message lands at the top of the form instead.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from consultations.forms import SubmissionForm
from consultations.models import Answer, Channel, Consultation, Submission, SubmissionStatus
from consultations.wagtail_hooks import ConsultationViewSet, SubmissionViewSet
from tests.consultations.factories import ConsultationFactory, SubmissionFactory
from tests.consultations.helpers import block_id, submit, valid_submission

pytestmark = pytest.mark.django_db

SUBMISSION_RULES = {
    # constraint name: (what breaks it, the field its message belongs to, words of the message)
    "submission_organisation_named": ({"stakeholder_type": "ngo", "organisation": ""}, "organisation",
                                      "Посочете организацията"),
    "submission_answer_reason_unless_accepted": ({"answer": Answer.REJECTED, "answer_reason": ""}, "answer_reason",
                                                 "Посочете мотивите"),
    "submission_only_online_unconfirmed": ({"channel": Channel.PAPER, "registry_number": "94-1",
                                            "status": SubmissionStatus.UNCONFIRMED}, "status", "по друг канал"),
    "submission_registry_number_unless_online": ({"channel": Channel.REGISTRY, "registry_number": ""},
                                                 "registry_number", "входящия номер"),
}


@pytest.mark.parametrize("constraint", SUBMISSION_RULES)
def test_the_database_itself_refuses_a_proposal_that_breaks_a_rule(consultation, constraint):
    broken, _field, _words = SUBMISSION_RULES[constraint]
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        SubmissionFactory(consultation=consultation, **broken)


def admin_form(viewset, instance, data):
    form_class = viewset().get_edit_handler().get_form_class()
    return form_class(data, instance=instance, for_user=None)


@pytest.mark.parametrize("constraint", SUBMISSION_RULES)
def test_validation_puts_each_rules_message_at_its_field(consultation, constraint):
    broken, field, words = SUBMISSION_RULES[constraint]
    submission = SubmissionFactory.build(consultation=consultation, **broken)
    with pytest.raises(ValidationError) as error:
        submission.full_clean()
    assert words in " ".join(error.value.message_dict[field])
    assert NON_FIELD_ERRORS not in error.value.message_dict


# The editors' form offers no "unconfirmed" for a proposal from another channel, so that rule cannot be broken there.
@pytest.mark.parametrize("constraint", [name for name in SUBMISSION_RULES if name != "submission_only_online_unconfirmed"])
def test_the_editors_form_shows_each_rule_at_its_field(consultation, constraint):
    broken, field, words = SUBMISSION_RULES[constraint]
    submission = SubmissionFactory.build(consultation=consultation, channel=Channel.EMAIL, registry_number="1")
    data = {
        "consultation": consultation.pk, "kind": "proposal", "text": "Предложение", "author_name": "Мария",
        "email": "maria@example.org", "stakeholder_type": "citizen", "organisation": "", "channel": "email",
        "registry_number": "1", "created_at": timezone.now().strftime("%Y-%m-%d %H:%M"), "status": "pending",
        "moderation_reason": "", "answer": "", "answer_reason": "", "section_title": "",
        **broken,
    }
    form = admin_form(SubmissionViewSet, submission, data)
    assert not form.is_valid()
    assert words in " ".join(form.errors.get(field, [])), form.errors
    assert not form.non_field_errors()


def test_the_public_form_shows_the_missing_organisation_at_its_field(client, policy, consultation):
    response = submit(client, policy, consultation, stakeholder_type="ngo", organisation="  ")
    form = response.context["participation_form"]
    assert "Посочете организацията" in " ".join(form.errors["organisation"])
    assert not form.non_field_errors()
    assert not Submission.objects.exists()


def test_the_public_form_shows_the_same_text_twice_at_the_text(client, policy, consultation):
    submit(client, policy, consultation)
    response = submit(client, policy, consultation, email="MARIA@example.org")
    form = response.context["participation_form"]
    assert "Вече сте изпратили същия текст" in " ".join(form.errors["text"])
    assert Submission.objects.count() == 1


def test_the_same_text_stored_by_a_parallel_request_is_shown_at_the_text(client, policy, consultation):
    """The check passed, then a parallel request stored the same text: the database's refusal reaches the text field."""
    submit(client, policy, consultation)
    with mock.patch.object(Submission, "validate_constraints"):
        response = submit(client, policy, consultation)
    form = response.context["participation_form"]
    assert "Вече сте изпратили същия текст" in " ".join(form.errors["text"])
    assert Submission.objects.count() == 1


def test_the_same_text_rule_holds_without_any_form(consultation):
    SubmissionFactory(consultation=consultation, email="maria@example.org", text="Пейки в парка.")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubmissionFactory(consultation=consultation, email="Maria@Example.org", text="  пейки   в парка. ")


def consultation_data(policy, days, reason=""):
    consultation = ConsultationFactory.build(policy_page=policy)
    opens = timezone.now() + timedelta(days=10)
    return consultation, {
        "policy_page": policy.pk, "title": "Проект", "opens_at": opens.strftime("%Y-%m-%d %H:%M"),
        "closes_at": (opens + timedelta(days=days)).strftime("%Y-%m-%d %H:%M"), "shortened_period_reason": reason,
        "draft_document": consultation.draft_document.pk, "motives_document": consultation.motives_document.pk,
        "impact_assessment_document": "", "publication": "after_moderation",
    }


@pytest.mark.parametrize("days, reason, field, words", [
    (13, "Спешно.", "closes_at", "14 дни"),
    (-2, "Спешно.", "closes_at", "14 дни"),
    (20, "   ", "shortened_period_reason", "Посочете причината"),
])
def test_the_editors_consultation_form_shows_each_period_rule_at_its_field(policy, days, reason, field, words):
    consultation, data = consultation_data(policy, days, reason)
    consultation.draft_document.save()
    consultation.motives_document.save()
    data["draft_document"], data["motives_document"] = consultation.draft_document.pk, consultation.motives_document.pk
    form = admin_form(ConsultationViewSet, Consultation(), data)
    assert not form.is_valid()
    assert words in " ".join(form.errors.get(field, [])), form.errors
    assert not form.non_field_errors()


def test_the_database_itself_refuses_under_fourteen_days(policy):
    with pytest.raises(IntegrityError, match="consultation_period_at_least_14_days"), transaction.atomic():
        ConsultationFactory(policy_page=policy, closes_at=timezone.now() + timedelta(days=12),
                            shortened_period_reason="Спешно.")


def test_a_consultation_belongs_to_a_policy_page_by_the_databases_rule(home):
    with pytest.raises(IntegrityError), transaction.atomic():
        # Foreign keys are checked at commit; the test's transaction never commits.
        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
        ConsultationFactory(policy_page_id=home.pk)


def test_valid_submission_helper_still_matches_the_form(policy, consultation):
    """The other tests' valid data is valid: a failure above is the rule's, not the helper's."""
    data = valid_submission(consultation)
    form = SubmissionForm(data, consultation=consultation, prefix=block_id(consultation))
    assert form.is_valid(), form.errors
