"""The home page: open consultations, the policies with their stage, latest decisions."""

import datetime
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from policy_pages.models import PolicyPage, PolicyStage
from tests.consultations.factories import ConsultationFactory
from tests.decisions.factories import DecisionPageFactory
from tests.hostile import XSS
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def test_home_shows_policies_with_their_stage(client, policy_index):
    PolicyPageFactory(parent=policy_index, title="Околна среда", stage=PolicyStage.ADOPTED)
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Околна среда" in content
    assert "Приета" in content


def test_home_lists_consultations_open_now(client, policy_index):
    policy = PolicyPageFactory(parent=policy_index, title="Социални услуги")
    # shown_on_page: as if the live page embeds each one's block (test_announcing covers the rest)
    ConsultationFactory(policy_page=policy, title="Отворена", shown_on_page=True)
    ConsultationFactory(policy_page=policy, title="Отворена, но без блок на страницата")
    ConsultationFactory(policy_page=policy, title="Предстояща", opens_at=timezone.now() + timedelta(days=2),
                        shown_on_page=True)
    ConsultationFactory(policy_page=policy, title="Приключила", opens_at=timezone.now() - timedelta(days=60),
                        shown_on_page=True)
    response = client.get("/")
    assert [c.title for c in response.context["open_consultations"]] == ["Отворена"]


def test_an_announcement_comes_and_goes_with_the_consultation_though_nothing_is_written(client, policy_index,
                                                                                       page_cache_off):
    """The home page's lists are remembered until a write or the next opening or closing (home/models.py)."""
    policy = PolicyPageFactory(parent=policy_index, title="Социални услуги")
    opens = timezone.now() + timedelta(hours=1)
    ConsultationFactory(policy_page=policy, title="Скоро отворена", opens_at=opens,
                        closes_at=opens + timedelta(days=30), shown_on_page=True)
    assert "Скоро отворена" not in client.get("/").content.decode()
    assert "Скоро отворена" not in client.get("/").content.decode()  # from what was remembered
    with time_machine.travel(opens + timedelta(minutes=1)):
        assert "Скоро отворена" in client.get("/").content.decode()
    with time_machine.travel(opens + timedelta(days=30, minutes=1)):
        assert "Скоро отворена" not in client.get("/").content.decode()


def test_home_says_so_when_nothing_is_open(client, home):
    response = client.get("/")
    assert "В момента няма проекти, отворени за обсъждане." in response.content.decode()


def test_home_shows_the_five_latest_decisions_newest_first(client, decision_index):
    for day in range(1, 8):
        DecisionPageFactory(parent=decision_index, title=f"Решение от {day} март", date=datetime.date(2025, 3, day))
    response = client.get("/")
    titles = [d.title for d in response.context["latest_decisions"]]
    assert titles == [f"Решение от {day} март" for day in (7, 6, 5, 4, 3)]


def test_draft_policies_and_decisions_stay_off_the_home_page(client, policy_index, decision_index):
    PolicyPageFactory(parent=policy_index, title="Чернова на политика", live=False)
    DecisionPageFactory(parent=decision_index, title="Непубликувано решение", live=False)
    content = client.get("/").content.decode()
    assert "Чернова на политика" not in content
    assert "Непубликувано решение" not in content


def test_hostile_content_is_shown_as_text(client, policy_index):
    PolicyPageFactory(parent=policy_index)
    content = client.get("/").content.decode()
    assert XSS not in content
    assert "&lt;script&gt;" in content


def test_home_has_a_search_box(client, home):
    content = client.get("/").content.decode()
    assert 'action="/search/"' in content
    assert 'name="q"' in content


@pytest.mark.parametrize("policies, decisions", [(1, 1), (5, 60)])
def test_home_query_count_does_not_grow_with_content(client, policy_index, decision_index,
                                                     django_assert_max_num_queries, policies, decisions):
    for _ in range(policies):
        PolicyPageFactory(parent=policy_index)
    for _ in range(decisions):
        DecisionPageFactory(parent=decision_index)
    for policy in PolicyPage.objects.all():
        ConsultationFactory(policy_page=policy, shown_on_page=True)
    client.get("/")  # warm the site-root caches a real server keeps between requests
    with django_assert_max_num_queries(1):
        assert client.get("/").status_code == 200


def test_home_page_title_names_the_site_once(client, home):
    content = client.get("/").content.decode()
    title = re.search(r"<title>(.*?)</title>", content, re.S).group(1)
    assert title == "Диалози за бъдещето на Ботевград"
    assert title.count(home.title) == 1


def test_other_pages_keep_their_own_title_before_the_site_name(client, policy_index):
    content = client.get(policy_index.url).content.decode()
    title = re.search(r"<title>(.*?)</title>", content, re.S).group(1)
    assert title == f"{policy_index.title} · Диалози за бъдещето на Ботевград"
