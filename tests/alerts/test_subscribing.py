"""Subscribing without an account: the form, its errors, double opt-in, repeats and rate limits."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import override_settings

from alerts.models import Subscription, Topic
from tests.alerts.helpers import SUBSCRIBE_URL, form_data, link_path, subscribe
from tests.hostile import XSS
from tests.policy_pages.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def test_the_form_page_is_linked_from_every_page(client, home):
    assert f'href="{SUBSCRIBE_URL}"' in client.get(home.url).content.decode()
    response = client.get(SUBSCRIBE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Известия по електронна поща</h1>" in html
    assert 'for="id_email"' in html and 'autocomplete="email"' in html


def test_only_public_policies_are_offered(client, policy, policy_index):
    PolicyPageFactory(parent=policy_index, title="Чернова на политика", live=False)
    html = client.get(SUBSCRIBE_URL).content.decode()
    assert "Чиста околна среда" in html
    assert "Чернова на политика" not in html


def test_a_policy_page_can_link_straight_to_its_alerts(client, policy):
    html = client.get(f"{SUBSCRIBE_URL}?politika={policy.pk}").content.decode()
    assert f'<option value="{policy.pk}" selected>' in html
    assert re.search(r'value="policy"[^>]* checked>', html)


@pytest.mark.parametrize("query", ["politika=abc", "politika=%00", "politika=" + "9" * 30, "politika=-1"])
def test_a_hostile_preselection_is_ignored(client, home, query):
    assert client.get(f"{SUBSCRIBE_URL}?{query}").status_code == 200


def test_a_valid_form_stores_an_unconfirmed_subscription_and_mails_the_link(client, home, mailoutbox):
    response = subscribe(client, email="  Maria@Example.ORG ")
    assert response.status_code == 302 and response.url == SUBSCRIBE_URL
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.topic, subscription.confirmed_at) == (
        "maria@example.org", Topic.DECISIONS, None)
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["maria@example.org"]
    assert mailoutbox[0].subject == "Потвърдете абонамента си за известия"
    assert "Изпратихме писмо на maria@example.org" in client.get(SUBSCRIBE_URL).content.decode()


def test_opening_the_link_asks_and_only_posting_confirms(client, home, mailoutbox):
    subscribe(client)
    path = link_path("potvardi")
    page = client.get(path)
    assert page.status_code == 200 and "Потвърждавам абонамента" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None  # a mail scanner opening the link confirms nothing
    assert client.post(path).status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None and subscription.covered_until == subscription.confirmed_at
    again = client.post(path)
    assert again.status_code == 200 and "вече е потвърден" in again.content.decode()


def test_an_expired_link_is_410_and_a_broken_one_404(client, home, mailoutbox):
    subscribe(client)
    path = link_path("potvardi")
    assert client.get(path[:-5] + "xxxx/").status_code == 404
    with time_machine.travel(timedelta(days=4)):
        assert client.post(path).status_code == 410
    assert Subscription.objects.get().confirmed_at is None


def test_a_link_to_a_deleted_subscription_is_404(client, home, mailoutbox):
    subscribe(client)
    Subscription.objects.all().delete()
    assert client.get(link_path("potvardi")).status_code == 404


def test_one_policy_subscription(client, policy, mailoutbox):
    subscribe(client, topic="policy", policy=str(policy.pk))
    subscription = Subscription.objects.get()
    assert subscription.policy_page_id == policy.pk
    assert "Политика „Чиста околна среда“" in mailoutbox[0].body


def test_a_policy_chosen_with_another_topic_is_ignored(client, policy, mailoutbox):
    subscribe(client, topic="consultations", policy=str(policy.pk))
    assert Subscription.objects.get().policy_page_id is None


def test_an_address_with_a_cyrillic_domain_is_accepted(client, home, mailoutbox):
    assert subscribe(client, email="Ivan@Пример.БГ").status_code == 302
    assert Subscription.objects.get().email == "ivan@пример.бг"


def errors_of(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary" role="alert"' in html
    return html


@pytest.mark.parametrize("overrides, field, message", [
    ({"email": ""}, "email", "Въведете адреса на електронната си поща."),
    ({"email": "не-е-адрес"}, "email", "Въведете валиден адрес на електронна поща"),
    ({"topic": None}, "topic", "Изберете какво искате да получавате."),
    ({"topic": "everything"}, "topic", "Изберете една от посочените възможности."),
    ({"topic": "policy"}, "policy", "Изберете политиката, за която искате известия."),
    ({"topic": "policy", "policy": "99999"}, "policy", "Изберете една от посочените политики."),
    ({"consent": None}, "consent", "Без съгласие не можем да ви изпращаме известия."),
])
def test_invalid_input_gets_a_bulgarian_message_at_the_field_and_in_the_summary(
    client, home, mailoutbox, overrides, field, message
):
    html = errors_of(subscribe(client, **overrides))
    assert html.count(message) == 2  # in the summary and next to the field
    assert f'href="#id_{field}' in html
    assert not Subscription.objects.exists() and not mailoutbox


def test_the_input_is_kept_on_error(client, home):
    html = errors_of(subscribe(client, email="maria@example.org", consent=None))
    assert 'value="maria@example.org"' in html


def test_an_unpublished_policy_cannot_be_chosen(client, policy_index, mailoutbox):
    draft = PolicyPageFactory(parent=policy_index, live=False)
    html = errors_of(subscribe(client, topic="policy", policy=str(draft.pk)))
    assert "Изберете една от посочените политики." in html
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("overrides", [
    {"email": f"{XSS}@example.org"},
    {"email": "a" * 10_000 + "@example.org"},
    {"email": "maria\x00@example.org"},
    {"topic": XSS},
    {"topic": "policy", "policy": XSS},
    {"topic": "policy", "policy": "1\x00"},
    {"topic": "policy", "policy": "9" * 40},
])
def test_hostile_input_is_refused_and_escaped(client, home, mailoutbox, overrides):
    response = subscribe(client, **overrides)
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html
    assert XSS not in html
    assert not Subscription.objects.exists() and not mailoutbox


def test_a_filled_in_hidden_field_looks_like_success_and_stores_nothing(client, home, mailoutbox):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Subscription.objects.exists() and not mailoutbox


def without_csrf_token(content):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


def test_subscribing_twice_keeps_one_row_and_the_page_does_not_tell(client, home, mailoutbox):
    first = subscribe(client)
    first_page = client.get(SUBSCRIBE_URL).content
    second = subscribe(client, email="MARIA@example.org")
    second_page = client.get(SUBSCRIBE_URL).content
    assert Subscription.objects.count() == 1
    assert (first.status_code, first.url) == (second.status_code, second.url)
    assert without_csrf_token(first_page) == without_csrf_token(second_page).replace("MARIA", "maria")
    assert [m.subject for m in mailoutbox] == ["Потвърдете абонамента си за известия"] * 2


def test_subscribing_again_when_confirmed_answers_the_same_and_tells_only_the_mailbox(client, home, mailoutbox):
    subscribe(client)
    client.post(link_path("potvardi"))
    response = subscribe(client)
    assert response.status_code == 302 and response.url == SUBSCRIBE_URL
    assert Subscription.objects.count() == 1
    assert mailoutbox[-1].subject == "Вече сте абонирани за тези известия"
    assert "/izvestiya/otpisvane/" in mailoutbox[-1].body


def test_one_address_may_follow_several_topics(client, policy, mailoutbox):
    subscribe(client, topic="decisions")
    subscribe(client, topic="consultations")
    subscribe(client, topic="policy", policy=str(policy.pk))
    assert Subscription.objects.count() == 3


@override_settings(ALERT_CONFIRMATION_EMAIL_RATE_LIMIT="2/h")
def test_one_mailbox_gets_few_confirmation_emails(client, home, mailoutbox):
    for _ in range(2):
        assert subscribe(client).status_code == 302
    html = errors_of(subscribe(client))
    assert "До този адрес вече изпратихме няколко писма" in html
    assert len(mailoutbox) == 2


@override_settings(ALERT_SUBSCRIPTION_RATE_LIMIT="3/h")
def test_one_visitor_address_may_subscribe_only_so_often(client, home, mailoutbox):
    for n in range(3):
        assert subscribe(client, email=f"chovek{n}@example.org").status_code == 302
    response = subscribe(client, email="oshte@example.org")
    assert response.status_code == 429
    assert "Твърде много заявки" in response.content.decode()
    assert Subscription.objects.count() == 3


def test_when_mail_cannot_be_queued_the_person_is_told(client, home, monkeypatch):
    from types import SimpleNamespace

    def refuse(*args):
        raise ConnectionError("the task queue is down")

    monkeypatch.setattr("consultations.tasks.deliver_mail", SimpleNamespace(enqueue=refuse))
    response = subscribe(client)
    assert response.status_code == 503
    assert "не можем да изпращаме писма" in response.content.decode()


def test_only_get_and_post(client, home):
    assert client.put(SUBSCRIBE_URL, form_data()).status_code == 405
