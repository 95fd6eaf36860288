"""How a consultation shows on its policy page in each phase, the consultations index and its feeds."""

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from consultations.blocks import SUBMISSIONS_PER_PAGE, draft_sections
from consultations.models import ConsultationIndexPage, SubmissionStatus
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory, SubmissionFactory
from tests.consultations.helpers import block_id

# The proposal's text box, whose name carries its block's id.
FORM_TEXT = re.compile(r'name="[0-9a-f-]+-text"')

pytestmark = pytest.mark.django_db


def test_upcoming_consultation_says_when_it_opens(client, policy):
    opens = timezone.now() + timedelta(days=3)
    put_on_page(policy, ConsultationFactory(policy_page=policy, opens_at=opens))
    content = client.get(policy.url).content.decode()
    assert "Консултацията започва на " + timezone.localtime(opens).strftime("%d.%m.%Y") in content
    assert not FORM_TEXT.search(content)


def test_open_consultation_shows_its_form_documents_and_section_links(client, policy, consultation):
    content = client.get(policy.url).content.decode()
    assert FORM_TEXT.search(content)
    assert consultation.draft_document.url in content and consultation.motives_document.url in content
    for anchor, _ in draft_sections(policy):
        assert f'id="razdel-{anchor}"' in content
        assert f'href="?razdel={anchor}#forma-{block_id(consultation)}"' in content


def test_shortened_period_shows_its_reason(client, policy):
    item = ConsultationFactory(policy_page=policy, closes_at=timezone.now() + timedelta(days=15),
                               shortened_period_reason="Срок по европейската програма.")
    put_on_page(policy, item)
    assert "Срок по европейската програма." in client.get(policy.url).content.decode()


def test_closed_consultation_shows_the_count_and_no_form(client, policy):
    closed = ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timedelta(days=40))
    put_on_page(policy, closed)
    SubmissionFactory.create_batch(2, consultation=closed)
    SubmissionFactory(consultation=closed, status=SubmissionStatus.UNCONFIRMED)
    content = client.get(policy.url).content.decode()
    assert "Получени са 2 предложения." in content
    assert not FORM_TEXT.search(content)
    assert "Справката за отразяване на предложенията ще бъде публикувана тук." in content
    closed.publish_report()
    assert f'href="/konsultacii/{closed.pk}/spravka/"' in client.get(policy.url).content.decode()


def test_published_submissions_are_listed_by_section_and_paginated(client, policy, consultation):
    first, second = draft_sections(policy)
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, text="За втория раздел",
                      section_anchor=second[0], section_title=second[1])
    SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, text="За първия раздел",
                      section_anchor=first[0], section_title=first[1])
    content = client.get(policy.url).content.decode()
    assert content.index("За първия раздел") < content.index("За втория раздел")
    SubmissionFactory.create_batch(SUBMISSIONS_PER_PAGE, consultation=consultation, status=SubmissionStatus.APPROVED)
    second_page = client.get(policy.url, {"predlozheniya": "2"})
    assert len(second_page.context["page"].body) and "Страница 2 от 2" in second_page.content.decode()
    assert client.get(policy.url, {"predlozheniya": "xyz"}).status_code == 200


@pytest.mark.parametrize("submissions", [1, 60])
def test_policy_page_with_a_consultation_query_count(client, policy, consultation, submissions,
                                                     django_assert_max_num_queries):
    SubmissionFactory.create_batch(submissions, consultation=consultation, status=SubmissionStatus.APPROVED)
    client.get(policy.url)
    with django_assert_max_num_queries(2):
        assert client.get(policy.url).status_code == 200


@pytest.fixture
def index(home):
    return home.add_child(instance=ConsultationIndexPage(title="Обществени консултации", slug="obshtestveni"))


def test_index_lists_open_upcoming_and_closed(client, index, policy):
    now = timezone.now()
    # shown_on_page: as if the live page embeds each block (test_announcing covers how it gets set)
    ConsultationFactory(policy_page=policy, title="Открита", shown_on_page=True)
    ConsultationFactory(policy_page=policy, title="Предстояща", opens_at=now + timedelta(days=5), shown_on_page=True)
    ConsultationFactory(policy_page=policy, title="Приключила", opens_at=now - timedelta(days=50))
    ConsultationFactory(policy_page=policy, title="Открита без блок")
    response = client.get(index.url)
    assert [c.title for c in response.context["open_consultations"]] == ["Открита"]
    assert [c.title for c in response.context["upcoming_consultations"]] == ["Предстояща"]
    assert [c.title for c in response.context["closed_consultations"]] == ["Приключила"]


@pytest.mark.parametrize("feed, item_tag", [("rss/", "item"), ("atom/", "{http://www.w3.org/2005/Atom}entry")])
def test_feeds_are_valid_xml_with_the_consultations(client, index, policy, feed, item_tag):
    ConsultationFactory(policy_page=policy, title="Проект за паркирането", shown_on_page=True)
    response = client.get(index.url + feed)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    items = list(root.iter(item_tag))
    assert len(items) == 1
    assert "Проект за паркирането" in response.content.decode()


@pytest.mark.parametrize("consultations", [1, 30])
def test_index_query_count(client, index, policy, consultations, django_assert_max_num_queries):
    ConsultationFactory.create_batch(consultations, policy_page=policy, shown_on_page=True)
    client.get(index.url)
    with django_assert_max_num_queries(4):
        assert client.get(index.url).status_code == 200


def test_each_answer_kind_has_its_own_look_on_the_page(client, policy, consultation):
    from consultations.models import Answer

    for kind in Answer.values:
        SubmissionFactory(consultation=consultation, status=SubmissionStatus.APPROVED, answer=kind,
                          answer_reason="" if kind == Answer.ACCEPTED else "Мотиви.")
    content = client.get(policy.url).content.decode()
    for kind in Answer.values:
        assert f'class="answer answer-{kind}"' in content, kind


@pytest.mark.parametrize("number, message", [
    ("²", "цяло число"), ("abc", "цяло число"), ("0", "поне 1"), ("9" * 50, "Няма толкова страници"),
    ("9" * 5000, "цяло число"),
    ("7", "Няма страница 7"),
])
def test_invalid_page_of_proposals_is_said_not_silently_replaced(client, policy, consultation, number, message):
    SubmissionFactory.create_batch(3, consultation=consultation, status=SubmissionStatus.APPROVED)
    response = client.get(policy.url, {"predlozheniya": number})
    assert response.status_code == 200
    assert message in response.content.decode()
