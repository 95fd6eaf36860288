"""Who may do what with a consultation's proposals, its справка and the survey's answers: every role × action.

Each action is tried for real by each role and judged by its effect (a row stored or changed, an e-mail
address on the screen), not by a status code alone. Editors run consultations and read the proposals;
Moderators moderate and answer them and see the participants' e-mail addresses; only administrators delete.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import Answer, Channel, Consultation, Submission, SubmissionStatus
from surveys.models import SurveyTextAnswer, TextAnswerStatus
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory, SubmissionFactory
from tests.consultations.test_moderation import edit_data
from tests.policy_pages.factories import PolicyPageFactory
from tests.surveys.helpers import answer, make_survey
from tests.trust.roles import ADMIN_ACCESS_ONLY, ADMINISTRATOR, MODERATOR, ROLES, STAFF, sign_in

pytestmark = pytest.mark.django_db

EMAIL = "uchastnichka@example.org"
MODERATION = {MODERATOR, ADMINISTRATOR}


@pytest.fixture
def world(client, home, policy_index, settings):
    """A closed consultation with one pending proposal, and a survey with a text answer waiting."""
    from django.test import Client

    # The matrix's hundred worlds come from one network address and send to the same mailboxes.
    settings.SUBMISSION_RATE_LIMIT = settings.CONFIRMATION_EMAIL_RATE_LIMIT = "1000/h"

    policy = PolicyPageFactory(parent=policy_index, title="Социални услуги")
    consultation = ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timedelta(days=40))
    put_on_page(policy, consultation)
    submission = SubmissionFactory(consultation=consultation, email=EMAIL, text="Пейки в парка „Зорница“.")
    survey = make_survey(home)
    answer(Client(), survey, q6="Обсъжданията да са вечер.")
    return {"consultation": consultation, "submission": submission, "survey": survey,
            "text_answer": SurveyTextAnswer.objects.get()}


def submission_url(action, *args):
    return reverse(f"wagtailsnippets_consultations_submission:{action}", args=args)


def view_proposals(client, world):
    response = client.get(submission_url("list"))
    return response.status_code == 200 and world["submission"].text in response.content.decode()


def see_email(client, world):
    return any(EMAIL in client.get(address).content.decode()
               for address in (submission_url("edit", world["submission"].pk), submission_url("list")))


def moderate(client, world):
    url = (f"/admin/bulk/consultations/submission/approve_submissions/?next=/admin/"
           f"&id={world['submission'].pk}")
    client.post(url, {"reason": "Проверено"})
    return Submission.objects.get().status == SubmissionStatus.APPROVED


def answer_proposal(client, world):
    client.post(submission_url("edit", world["submission"].pk),
                edit_data(world["submission"], answer=Answer.ACCEPTED))
    return Submission.objects.get().answer == Answer.ACCEPTED


def register_paper_proposal(client, world):
    paper = SubmissionFactory.build(consultation=world["consultation"], email="", text="Писмо от читалището")
    client.post(submission_url("add"), edit_data(paper, channel=Channel.REGISTRY, registry_number="94-00-17",
                                                 status=SubmissionStatus.PENDING))
    return Submission.objects.filter(text="Писмо от читалището").exists()


def delete_proposal(client, world):
    client.post(submission_url("delete", world["submission"].pk), {"reason": "Дубликат"})
    return not Submission.objects.exists()


def preview_report(client, world):
    response = client.get(f"/konsultacii/{world['consultation'].pk}/spravka/")
    return response.status_code == 200 and world["submission"].text in response.content.decode()


def publish_report(client, world):
    client.post(reverse("consultations_publish_report", args=[world["consultation"].pk]))
    return Consultation.objects.get().report_published_at is not None


def export_survey_answers(client, world):
    response = client.get(reverse("wagtailforms:list_submissions", args=[world["survey"].pk]) + "?export=csv")
    return response.status_code == 200 and "Обсъжданията да са вечер." in b"".join(
        response.streaming_content).decode("utf-8-sig")


def moderate_text_answers(client, world):
    client.post(f"/admin/bulk/surveys/surveytextanswer/publish_survey_text_answers/?next=/admin/"
                f"&id={world['text_answer'].pk}")
    return SurveyTextAnswer.objects.get().status == TextAnswerStatus.PUBLISHED


def erase_participant(client, world):
    client.post(reverse("consultations_erase_participant"), {"email": EMAIL, "erase": "1", "confirm": "on"})
    return Submission.objects.get().erased_at is not None


ACTIONS = {
    "view the proposals": (view_proposals, STAFF),
    "see a participant's e-mail": (see_email, MODERATION),
    "moderate proposals": (moderate, MODERATION),
    "answer a proposal": (answer_proposal, MODERATION),
    "register a paper proposal": (register_paper_proposal, MODERATION),
    "delete a proposal": (delete_proposal, {ADMINISTRATOR}),
    "preview the unpublished справка": (preview_report, STAFF),
    "publish the справка": (publish_report, STAFF),
    "export the survey's answers": (export_survey_answers, STAFF),
    "moderate the survey's text answers": (moderate_text_answers, MODERATION),
    "erase a participant": (erase_participant, MODERATION),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_role_may_do_only_what_its_job_needs(client, world, role, action):
    act, allowed = ACTIONS[action]
    sign_in(client, role)
    assert act(client, world) == (role in allowed)


def test_a_group_that_moderates_without_personal_data_never_sees_nor_loses_the_address(client, world):
    """A group the administrator may make (change proposals, not the e-mail permission): the address is not
    on its form, and saving the form keeps it."""
    from django.contrib.auth.models import Permission

    user = sign_in(client, ADMIN_ACCESS_ONLY)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_submission", "view_submission"]))
    assert not see_email(client, world)
    assert answer_proposal(client, world)
    assert Submission.objects.get().email == EMAIL
    user.user_permissions.add(Permission.objects.get(codename="view_participant_email"))
    assert see_email(client, world)


PHASES = {"upcoming": timedelta(days=3), "open": -timedelta(days=1), "closed": -timedelta(days=40)}


def rated(client, world, phase):
    from consultations.models import Evaluation
    from tests.consultations.evaluation_helpers import evaluate, put_period_on_page
    from tests.consultations.factories import EvaluationPeriodFactory

    policy = world["consultation"].policy_page
    period = EvaluationPeriodFactory(policy_page=policy, opens_at=timezone.now() + PHASES[phase],
                                     closes_at=timezone.now() + PHASES[phase] + timedelta(days=30))
    put_period_on_page(policy, period)
    evaluate(client, policy, period)
    return Evaluation.objects.filter(period=period).exists()


def proposed(client, world, phase):
    from tests.consultations.helpers import submit

    policy = world["consultation"].policy_page
    consultation = ConsultationFactory(policy_page=policy, opens_at=timezone.now() + PHASES[phase])
    put_on_page(policy, consultation)
    submit(client, policy, consultation)
    return consultation.submissions.exists()


def answered_survey(client, world, phase):
    survey = world["survey"]
    survey.closes_at = None if phase == "open" else timezone.now() - timedelta(days=1)
    survey.save_revision().publish()
    before = survey.get_submissions().count()
    answer(client, survey)
    return survey.get_submissions().count() > before


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("act", [proposed, rated, answered_survey], ids=["propose", "rate", "answer the survey"])
@pytest.mark.parametrize("role", ROLES)
def test_everyone_takes_part_only_while_it_is_open(client, world, role, act, phase):
    """Signed in or not, in the admin or not: a form takes part only in its open phase (a survey has no
    upcoming phase, so there it is closed twice)."""
    sign_in(client, role)
    assert act(client, world, phase) == (phase == "open")
