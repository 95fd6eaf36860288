"""Report fixtures: a closed consultation on a live policy page."""

import pytest
from django.utils import timezone

from tests.consultations.factories import ConsultationFactory
from tests.policy_pages.factories import PolicyPageFactory


@pytest.fixture
def closed_consultation(policy_index):
    policy = PolicyPageFactory(parent=policy_index, title="Социални услуги")
    return ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timezone.timedelta(days=40))
