"""The anonymous page cache: pages come from it with no query, and never once what they show has changed."""

import re
import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from botevgrad import content_changes
from consultations.models import Answer, SubmissionStatus
from home.models import MunicipalityContacts
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory, SubmissionFactory
from tests.decisions.factories import DecisionPageFactory
from tests.conftest import make_home, restore_wagtail_base_data
from tests.policy_pages.factories import PolicyIndexPageFactory, PolicyPageFactory

pytestmark = pytest.mark.django_db


def get(client, address, **headers):
    response = client.get(address, **headers)
    assert response.status_code == 200, address
    return response


def text(response):
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


@pytest.fixture
def policy(policy_index):
    return PolicyPageFactory(parent=policy_index, title="Градска среда")


@pytest.fixture
def consultation(policy):
    consultation = ConsultationFactory(policy_page=policy, title="Проект за паркирането",
                                       opens_at=timezone.now() - timedelta(days=1))
    put_on_page(policy, consultation)
    return consultation


def test_the_second_visit_costs_no_query_and_shows_the_same_page(client, policy):
    first = get(client, policy.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = get(Client(), policy.url)
    assert len(queries) == 0
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]  # outer middleware still runs


def test_each_address_is_kept_apart(client, decision_index):
    DecisionPageFactory(parent=decision_index, title="Решение за бюджета")
    archive = get(client, "/resheniya/")
    other_year = get(client, "/resheniya/?year=2024")
    assert "Решение за бюджета" in text(archive) and "Решение за бюджета" not in text(other_year)
    assert get(client, "/resheniya/")["X-Page-Cache"] == "hit"
    assert "Решение за бюджета" not in text(get(client, "/resheniya/?year=2024"))


def publish_new_title(page, title):
    page.title = title
    page.save_revision().publish()


def new_decision(page, world):
    DecisionPageFactory(parent=world["decision_index"], title="Решение за новия парк")
    return "Решение за новия парк"


def unpublish(page, world):
    world["other"].unpublish()
    return None


def move(page, world):
    world["other"].move(world["decision_index"], pos="last-child")
    return None


def delete(page, world):
    world["other"].delete()
    return None


def restrict(page, world):
    PageViewRestriction.objects.create(page=world["other"], restriction_type="login")
    return None


def approve_proposal(page, world):
    submission = SubmissionFactory(consultation=world["consultation"], status=SubmissionStatus.PENDING,
                                   text="Повече места за велосипеди", publish_name=True)
    submission.status = SubmissionStatus.APPROVED
    submission.save()
    return "Повече места за велосипеди"


def answer_proposal(page, world):
    submission = SubmissionFactory(consultation=world["consultation"], status=SubmissionStatus.APPROVED,
                                   text="Пейки на площада", publish_name=True)
    get(Client(), page.url)  # kept with the unanswered proposal
    submission.answer, submission.answer_reason = Answer.ACCEPTED, "Ще бъдат поставени през пролетта."
    submission.save()
    return "Ще бъдат поставени през пролетта."


def change_in_bulk(page, world):
    Page.objects.filter(pk=world["other"].pk).update(title="Преименувана в едно UPDATE")
    return "Преименувана в едно UPDATE"


def change_menu(page, world):
    world["other"].show_in_menus = False
    world["other"].save_revision().publish()
    return None


def change_contacts(page, world):
    MunicipalityContacts.objects.update_or_create(site_id=page.get_site().pk,
                                                  defaults={"phone": "+359 723 69 999"})
    return "+359 723 69 999"


# Each change, and what the policy page (or the archive) must then show, or must stop showing (None: the
# other page's title disappears from the menu and the lists).
CHANGES = {
    "publish": lambda page, world: publish_new_title(page, "Градска среда и паркиране") or "Градска среда и паркиране",
    "a new decision": new_decision,
    "unpublish": unpublish,
    "move": move,
    "delete": delete,
    "restrict": restrict,
    "an approved proposal": approve_proposal,
    "an answer": answer_proposal,
    "an UPDATE of many rows": change_in_bulk,
    "a menu change": change_menu,
    "a setting change": change_contacts,
}


@pytest.fixture
def world(home, policy, consultation, decision_index):
    other = home.add_child(instance=Page(title="Страница за местната общност", slug="obshtnost",
                                         show_in_menus=True))
    return {"home": home, "consultation": consultation, "decision_index": decision_index, "other": other}


@pytest.mark.parametrize("change", CHANGES)
def test_a_page_never_shows_what_it_showed_before_a_change(client, policy, world, change):
    address = "/resheniya/" if change == "a new decision" else policy.url
    before = get(client, address)
    assert get(client, address)["X-Page-Cache"] == "hit"
    expected = CHANGES[change](policy, world)
    after = text(get(client, address))
    if expected is None:
        assert "Страница за местната общност" in text(before)
        assert "Страница за местната общност" not in after
    else:
        assert expected in after


def test_the_home_page_shows_a_new_decision_at_once(client, home, decision_index):
    get(client, "/")
    DecisionPageFactory(parent=decision_index, title="Решение за читалището")
    assert "Решение за читалището" in text(get(client, "/"))


@pytest.mark.django_db(transaction=True)
def test_a_change_committed_while_a_page_was_being_made_is_not_hidden_by_it(client):
    """A visitor's page is made from the data before an editor's commit, but stored after the editor's first
    replacement of the version: the second replacement, at the commit, makes that page obsolete."""
    restore_wagtail_base_data()
    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=make_home()), title="Заглавие преди промяната")
    got_write, may_commit = threading.Event(), threading.Event()

    def editor():
        with transaction.atomic():
            Page.objects.filter(pk=policy.pk).update(title="Заглавие след промяната")
            got_write.set()
            may_commit.wait(10)
        connection.close()

    thread = threading.Thread(target=editor)
    thread.start()
    got_write.wait(10)
    during = get(client, policy.url)  # the version replaced once; the editor's data not yet committed
    assert during["X-Page-Cache"] == "miss" and "Заглавие след промяната" not in text(during)
    may_commit.set()
    thread.join(10)
    assert "Заглавие след промяната" in text(get(client, policy.url))


@pytest.mark.parametrize("moment", ["opens", "closes"])
def test_pages_change_when_a_consultation_opens_or_closes_with_no_write(client, policy, moment):
    # In the morning: two hours later must not pass midnight, which changes pages by itself.
    now = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    with time_machine.travel(now, tick=False):
        opens_or_closes_in_two_hours(client, policy, moment, now)


def opens_or_closes_in_two_hours(client, policy, moment, now):
    times = ({"opens_at": now + timedelta(hours=2)} if moment == "opens"
             else {"opens_at": now - timedelta(days=20), "closes_at": now + timedelta(hours=2)})
    consultation = ConsultationFactory(policy_page=policy, title="Консултация по часовник", **times)
    put_on_page(policy, consultation)
    form = 'name="csrfmiddlewaretoken"'
    before = text(get(client, policy.url))
    assert (form in before) is (moment == "closes")
    with time_machine.travel(now + timedelta(hours=1, minutes=59), tick=False):
        assert get(client, policy.url)["X-Page-Cache"] == "hit"
    with time_machine.travel(now + timedelta(hours=2, seconds=1), tick=False):
        after = get(client, policy.url)
        assert after["X-Page-Cache"] == "miss"
        assert (form in text(after)) is (moment == "opens")


def test_pages_change_at_midnight_with_no_write(client, policy):
    """A measure falls overdue, a date says "today": a page made before midnight is not served after it."""
    evening = timezone.localtime().replace(hour=23, minute=50, second=0, microsecond=0)
    with time_machine.travel(evening, tick=False):
        get(client, policy.url)
        assert get(client, policy.url)["X-Page-Cache"] == "hit"
    with time_machine.travel(evening + timedelta(minutes=11), tick=False):
        assert get(client, policy.url)["X-Page-Cache"] == "miss"


def test_signed_in_people_and_visitors_with_a_message_always_get_a_fresh_page(client, admin_client, policy):
    kept = get(client, policy.url)
    assert "X-Page-Cache" not in get(admin_client, policy.url)
    assert get(client, policy.url).content == kept.content  # and what they saw was not kept for others
    with_message = Client()
    with_message.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in get(with_message, policy.url)


def test_a_page_behind_a_password_is_never_kept(client, policy):
    PageViewRestriction.objects.create(page=policy, restriction_type="password", password="тайна")
    form = get(client, policy.url)
    assert 'name="password"' in text(form) and "X-Page-Cache" not in form  # Wagtail marks it never-cache
    response = client.post(f"/_util/authenticate_with_password/{PageViewRestriction.objects.get().pk}/{policy.pk}/",
                           {"password": "тайна", "return_url": policy.url})
    assert response.status_code == 302
    page = get(client, policy.url)  # the visitor now has a session: the page itself, never kept
    assert "X-Page-Cache" not in page
    assert 'name="password"' in text(get(Client(), policy.url))  # and a new visitor still gets the form


def test_a_missing_page_is_not_kept(client, home):
    assert client.get("/nyama-takava-stranica/").status_code == 404
    assert "X-Page-Cache" not in client.get("/nyama-takava-stranica/")


def test_no_public_page_writes_while_it_is_shown(client, home, policy, consultation, decision_index):
    """A page that wrote a public row while being shown would empty the cache at every visit."""
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, publish_name=True)
    DecisionPageFactory(parent=decision_index, title="Решение за бюджета")
    addresses = ["/", policy.url, "/resheniya/", "/resheniya/export/csv/", "/emisii/novini/rss/",
                 "/emisii/resheniya/atom/", "/sitemap.xml", "/search/?q=бюджет", "/robots.txt",
                 f"/konsultacii/{consultation.pk}/spravka/"]
    for address in addresses:
        client.get(address)
    version = content_changes.current_version()
    for address in addresses:
        client.get(address)
    assert content_changes.current_version() == version


def test_feeds_and_exports_answer_a_browser_that_has_them_with_304(client, decision_index):
    DecisionPageFactory(parent=decision_index, title="Решение за бюджета")
    for address in ("/emisii/resheniya/rss/", "/resheniya/export/csv/", "/resheniya/export/json/"):
        first = client.get(address)
        assert first.status_code == 200
        text(first)
        again = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, address
    feed = client.get("/emisii/resheniya/rss/")
    assert client.get("/emisii/resheniya/rss/", HTTP_IF_MODIFIED_SINCE=feed["Last-Modified"]).status_code == 304
    old_etag = client.get("/resheniya/export/csv/")["ETag"]
    DecisionPageFactory(parent=decision_index, title="Решение за парка")
    assert client.get("/resheniya/export/csv/", HTTP_IF_NONE_MATCH=old_etag).status_code == 200


def test_something_else_under_a_pages_key_is_ignored(client, policy, rf):
    """A value kept by an older deploy, or by anything else, is a miss, not a 500."""
    from django.core.cache import cache

    from botevgrad.page_cache import cache_key

    request = rf.get(policy.url)
    request.LANGUAGE_CODE = "bg"
    cache.set(cache_key(request), {"parts": [b"not a page"]})
    response = get(client, policy.url)
    assert response["X-Page-Cache"] == "miss" and "Градска среда" in text(response)


def test_a_browser_that_accepts_gzip_gets_the_kept_page_compressed(policy, consultation):
    import gzip

    other = PolicyPageFactory(parent=policy.get_parent(), title="Зелени площи")
    for page in (other, policy):
        get(Client(), page.url)
    plain = get(Client(), other.url)
    assert plain["X-Page-Cache"] == "hit" and "Content-Encoding" not in plain  # decompressed for this client
    compressed = get(Client(), other.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip" and "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert client_304(other.url, compressed["ETag"])
    # A page with a form: its fresh values in segments of their own, the rest compressed once.
    visitor = Client()
    with_form = get(visitor, policy.url, HTTP_ACCEPT_ENCODING="gzip")
    assert with_form["X-Page-Cache"] == "hit" and with_form["Content-Encoding"] == "gzip"
    page = gzip.decompress(with_form.content).decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert len(token) == 64 and token not in text(get(Client(), policy.url))
    assert without_fresh_values(page) == without_fresh_values(text(get(Client(), policy.url)))


def without_fresh_values(page):
    return re.sub(r'(name="(?:csrfmiddlewaretoken|[\w-]*rendered_at)" value=")[^"]*"', r"\1", page)


def client_304(address, etag):
    return Client().get(address, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_page_cache_can_be_turned_off(client, policy, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, policy.url)
    assert "X-Page-Cache" not in get(client, policy.url)


def test_a_page_is_kept_compressed_only():
    """A hit reads the compressed parts from the cache, not the page as well (five times their size)."""
    from django.http import HttpResponse

    from botevgrad.page_cache import Entry

    page = ("<p>Решение за бюджета на общината</p>" * 200).encode()
    form = page + b'<input type="hidden" name="csrfmiddlewaretoken" value="x">' + page
    for body in (page, form):
        entry = Entry.of(HttpResponse(body), "v", 0)
        assert entry.parts is None and entry.gzipped.length < len(body) / 5
    tiny = Entry.of(HttpResponse(b"ok"), "v", 0)
    assert tiny.gzipped is None and tiny.parts == [b"ok"]
