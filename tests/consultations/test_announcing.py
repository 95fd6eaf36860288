"""A consultation is announced only where people can take part, and a page shows only its own consultations."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation, ConsultationIndexPage
from consultations.signals import record_consultations_shown
from decisions.models import DecisionPage
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory, DocumentFactory
from tests.decisions.factories import DecisionPageFactory
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return home.add_child(instance=ConsultationIndexPage(title="Консултации", slug="konsultacii-spisak"))


def announced_on(client, index, title):
    return {url: title in client.get(url).content.decode() for url in ["/", index.url, index.url + "rss/",
                                                                      index.url + "atom/"]}


def test_new_consultation_without_a_block_is_not_announced(client, index, policy):
    ConsultationFactory(policy_page=policy, title="Проект за велоалеите")
    assert not any(announced_on(client, index, "Проект за велоалеите").values())


def test_consultation_is_announced_once_its_page_is_published_with_the_block(client, index, policy):
    consultation = ConsultationFactory(policy_page=policy, title="Проект за велоалеите")
    put_on_page(policy, consultation)
    assert all(announced_on(client, index, "Проект за велоалеите").values())
    assert Consultation.objects.get().shown_on_page


def test_removing_the_block_or_unpublishing_stops_the_announcement(client, index, policy):
    consultation = ConsultationFactory(policy_page=policy, title="Проект за велоалеите")
    put_on_page(policy, consultation)
    policy.body = [(block.block_type, block.value) for block in policy.body if block.block_type != "consultation"]
    policy.save_revision().publish()
    assert not any(announced_on(client, index, "Проект за велоалеите").values())
    put_on_page(policy, consultation)
    policy.unpublish()
    assert not Consultation.objects.get().shown_on_page


def test_publishing_a_page_that_cannot_hold_the_block_asks_nothing_about_consultations(decision_index,
                                                                                      django_assert_num_queries):
    # An import publishes thousands of decisions: none can show a consultation, so none costs a query for them.
    decision = DecisionPageFactory(parent=decision_index)
    with django_assert_num_queries(0):
        record_consultations_shown(sender=DecisionPage, instance=decision, revision=None)


def test_a_draft_with_the_block_is_not_enough(client, index, policy):
    consultation = ConsultationFactory(policy_page=policy, title="Проект за велоалеите")
    policy.body.append(("consultation", {"consultation": consultation}))
    policy.save_revision()  # saved, not published: the live page still has no form
    assert not any(announced_on(client, index, "Проект за велоалеите").values())


def test_page_refuses_a_consultation_of_another_page(policy_index, policy):
    other = PolicyPageFactory(parent=policy_index, title="Отпадъци")
    foreign = ConsultationFactory(policy_page=other, title="Чужда консултация")
    policy.body.append(("consultation", {"consultation": foreign}))
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "body" in error.value.message_dict
    assert "принадлежи на друга страница" in " ".join(error.value.message_dict["body"])


def test_admin_shows_the_error_at_the_body_when_publishing_a_foreign_consultation(client, policy_index, policy):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    other = PolicyPageFactory(parent=policy_index, title="Отпадъци")
    foreign = ConsultationFactory(policy_page=other)
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.bg", "парола-за-тест"))
    data = nested_form_data({
        "title": policy.title, "slug": policy.slug, "summary": "Резюме", "stage": "consultation",
        "responsible_department": "Дирекция", "tags": "",
        "body": streamfield([("consultation", {"consultation": foreign.pk})]),
        "action-publish": "publish",
    })
    response = client.post(reverse("wagtailadmin_pages:edit", args=[policy.pk]), data)
    assert response.status_code == 200
    assert "принадлежи на друга страница" in str(response.context["form"].errors.get("body")), response.context["form"].errors
    policy.refresh_from_db()
    assert not any(block.block_type == "consultation" for block in policy.body)


def consultation_form_data(policy, **overrides):
    data = {
        "policy_page": policy.pk, "title": "Минала консултация",
        "opens_at": (timezone.now() - timedelta(days=60)).strftime("%Y-%m-%d %H:%M"),
        "closes_at": (timezone.now() - timedelta(days=20)).strftime("%Y-%m-%d %H:%M"),
        "shortened_period_reason": "", "draft_document": DocumentFactory().pk,
        "motives_document": DocumentFactory().pk, "impact_assessment_document": "",
        "publication": "after_moderation",
    }
    data.update(overrides)
    return data


def test_backdated_consultation_asks_the_editor_to_confirm(client, policy):
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.bg", "парола-за-тест"))
    add = reverse("wagtailsnippets_consultations_consultation:add")
    response = client.post(add, consultation_form_data(policy))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "closes_at" in errors and "гражданите няма да могат" in errors["closes_at"][0]
    assert not Consultation.objects.exists()
    assert client.post(add, consultation_form_data(policy, confirm_backdated="on")).status_code == 302
    assert Consultation.objects.get().is_backdated()


def test_listing_tells_the_editor_what_is_missing(client, policy):
    ConsultationFactory(policy_page=policy, title="Без блок")
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.bg", "парола-за-тест"))
    content = client.get(reverse("wagtailsnippets_consultations_consultation:list")).content.decode()
    assert "Не се вижда: добавете блок" in content
