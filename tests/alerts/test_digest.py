"""The daily digest: one e-mail per subscriber with what went public since the last one, and one-click unsubscribing."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from alerts.digest import MAX_ITEMS_PER_SECTION
from alerts.models import Subscription
from tests.alerts.helpers import link_path, subscribe
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory
from tests.decisions.factories import DecisionPageFactory
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db

SOFIA = ZoneInfo("Europe/Sofia")
MONDAY = datetime(2026, 3, 2, 7, 0, tzinfo=SOFIA)
TUESDAY = MONDAY + timedelta(days=1)


@pytest.fixture
def travel():
    """Sunday evening, the clock stopped; helpers move it on."""
    with time_machine.travel(MONDAY - timedelta(hours=12), tick=False) as traveller:
        yield traveller


def confirmed_subscription(client, travel, **overrides):
    """Subscribe and confirm, then let a minute pass: what is published next is newer than the confirmation."""
    subscribe(client, **overrides)
    client.post(link_path("potvardi"))
    travel.shift(timedelta(minutes=1))
    return Subscription.objects.order_by("-pk").first()


def publish_decision(parent, number, title=None, **kwargs):
    """A live decision that went online now, as publishing in the editor records it."""
    return DecisionPageFactory(parent=parent, number=number, title=title or f"Решение {number}",
                               first_published_at=timezone.now(), **kwargs)


def digests(mailoutbox):
    return [m for m in mailoutbox if m.subject.startswith("Ново на платформата")]


def run_digest(at):
    with time_machine.travel(at, tick=False):
        call_command("send_alert_digest", stdout=open("/dev/null", "w"))


def test_a_subscriber_gets_what_was_published_since_confirming(client, decision_index, travel, mailoutbox):
    publish_decision(decision_index, 1, "Решение отпреди абонамента")
    travel.shift(timedelta(hours=1))
    confirmed_subscription(client, travel)
    travel.shift(timedelta(hours=1))
    publish_decision(decision_index, 2, "Такса за битови отпадъци")
    publish_decision(decision_index, 3, "Неприето решение", live=False, slug="chernova")
    private = publish_decision(decision_index, 4, "Решение само за служители")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    run_digest(MONDAY)
    [digest] = digests(mailoutbox)
    assert digest.to == ["maria@example.org"]
    assert digest.subject == "Ново на платформата на община Ботевград (02.03.2026)"
    assert "Такса за битови отпадъци" in digest.body
    assert "Решение № 2 от 28.03.2025 г." in digest.body
    assert "http://localhost/resheniya/2025-2/" in digest.body
    for absent in ("отпреди абонамента", "Неприето", "само за служители"):
        assert absent not in digest.body


def test_each_digest_has_one_click_unsubscribe_headers(client, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel)
    publish_decision(decision_index, 2)
    run_digest(MONDAY)
    [digest] = digests(mailoutbox)
    url = digest.extra_headers["List-Unsubscribe"]
    assert url.startswith("<http://localhost/izvestiya/otpisvane/") and url.endswith("/>")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url[1:-1] in digest.body


def test_the_next_digest_reports_only_what_is_newer(client, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel)
    publish_decision(decision_index, 2, "Първото решение")
    run_digest(MONDAY)
    with time_machine.travel(MONDAY + timedelta(hours=3), tick=False):
        publish_decision(decision_index, 3, "Второто решение")
    run_digest(TUESDAY)
    first, second = digests(mailoutbox)
    assert "Първото решение" in first.body and "Второто решение" not in first.body
    assert "Второто решение" in second.body and "Първото решение" not in second.body


def test_nothing_new_means_no_email(client, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel)
    run_digest(MONDAY)
    assert digests(mailoutbox) == []


def test_unconfirmed_subscribers_get_nothing_and_are_deleted_after_three_days(client, decision_index, travel,
                                                                              mailoutbox):
    subscribe(client)
    publish_decision(decision_index, 2)
    run_digest(MONDAY)
    assert digests(mailoutbox) == [] and Subscription.objects.count() == 1
    run_digest(MONDAY + timedelta(days=3))
    assert not Subscription.objects.exists()


def test_consultations_are_announced_when_they_open(client, policy, travel, mailoutbox):
    confirmed_subscription(client, travel, topic="consultations")
    opening = ConsultationFactory(policy_page=policy, title="Наредба за чистотата", opens_at=timezone.now())
    put_on_page(policy, opening)
    hidden_policy = PolicyPageFactory(parent=policy.get_parent())
    hidden = ConsultationFactory(policy_page=hidden_policy, title="Наредба в чернова", opens_at=timezone.now())
    put_on_page(hidden_policy, hidden)
    hidden_policy.unpublish()
    later = ConsultationFactory(policy_page=policy, title="Бъдеща наредба", opens_at=TUESDAY + timedelta(hours=1))
    put_on_page(policy, later)
    run_digest(MONDAY)
    [digest] = digests(mailoutbox)
    assert "Обществена консултация: Наредба за чистотата" in digest.body
    assert f"{policy.full_url}#konsultaciya-{opening.pk}" in digest.body
    assert "чернова" not in digest.body and "Бъдеща" not in digest.body
    run_digest(TUESDAY + timedelta(days=1))
    assert "Бъдеща наредба" in digests(mailoutbox)[-1].body


def test_a_policy_subscription_gets_that_policys_decisions_and_consultations(
    client, policy, decision_index, travel, mailoutbox
):
    other = PolicyPageFactory(parent=policy.get_parent(), title="Друга политика")
    confirmed_subscription(client, travel, topic="policy", policy=str(policy.pk))
    related = publish_decision(decision_index, 2, "Свързано решение")
    related.related_policies.add(policy)
    related.save()
    unrelated = publish_decision(decision_index, 3, "Несвързано решение")
    unrelated.related_policies.add(other)
    unrelated.save()
    put_on_page(policy, ConsultationFactory(policy_page=policy, title="Наредба по политиката", opens_at=timezone.now()))
    put_on_page(other, ConsultationFactory(policy_page=other, title="Чужда наредба", opens_at=timezone.now()))
    run_digest(MONDAY)
    [digest] = digests(mailoutbox)
    assert "== Политика „Чиста околна среда“ ==" in digest.body
    assert "Свързано решение" in digest.body and "Наредба по политиката" in digest.body
    assert "Несвързано" not in digest.body and "Чужда" not in digest.body


def test_a_policy_that_is_no_longer_public_sends_nothing(client, policy, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel, topic="policy", policy=str(policy.pk))
    related = publish_decision(decision_index, 2)
    related.related_policies.add(policy)
    related.save()
    PageViewRestriction.objects.create(page=policy, restriction_type=PageViewRestriction.LOGIN)
    run_digest(MONDAY)
    assert digests(mailoutbox) == []


def test_several_topics_of_one_address_come_in_one_email(client, policy, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel, topic="decisions")
    confirmed_subscription(client, travel, topic="consultations")
    confirmed_subscription(client, travel, email="drug@example.org", topic="decisions")
    publish_decision(decision_index, 2, "Ново решение")
    put_on_page(policy, ConsultationFactory(policy_page=policy, title="Нова наредба", opens_at=timezone.now()))
    run_digest(MONDAY)
    sent = {m.to[0]: m.body for m in digests(mailoutbox)}
    assert sorted(sent) == ["drug@example.org", "maria@example.org"]
    assert "Ново решение" in sent["maria@example.org"] and "Нова наредба" in sent["maria@example.org"]
    assert "Нова наредба" not in sent["drug@example.org"]


def test_a_long_digest_is_cut_with_a_link_to_the_rest(client, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel)
    for number in range(1, MAX_ITEMS_PER_SECTION + 4):
        publish_decision(decision_index, number)
    run_digest(MONDAY)
    [digest] = digests(mailoutbox)
    assert digest.body.count("/resheniya/2025-") == MAX_ITEMS_PER_SECTION
    assert f"… и още 3 публикации. http://localhost{decision_index.url}" in digest.body


def test_a_queue_failure_keeps_the_news_for_the_next_run(client, decision_index, travel, mailoutbox, monkeypatch):
    from alerts import digest as digest_module

    confirmed_subscription(client, travel)
    publish_decision(decision_index, 2, "Решение, което не бива да се изгуби")

    class BrokenQueue:
        @staticmethod
        def enqueue(*args, **kwargs):
            raise ConnectionError("queue down")

    with monkeypatch.context() as patched:
        patched.setattr(digest_module, "deliver_digest", BrokenQueue)
        run_digest(MONDAY)
    assert digests(mailoutbox) == []
    run_digest(TUESDAY)
    assert "Решение, което не бива да се изгуби" in digests(mailoutbox)[0].body


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token(client, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel)
    publish_decision(decision_index, 2)
    run_digest(MONDAY)
    url = digests(mailoutbox)[0].extra_headers["List-Unsubscribe"][1:-1]
    path = url.removeprefix("http://localhost")
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert mail_program.post(path, "List-Unsubscribe=One-Click",
                             content_type="application/x-www-form-urlencoded").status_code == 200


def test_opening_the_unsubscribe_link_asks_first(client, policy, decision_index, travel, mailoutbox):
    confirmed_subscription(client, travel)
    confirmed_subscription(client, travel, topic="policy", policy=str(policy.pk))
    decision = publish_decision(decision_index, 2)
    decision.related_policies.add(policy)
    decision.save()
    run_digest(MONDAY)
    body = digests(mailoutbox)[0].body
    only_policy = body.split("== Политика „Чиста околна среда“ ==")[1].split("Отписване само от това: ")[1].split()[0]
    page = Client().get(only_policy.removeprefix("http://localhost"))  # as if the e-mail was forwarded
    assert page.status_code == 200
    html = page.content.decode()
    assert "Политика „Чиста околна среда“" in html and "Нови решения" not in html
    assert "maria@example.org" not in html  # the link may be forwarded: the page never shows the address
    assert Subscription.objects.count() == 2  # a link checker opening it unsubscribes nobody
    client.post(only_policy.removeprefix("http://localhost"))
    assert list(Subscription.objects.values_list("topic", flat=True)) == ["decisions"]


@pytest.mark.parametrize("token", ["abc", "W10:1vXXXX:forged", "%00", "x" * 5000])
def test_a_forged_unsubscribe_link_does_nothing(client, home, token):
    Subscription.objects.create(email="maria@example.org", topic="decisions", confirmed_at=timezone.now())
    assert client.post(f"/izvestiya/otpisvane/{token}/").status_code == 404
    assert Subscription.objects.count() == 1
