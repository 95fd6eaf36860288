"""RSS and Atom feeds of decisions (all, per tag, per policy) and the site's news: only what any visitor may see."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory
from tests.decisions.factories import DecisionPageFactory
from tests.policy_pages.factories import PolicyPageFactory

ATOM = "{http://www.w3.org/2005/Atom}"
HOST = "dialozi.botevgrad.bg"


def feed_items(client, url):
    """(titles, links) of the feed's items, RSS or Atom; fails unless the feed is well-formed XML."""
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200, response.content[:300]
    assert b"<script" not in response.content
    root = ET.fromstring(response.content)
    if root.tag == ATOM + "feed":
        entries = root.findall(ATOM + "entry")
        return [e.findtext(ATOM + "title") for e in entries], [e.find(ATOM + "link").get("href") for e in entries]
    items = root.findall("channel/item")
    return [i.findtext("title") for i in items], [i.findtext("link") for i in items]


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def decisions(decision_index, policy_index):
    """A public decision with a tag and a policy, and hidden ones with the same tag and policy."""
    policy = PolicyPageFactory(parent=policy_index, title="Чиста околна среда")
    public = DecisionPageFactory(parent=decision_index, title="Такса за битови отпадъци", number=11)
    draft = DecisionPageFactory(parent=decision_index, title="Неприето решение", number=12, live=False, slug="chernova")
    private = DecisionPageFactory(parent=decision_index, title="Решение само за служители", number=13)
    restrict(private)
    for decision in (public, draft, private):
        decision.tags.add("отпадъци")
        decision.related_policies.add(policy)
        decision.save()
    hidden_only = DecisionPageFactory(parent=decision_index, title="Скрито решение", number=14, live=False,
                                      slug="chernova-2")
    hidden_only.tags.add("таен-етикет")
    hidden_only.save()
    return {"policy": policy, "public": public, "draft": draft, "private": private}


FEEDS = ["decisions_rss", "decisions_atom"]


@pytest.mark.parametrize("name", FEEDS)
def test_decisions_feed_has_public_decisions_only(client, decisions, name):
    titles, links = feed_items(client, reverse(f"feeds:{name}"))
    assert titles == ["Такса за битови отпадъци"]
    assert links == [f"http://{HOST}/resheniya/2025-11/"]


def test_feed_titles_are_bulgarian_and_items_say_which_act(client, decisions):
    response = client.get(reverse("feeds:decisions_rss"))
    root = ET.fromstring(response.content)
    assert root.findtext("channel/title") == "Решения и заповеди — община Ботевград"
    assert root.findtext("channel/language") == "bg"
    assert root.findtext("channel/item/description").startswith("Решение № 11 от 28.03.2025 г.")
    assert root.findtext("channel/item/pubDate")


def test_titles_with_markup_are_escaped(client, decision_index):
    DecisionPageFactory(parent=decision_index, number=40)  # the factory's title carries a <script>
    titles, _ = feed_items(client, reverse("feeds:decisions_rss"))
    assert "&lt;script&gt;" in titles[0]


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_tag_feed_has_the_public_decisions_with_that_tag(client, decisions, decision_index, suffix):
    DecisionPageFactory(parent=decision_index, title="Без етикет", number=20)
    titles, _ = feed_items(client, reverse(f"feeds:decisions_tag_{suffix}", args=["отпадъци"]))
    assert titles == ["Такса за битови отпадъци"]


@pytest.mark.parametrize("tag", ["таен-етикет", "nyama-takav", "x" * 101])
def test_tag_feed_of_a_tag_no_public_decision_has_is_404(client, decisions, tag):
    assert client.get(f"/emisii/resheniya/etiket/{tag}/rss/").status_code == 404


@pytest.mark.parametrize("path", ["%00", "a%00b", "..%2F..", "%3Cscript%3E"])
def test_hostile_tag_in_the_address_is_404(client, decisions, path):
    assert client.get(f"/emisii/resheniya/etiket/{path}/rss/").status_code == 404


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_policy_feed_has_the_public_decisions_of_that_policy(client, decisions, decision_index, suffix):
    DecisionPageFactory(parent=decision_index, title="Друга политика", number=21)
    titles, _ = feed_items(client, reverse(f"feeds:decisions_policy_{suffix}", args=[decisions["policy"].pk]))
    assert titles == ["Такса за битови отпадъци"]


def test_policy_feed_of_a_hidden_or_unknown_page_is_404(client, decisions, policy_index, decision_index):
    draft_policy = PolicyPageFactory(parent=policy_index, live=False)
    private_policy = PolicyPageFactory(parent=policy_index)
    restrict(private_policy)
    for page_id in (draft_policy.pk, private_policy.pk, decision_index.pk, 99999999999999999999):
        assert client.get(f"/emisii/resheniya/politika/{page_id}/rss/").status_code == 404, page_id


def test_feed_is_capped_and_its_queries_do_not_grow(client, decision_index, page_cache_off):
    url = reverse("feeds:decisions_rss")
    for number in range(1, 4):
        DecisionPageFactory(parent=decision_index, number=number)
    client.get(url)  # the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for number in range(4, 56):
        DecisionPageFactory(parent=decision_index, number=number)
    client.get(url)  # and what the site remembers about its tree is read again after the writes
    with CaptureQueriesContext(connection) as large:
        titles, _ = feed_items(client, url)
    assert len(titles) == 50
    assert len(large) == len(small) <= 4


@pytest.fixture
def news(decisions, policy_index):
    """An open consultation on a public policy, an upcoming one and one on an unpublished policy."""
    now = timezone.now()
    open_on_page = ConsultationFactory(policy_page=decisions["policy"], title="Наредба за чистотата",
                                       opens_at=now - timedelta(days=2))
    put_on_page(decisions["policy"], open_on_page)
    upcoming_policy = PolicyPageFactory(parent=policy_index)
    upcoming = ConsultationFactory(policy_page=upcoming_policy, title="Предстояща наредба",
                                   opens_at=now + timedelta(days=3))
    put_on_page(upcoming_policy, upcoming)
    draft_policy = PolicyPageFactory(parent=policy_index)
    hidden = ConsultationFactory(policy_page=draft_policy, title="Наредба в чернова")
    put_on_page(draft_policy, hidden)
    draft_policy.unpublish()
    decisions["public"].first_published_at = now - timedelta(days=1)
    decisions["public"].save()
    return {**decisions, "consultation": open_on_page}


@pytest.mark.parametrize("name", ["news_rss", "news_atom"])
def test_news_feed_has_open_consultations_and_decisions_newest_first(client, news, name):
    titles, links = feed_items(client, reverse(f"feeds:{name}"))
    assert titles == ["Такса за битови отпадъци", "Обществена консултация: Наредба за чистотата"]
    policy_url = f"http://{HOST}{news['policy'].url}"
    assert links == [f"http://{HOST}/resheniya/2025-11/", f"{policy_url}#konsultaciya-{news['consultation'].pk}"]


def test_news_feed_queries_are_pinned(client, news, django_assert_max_num_queries):
    client.get(reverse("feeds:news_rss"))
    with django_assert_max_num_queries(2):
        client.get(reverse("feeds:news_rss"))


def test_every_page_advertises_the_feeds_and_links_the_alerts(client, home):
    html = client.get(home.url).content.decode()
    news = reverse("feeds:news_rss")
    assert f'type="application/rss+xml" title="Новини: консултации и решения (RSS)" href="{news}"' in html
    assert f'href="{reverse("feeds:decisions_rss")}"' in html
    assert f'<a href="{reverse("alerts:subscribe")}">' in html
