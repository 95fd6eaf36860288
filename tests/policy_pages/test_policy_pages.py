"""Policy pages: the list of policies and one policy with its stage, body and related decisions."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policy_pages.models import PolicyPage, PolicyStage
from tests.decisions.factories import DecisionPageFactory
from tests.hostile import XSS

pytestmark = pytest.mark.django_db


def test_policy_page_shows_stage_department_and_body(client, policy_index, policy_page_factory):
    policy = policy_page_factory(parent=policy_index, title="Околна среда", stage=PolicyStage.CONSULTATION)
    response = client.get(policy.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Околна среда</h1>" in content
    assert 'aria-current="step">Обществено обсъждане</li>' in content
    assert "Разделно събиране във всички квартали." in content
    assert XSS not in content


def test_policy_index_lists_live_policies_in_tree_order(client, policy_index, policy_page_factory):
    policy_page_factory(parent=policy_index, title="Първа")
    policy_page_factory(parent=policy_index, title="Втора")
    policy_page_factory(parent=policy_index, title="Чернова", live=False)
    response = client.get(policy_index.url)
    assert [p.title for p in response.context["policies"]] == ["Първа", "Втора"]


def test_policy_page_lists_its_related_decisions(client, policy_index, decision_index, policy_page_factory):
    policy = policy_page_factory(parent=policy_index)
    decision = DecisionPageFactory.build(title="Решение за компостерите")
    decision.related_policies = [policy]
    decision_index.add_child(instance=decision)
    content = client.get(policy.url).content.decode()
    assert "Решение за компостерите" in content


def test_the_remembered_related_decisions_follow_publishing_and_unpublishing(client, policy_index, decision_index,
                                                                             policy_page_factory):
    policy = policy_page_factory(parent=policy_index)
    first = DecisionPageFactory.build(title="Решение за компостерите")
    first.related_policies = [policy]
    decision_index.add_child(instance=first)
    assert "Решение за компостерите" in client.get(policy.url).content.decode()
    second = DecisionPageFactory.build(title="Решение за сметосъбирането")
    second.related_policies = [policy]
    decision_index.add_child(instance=second)
    first.unpublish()
    content = client.get(policy.url).content.decode()
    assert "Решение за сметосъбирането" in content and "Решение за компостерите" not in content


def test_a_preview_shows_the_drafts_tags_not_the_remembered_ones(client, policy_index, policy_page_factory,
                                                               django_user_model):
    policy = policy_page_factory(parent=policy_index)
    policy.tags.add("публикуван-етикет")
    policy.save_revision().publish()
    assert "публикуван-етикет" in client.get(policy.url).content.decode()
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.bg", "парола-за-тест"))
    page = PolicyPage.objects.get(pk=policy.pk)
    page.tags.add("етикет-в-чернова")
    page.save_revision()
    preview = client.get(f"/admin/pages/{page.pk}/revisions/{page.latest_revision_id}/view/").content.decode()
    assert "етикет-в-чернова" in preview
    client.logout()
    public = client.get(policy.url).content.decode()
    assert "публикуван-етикет" in public and "етикет-в-чернова" not in public


@pytest.mark.parametrize("decisions", [1, 40])
def test_policy_page_query_count(client, policy_index, decision_index, policy_page_factory, decisions,
                                 django_assert_max_num_queries):
    policy = policy_page_factory(parent=policy_index)
    for _ in range(decisions):
        decision = DecisionPageFactory.build()
        decision.related_policies = [policy]
        decision_index.add_child(instance=decision)
    client.get(policy.url)
    with django_assert_max_num_queries(1):
        assert client.get(policy.url).status_code == 200


@pytest.mark.parametrize("policies", [1, 30])
def test_policy_index_query_count(client, policy_index, policy_page_factory, policies, django_assert_max_num_queries):
    for _ in range(policies):
        policy_page_factory(parent=policy_index)
    client.get(policy_index.url)
    with django_assert_max_num_queries(2):
        assert client.get(policy_index.url).status_code == 200


def test_editor_creates_a_policy_in_the_admin(client, policy_index):
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест")
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Култура и спорт",
            "slug": "kultura-i-sport",
            "summary": "Повече спорт в училищата.",
            "stage": PolicyStage.DRAFT,
            "responsible_department": "Дирекция „Образование, култура и спорт“",
            "body": streamfield([("paragraph", rich_text("<p>Нови спортни площадки.</p>"))]),
            "tags": "спорт, култура",
            "measures": inline_formset([]),
            "indicators": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/policy_pages/policypage/{policy_index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    policy = PolicyPage.objects.get(slug="kultura-i-sport")
    assert policy.live
    assert sorted(t.name for t in policy.tags.all()) == ["култура", "спорт"]
    assert "Нови спортни площадки." in str(policy.body)
