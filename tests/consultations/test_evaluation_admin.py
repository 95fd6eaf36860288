"""Editors set up rating periods in the admin: the usual criteria to start with, and rated criteria kept."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from consultations.models import EvaluationCriterion, EvaluationPeriod
from tests.consultations.factories import EvaluationPeriodFactory, add_evaluation

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_consultations_evaluationperiod:{name}", args=args)


def period_form(policy, criteria, title="2027, първо полугодие", opens=None, closes=None):
    opens = opens or timezone.localtime() + timedelta(days=1)
    closes = closes or opens + timedelta(days=30)
    return nested_form_data({
        "policy_page": policy.pk,
        "title": title,
        "opens_at": opens.strftime("%Y-%m-%d %H:%M"),
        "closes_at": closes.strftime("%Y-%m-%d %H:%M"),
        "criteria": inline_formset(criteria, initial=sum(1 for c in criteria if c.get("id"))),
    })


def test_a_new_period_starts_with_the_usual_criteria(client, editor):
    content = client.get(url("add")).content.decode()
    for name in ["Ефективност", "Качество на услугите", "Достъпност", "Прозрачност"]:
        assert f'value="{name}"' in content


def test_an_editor_creates_a_period_with_its_criteria(client, editor, policy):
    response = client.post(url("add"), period_form(policy, [{"name": "Достъпност", "question": ""},
                                                            {"name": "Бързина", "question": "Колко бързо?"}]))
    assert response.status_code == 302, response.content.decode()[:3000]
    period = EvaluationPeriod.objects.get()
    assert list(period.criteria.values_list("name", flat=True)) == ["Достъпност", "Бързина"]


def test_closing_before_opening_is_an_error_at_the_closing_field(client, editor, policy):
    opens = timezone.localtime() + timedelta(days=10)
    response = client.post(url("add"), period_form(policy, [{"name": "Достъпност", "question": ""}],
                                                   opens=opens, closes=opens - timedelta(days=1)))
    assert response.status_code == 200
    assert response.context["form"].errors["closes_at"] == ["Краят на оценяването трябва да е след началото му."]
    assert not EvaluationPeriod.objects.exists()


def test_a_rated_criterion_cannot_be_removed_but_an_unrated_one_can(client, editor, policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026", criteria=["Достъпност", "Бързина"])
    rated, unrated = period.criteria.all()
    add_evaluation(period, "a@example.org", [4])  # rates the first criterion only
    existing = [{"id": rated.pk, "name": rated.name, "question": "", "DELETE": "1"},
                {"id": unrated.pk, "name": unrated.name, "question": ""}]
    response = client.post(url("edit", period.pk), period_form(policy, existing, title="2026"))
    assert response.status_code == 200
    assert "вече е оценяван и не може да бъде премахнат" in response.content.decode()
    assert EvaluationCriterion.objects.filter(pk=rated.pk).exists()
    existing = [{"id": rated.pk, "name": rated.name, "question": ""},
                {"id": unrated.pk, "name": unrated.name, "question": "", "DELETE": "1"}]
    response = client.post(url("edit", period.pk), period_form(policy, existing, title="2026"))
    assert response.status_code == 302
    assert list(period.criteria.values_list("pk", flat=True)) == [rated.pk]


def test_the_list_shows_counted_evaluations(client, editor, policy):
    period = EvaluationPeriodFactory(policy_page=policy, title="2026", criteria=["Достъпност"])
    add_evaluation(period, "a@example.org", [4])
    add_evaluation(period, "b@example.org", [4], status="unconfirmed")
    content = client.get(url("list")).content.decode()
    assert "2026" in content and "Отчетени оценки" in content
