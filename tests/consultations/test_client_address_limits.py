"""Rate limits on the public form count by the real visitor, whatever headers a visitor sends."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from consultations.models import Submission
from tests.consultations.helpers import submit


@pytest.mark.django_db
@override_settings(SUBMISSION_RATE_LIMIT="3/h", CONFIRMATION_EMAIL_RATE_LIMIT="100/h", TRUSTED_PROXIES=[])
def test_rotating_the_header_does_not_escape_the_limit(client, policy, consultation):
    cache.clear()
    statuses = [
        submit(client, policy, consultation, text=f"Предложение {n}", email=f"p{n}@example.org",
               headers={"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}).status_code
        for n in range(6)
    ]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert Submission.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("remote_addr", ["", "garbage"])
def test_form_with_a_broken_peer_address_answers_normally(client, policy, consultation, remote_addr):
    cache.clear()
    response = submit(client, policy, consultation, headers={"REMOTE_ADDR": remote_addr})
    assert response.status_code == 302
