"""Several participation blocks on one page: each form has its own field names and ids, and receives only its own POST."""

import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from consultations.models import Submission
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory
from tests.consultations.helpers import block_id, submit, valid_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_consultations(policy):
    first = ConsultationFactory(policy_page=policy, title="Проект за паркирането")
    second = ConsultationFactory(policy_page=policy, title="Проект за велоалеите")
    policy.body.append(("consultation", {"consultation": first}))
    put_on_page(policy, second)
    return first, second


def html_ids(content):
    return Counter(re.findall(r'\sid="([^"]+)"', content))


def test_every_id_on_a_page_with_two_forms_is_unique(client, policy, two_consultations):
    content = client.get(policy.url).content.decode()
    repeated = {value: count for value, count in html_ids(content).items() if count > 1}
    assert repeated == {}
    first, second = two_consultations
    assert content.count('name="block"') == 2
    for consultation in two_consultations:
        assert f'name="{block_id(consultation)}-text"' in content
        assert f'for="id_{block_id(consultation)}-text"' in content


def test_a_post_to_the_second_form_is_the_second_consultations(client, policy, two_consultations):
    first, second = two_consultations
    submit(client, policy, second, text="За велоалеите: повече от тях.")
    assert list(Submission.objects.values_list("consultation_id", "text")) == [
        (second.pk, "За велоалеите: повече от тях.")]


def test_errors_show_in_the_form_that_was_sent_and_the_other_stays_clean(client, policy, two_consultations):
    first, second = two_consultations
    response = submit(client, policy, second, text=None)
    content = response.content.decode()
    assert content.count('class="error-summary"') == 1
    assert f'href="#id_{block_id(second)}-text"' in content
    assert f"id_{block_id(first)}-text_error" not in content
    assert response.context["participation_form"].prefix == block_id(second)


def test_the_fields_of_one_block_cannot_be_posted_under_the_name_of_another(client, policy, two_consultations):
    first, second = two_consultations
    data_for_first = {key.replace(block_id(first), block_id(second)): value
                      for key, value in valid_submission(first).items()}
    data_for_first["block"] = block_id(first)
    response = client.post(policy.url + "predlozhenie/", data_for_first)
    assert response.status_code == 200  # the first form, all of it missing: errors, nothing stored
    assert not Submission.objects.exists()


def test_a_page_refuses_the_same_consultation_twice(policy, consultation):
    policy.body.append(("consultation", {"consultation": consultation}))
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "повече от веднъж" in " ".join(error.value.message_dict["body"])


def test_each_section_link_leads_to_the_open_consultations_form(client, policy, two_consultations):
    first, second = two_consultations
    content = client.get(policy.url).content.decode()
    assert f"#forma-{block_id(first)}" in content
    assert f'id="forma-{block_id(first)}"' in content
