"""A policy's measures: their rules, their history, what the public page shows of them and at what cost."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policy_pages.models import (Currency, Measure, MeasureDecision, MeasureDocument, MeasureStatus, PolicyStage,
                                 overall_progress)
from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionPageFactory
from tests.hostile import XSS

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(policy_index, policy_page_factory):
    return policy_page_factory(parent=policy_index, title="Чиста околна среда")


def measure(policy, **fields):
    values = {"title": "Нови контейнери", "responsible_unit": "Дирекция „Екология“", **fields}
    return Measure.objects.create(page=policy, **values)


# --- Rules: each in the model's constraints, its message at its field ---

@pytest.mark.parametrize(("fields", "field"), [
    ({"progress": 101}, "progress"),
    ({"status": MeasureStatus.DONE, "progress": 80}, "progress"),
    ({"starts_on": datetime.date(2026, 5, 1), "due_on": datetime.date(2026, 4, 30)}, "due_on"),
    ({"planned_budget": Decimal("-1")}, "planned_budget"),
    ({"spent_budget": Decimal("-0.01")}, "spent_budget"),
])
def test_each_rule_puts_its_message_at_its_field_and_the_database_holds_it(policy, fields, field):
    invalid = Measure(page=policy, title="Мярка", responsible_unit="Звено", **fields)
    with pytest.raises(ValidationError) as raised:
        invalid.full_clean()
    assert field in raised.value.message_dict, raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Measure.objects.create(page=policy, title="Мярка", responsible_unit="Звено", **fields)


def test_a_valid_measure_passes(policy):
    Measure(page=policy, title="Мярка", responsible_unit="Звено", status=MeasureStatus.DONE, progress=100,
            starts_on=datetime.date(2026, 1, 1), due_on=datetime.date(2026, 1, 1), planned_budget=Decimal("0"),
            sort_order=0).full_clean()


# --- The roll-up ---

def test_overall_progress_is_the_mean_of_the_measures_not_cancelled():
    measures = [Measure(progress=100, status=MeasureStatus.DONE), Measure(progress=40, status=MeasureStatus.IN_PROGRESS),
                Measure(progress=0, status=MeasureStatus.PLANNED), Measure(progress=90, status=MeasureStatus.CANCELLED)]
    assert overall_progress(measures) == 47  # (100 + 40 + 0) / 3
    assert overall_progress([]) is None
    assert overall_progress([Measure(progress=50, status=MeasureStatus.CANCELLED)]) is None


def test_a_measure_past_its_due_date_is_overdue_until_done_or_cancelled():
    today = datetime.date(2026, 12, 3)
    late = Measure(due_on=datetime.date(2026, 12, 2), status=MeasureStatus.IN_PROGRESS)
    assert late.is_overdue(today)
    assert not Measure(due_on=datetime.date(2026, 12, 3), status=MeasureStatus.PLANNED).is_overdue(today)
    assert not Measure(due_on=datetime.date(2026, 1, 1), status=MeasureStatus.DONE, progress=100).is_overdue(today)
    assert not Measure(due_on=datetime.date(2026, 1, 1), status=MeasureStatus.CANCELLED).is_overdue(today)
    assert not Measure(due_on=None, status=MeasureStatus.DELAYED).is_overdue(today)


def test_an_amount_in_leva_is_converted_at_the_fixed_rate():
    in_leva = Measure(budget_currency=Currency.BGN, planned_budget=Decimal("195583.00"), spent_budget=Decimal("1.00"))
    assert in_leva.planned_budget_eur == Decimal("100000.00")
    assert in_leva.spent_budget_eur == Decimal("0.51")
    assert Measure(budget_currency=Currency.EUR, planned_budget=Decimal("12.34")).planned_budget_eur == Decimal("12.34")


# --- History: what was published, when ---

def test_publishing_a_changed_status_or_progress_records_it_with_its_date(policy):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC), tick=False):
        tracked = measure(policy)
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        tracked.title = "Нови контейнери за стъкло"  # not a change of state: no record
        tracked.save()
        tracked.status, tracked.progress = MeasureStatus.IN_PROGRESS, 30
        tracked.save()
    history = [(u.recorded_on, u.status, u.progress) for u in tracked.updates.order_by("recorded_on", "pk")]
    assert history == [(datetime.date(2026, 3, 2), MeasureStatus.PLANNED, 0),
                       (datetime.date(2026, 6, 15), MeasureStatus.IN_PROGRESS, 30)]


def test_a_page_not_yet_published_records_nothing(policy_index, policy_page_factory):
    draft = policy_page_factory(parent=policy_index, live=False)
    assert not measure(draft).updates.exists()


def test_the_editor_publishes_a_measure_from_the_page_and_its_state_is_recorded(client, policy, decision_index):
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест")
    client.force_login(editor)
    decision = DecisionPageFactory(parent=decision_index, title="Решение за контейнерите")
    data = nested_form_data({
        "title": policy.title, "slug": policy.slug, "summary": "Резюме.", "stage": PolicyStage.IMPLEMENTATION,
        "responsible_department": "Дирекция „Екология“",
        "body": streamfield([("paragraph", rich_text("<p>Текст.</p>"))]), "tags": "",
        "measures": inline_formset([{
            "title": "Подземни контейнери", "description": "", "responsible_unit": "Отдел „Чистота“",
            "starts_on": "2026-01-10", "due_on": "2026-11-30", "status": MeasureStatus.IN_PROGRESS,
            "progress": "150", "budget_currency": Currency.BGN, "planned_budget": "100000", "spent_budget": "",
            "decision_links": inline_formset([{"decision": decision.pk}]),
            "document_links": inline_formset([]),
        }]),
        "indicators": inline_formset([]),
        "action-publish": "publish",
    })
    url = f"/admin/pages/{policy.pk}/edit/"
    response = client.post(url, data)
    assert response.status_code == 200  # refused: 150 %
    assert "Изпълнението е от 0 до 100 %." in response.content.decode()
    data["measures-0-progress"] = "45"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = Measure.objects.get(page=policy)
    assert saved.progress == 45 and saved.budget_currency == Currency.BGN
    assert [link.decision_id for link in saved.decision_links.all()] == [decision.pk]
    assert [(u.status, u.progress) for u in saved.updates.all()] == [(MeasureStatus.IN_PROGRESS, 45)]


# --- The public page ---

def test_the_policy_page_shows_progress_measures_budgets_and_history(client, policy, decision_index):
    decision = DecisionPageFactory(parent=decision_index, title="Решение за контейнерите")
    hidden = DecisionPageFactory(parent=decision_index, title="Неиздадено решение", live=False)
    private_collection = Collection.get_first_root_node().add_child(name="Вътрешни")
    CollectionViewRestriction.objects.create(collection=private_collection, restriction_type="login")
    public_document = DocumentFactory(title="График на извозването")
    private_document = DocumentFactory(title="Вътрешна докладна", collection=private_collection)
    late = measure(policy, title=f"Подземни контейнери {XSS}", status=MeasureStatus.IN_PROGRESS, progress=40,
                   due_on=datetime.date(2020, 1, 31), budget_currency=Currency.BGN, planned_budget=Decimal("195583"),
                   description=f"Описание {XSS}")
    for linked in (decision, hidden):
        MeasureDecision.objects.create(measure=late, decision=linked)
    for document in (public_document, private_document):
        MeasureDocument.objects.create(measure=late, document=document)
    measure(policy, title="Компостери", status=MeasureStatus.DONE, progress=100)
    measure(policy, title="Отменена мярка", status=MeasureStatus.CANCELLED, progress=10)

    content = client.get(policy.url).content.decode()
    assert "Общо изпълнение: 70 %" in content  # (40 + 100) / 2, the cancelled one left out
    assert "Отменените мерки не се броят" in content or "отменените мерки не се броят" in content
    assert "1 мярка е с изтекъл срок." in content and "Просрочена" in content
    assert "100\xa0000,00 €" in content and "195\xa0583,00 лв." in content
    assert "Решение за контейнерите" in content and "Неиздадено решение" not in content
    assert "График на извозването" in content and "Вътрешна докладна" not in content
    assert "История: 1 запис" in content
    assert "31.01.2020&nbsp;г." in content  # the due date, its "г." never on a line of its own
    assert "10 % изпълнение" not in content  # a cancelled measure's percentage says nothing
    assert XSS not in content and "&lt;script&gt;" in content


def test_a_view_restricted_decision_is_not_linked(client, policy, decision_index):
    restricted_index = decision_index.get_parent().add_child(
        instance=decision_index.__class__(title="Вътрешни решения", slug="vatreshni"))
    PageViewRestriction.objects.create(page=restricted_index, restriction_type="login")
    secret = DecisionPageFactory(parent=restricted_index, title="Вътрешно решение")
    MeasureDecision.objects.create(measure=measure(policy), decision=secret)
    assert "Вътрешно решение" not in client.get(policy.url).content.decode()


def test_a_policy_without_measures_shows_no_empty_section(client, policy):
    assert "Изпълнение: мерки и дейности" not in client.get(policy.url).content.decode()


@pytest.mark.parametrize("count", [1, 25])
def test_policy_page_query_count_does_not_grow_with_measures(client, policy, decision_index, count,
                                                             django_assert_max_num_queries):
    decision = DecisionPageFactory(parent=decision_index)
    document = DocumentFactory()
    for number in range(count):
        item = measure(policy, title=f"Мярка {number}", progress=number, status=MeasureStatus.IN_PROGRESS)
        MeasureDecision.objects.create(measure=item, decision=decision)
        MeasureDocument.objects.create(measure=item, document=document)
        item.progress += 1
        item.save()  # a second history record
    client.get(policy.url)
    with django_assert_max_num_queries(1):
        assert client.get(policy.url).status_code == 200


# --- Found by the site's search ---

def test_a_measure_is_found_at_its_place_on_the_policy_page_and_goes_with_it(client, policy, committed):
    with committed():
        tracked = measure(policy, title="Подземни контейнери в центъра", description="Шестнадесет съда под земята.")
        policy.save_revision().publish()
    hits = client.get("/search/", {"q": "подземните контейнери"}).context["results_page"].object_list
    found = [hit for hit in hits if hit.kind == "measure"]
    assert [hit.url for hit in found] == [f"{policy.url}#myarka-{tracked.pk}"]
    assert found[0].kind_label == "Мярка"
    assert client.get("/search/", {"q": "контейнери", "kind": "measure"}).status_code == 200
    with committed():
        policy.unpublish()
    hits = client.get("/search/", {"q": "подземните контейнери"}).context["results_page"]
    assert not [hit for hit in hits.object_list if hit.kind == "measure"]
