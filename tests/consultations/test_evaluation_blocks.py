"""The evaluation block on a policy page: only its own policy's period, once, with criteria; and beside a consultation."""

import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from consultations.models import Evaluation, EvaluationCriterion, Submission
from tests.consultations.conftest import put_on_page
from tests.consultations.evaluation_helpers import evaluate, evaluation_block_id, put_period_on_page
from tests.consultations.factories import ConsultationFactory, EvaluationPeriodFactory
from tests.consultations.helpers import submit
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def body_errors(page):
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return [str(message) for message in error.value.message_dict["body"]]


def test_a_page_refuses_the_period_of_another_policy(policy, policy_index):
    other = PolicyPageFactory(parent=policy_index, title="Друга")
    policy.body.append(("evaluation", {"period": EvaluationPeriodFactory(policy_page=other, title="2026")}))
    assert any("е за друга политика" in message for message in body_errors(policy))


def test_a_page_refuses_the_same_period_twice_and_a_period_without_criteria(policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026")
    policy.body.append(("evaluation", {"period": period}))
    policy.body.append(("evaluation", {"period": period}))
    assert any("е добавен повече от веднъж" in message for message in body_errors(policy))
    empty = EvaluationPeriodFactory(policy_page=policy, title="2027", criteria=[])
    policy.body = [("evaluation", {"period": empty})]
    assert any("няма критерии за оценка" in message for message in body_errors(policy))


def test_an_evaluation_and_a_consultation_share_a_page_with_unique_ids_and_their_own_posts(client, policy):
    consultation = ConsultationFactory(policy_page=policy)
    period = EvaluationPeriodFactory(policy_page=policy, title="2026")
    policy.body.append(("evaluation", {"period": period}))
    put_on_page(policy, consultation)
    content = client.get(policy.url).content.decode()
    repeated = {key: n for key, n in Counter(re.findall(r'\sid="([^"]+)"', content)).items() if n > 1}
    assert repeated == {}
    assert f'name="{evaluation_block_id(period)}-email"' in content
    # The evaluation block's id is no consultation block: each route takes only its own kind.
    forged = evaluate(client, policy, period, block=evaluation_block_id(period))
    assert forged.status_code == 302
    assert submit(client, policy, consultation, block=evaluation_block_id(period)).status_code == 400
    assert Evaluation.objects.count() == 1 and Submission.objects.count() == 0


def test_errors_show_in_the_evaluation_form_and_the_consultation_form_stays_clean(client, policy):
    consultation = ConsultationFactory(policy_page=policy)
    period = EvaluationPeriodFactory(policy_page=policy, title="2026")
    policy.body.append(("evaluation", {"period": period}))
    put_on_page(policy, consultation)
    response = evaluate(client, policy, period, email="грешен")
    content = response.content.decode()
    assert content.count('class="error-summary"') == 1
    assert f'href="#id_{evaluation_block_id(period)}-email"' in content


def test_a_period_deleted_from_under_a_block_leaves_the_page_working(client, policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026")
    put_period_on_page(policy, period)
    EvaluationCriterion.objects.filter(period=period).delete()
    period.delete()
    assert client.get(policy.url).status_code == 200
