"""One policy page with an open consultation and an open rating period, and a survey: every public form that
stores what a resident sends, for the tests that go over all of them."""

from tests.consultations.conftest import put_on_page
from tests.consultations.evaluation_helpers import put_period_on_page
from tests.consultations.factories import ConsultationFactory, EvaluationPeriodFactory
from tests.policy_pages.factories import PolicyPageFactory
from tests.surveys.helpers import make_survey


def every_public_form(home, policy_index):
    policy = PolicyPageFactory(parent=policy_index, title="Социални услуги")
    consultation = ConsultationFactory(policy_page=policy)
    put_on_page(policy, consultation)
    period = EvaluationPeriodFactory(policy_page=policy)
    put_period_on_page(policy, period)
    return {"policy": policy, "consultation": consultation, "period": period, "survey": make_survey(home)}
