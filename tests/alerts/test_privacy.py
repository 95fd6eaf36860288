"""Subscribers' addresses are personal data: never shown, never exported, erased on request."""

import pytest
from django.core.management import call_command
from django.test import Client

from alerts.models import Subscription
from tests.alerts.helpers import SUBSCRIBE_URL, link_path, subscribe

pytestmark = pytest.mark.django_db

ADDRESS = "tayna.adres@example.org"


def test_addresses_appear_on_no_public_page_feed_or_api(client, home, mailoutbox):
    subscribe(client, email=ADDRESS)
    client.post(link_path("potvardi"))
    stranger = Client()  # the success message named the address to the person who typed it, in their browser
    for url in [home.url, SUBSCRIBE_URL, "/emisii/novini/rss/", "/emisii/resheniya/atom/", "/api/v2/pages/",
                "/api/v2/documents/", "/sitemap.xml", "/search/?q=tayna"]:
        response = stranger.get(url)
        assert ADDRESS.encode() not in response.content, url
        assert b"tayna.adres" not in response.content, url


def test_the_confirmation_page_does_not_show_the_address(client, home, mailoutbox):
    subscribe(client, email=ADDRESS)
    assert ADDRESS not in Client().get(link_path("potvardi")).content.decode()


def test_erasing_an_address_deletes_its_rows(home):
    Subscription.objects.create(email=ADDRESS, topic="decisions")
    Subscription.objects.create(email=ADDRESS, topic="consultations")
    Subscription.objects.create(email="drug@example.org", topic="decisions")
    call_command("erase_participant", "Tayna.Adres@example.org", stdout=open("/dev/null", "w"))
    assert list(Subscription.objects.values_list("email", flat=True)) == ["drug@example.org"]


def test_deleting_a_followed_policy_deletes_its_subscriptions(policy):
    Subscription.objects.create(email=ADDRESS, topic="policy", policy_page=policy)
    policy.delete()
    assert not Subscription.objects.exists()
