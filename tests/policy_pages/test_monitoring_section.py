"""The policy page's measures and indicators are rendered once and remembered until what they show can change."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from policy_pages.models import Measure, MeasureDocument, MeasureStatus
from tests.consultations.factories import DocumentFactory
from tests.policy_pages.test_measures import measure as add_measure
from tests.policy_pages.test_measures import policy  # noqa: F401 - the same policy fixture

pytestmark = pytest.mark.django_db


def measure_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        content = client.get(url).content.decode()
    return content, [q["sql"] for q in queries.captured_queries if "policy_pages_measure" in q["sql"]]


def test_a_second_visit_reads_no_measure_and_shows_the_same(client, policy):
    add_measure(policy, title="Компостери", status=MeasureStatus.IN_PROGRESS, progress=40)
    first, first_queries = measure_queries(client, policy.url)
    second, second_queries = measure_queries(client, policy.url)
    assert first_queries and not second_queries
    assert "Компостери" in second and "Общо изпълнение: 40 %" in second
    assert "Мерки: 1" in second  # the golden thread takes its numbers from the remembered section


def test_publishing_the_page_with_a_changed_measure_shows_the_change(client, policy):
    add_measure(policy, title="Компостери", status=MeasureStatus.IN_PROGRESS, progress=40)
    client.get(policy.url)
    page = policy.specific.__class__.objects.get(pk=policy.pk)
    item = page.measures.get()
    item.progress = 90
    page.save_revision().publish()
    item.save()
    assert "Общо изпълнение: 90 %" in client.get(policy.url).content.decode()


def test_a_measure_falls_overdue_the_day_after_its_due_date_without_any_edit(client, policy):
    add_measure(policy, status=MeasureStatus.IN_PROGRESS, progress=10, due_on=datetime.date(2026, 6, 30))
    with time_machine.travel(datetime.datetime(2026, 6, 30, 12, tzinfo=datetime.UTC), tick=False):
        assert "Просрочена" not in client.get(policy.url).content.decode()
    with time_machine.travel(datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC), tick=False):
        assert "Просрочена" in client.get(policy.url).content.decode()


def test_a_linked_document_made_private_disappears_at_once(client, policy):
    document = DocumentFactory(title="График на извозването")
    MeasureDocument.objects.create(measure=add_measure(policy), document=document)
    assert "График на извозването" in client.get(policy.url).content.decode()
    private = Collection.get_first_root_node().add_child(name="Вътрешни")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document.collection = private
    document.save()
    assert "График на извозването" not in client.get(policy.url).content.decode()


def test_a_preview_shows_the_drafts_measures_not_the_remembered_ones(client, policy, django_user_model):
    add_measure(policy, title="Публикувана мярка")
    client.get(policy.url)
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.bg", "парола-за-тест"))
    page = policy.specific.__class__.objects.get(pk=policy.pk)
    page.measures.add(Measure(title="Мярка в чернова", responsible_unit="Дирекция"))
    page.save_revision()
    preview = client.get(f"/admin/pages/{page.pk}/revisions/{page.latest_revision_id}/view/").content.decode()
    assert "Мярка в чернова" in preview
    public = client.get(policy.url).content.decode()
    assert "Публикувана мярка" in public and "Мярка в чернова" not in public
