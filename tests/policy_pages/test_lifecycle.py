"""Where a policy stands: the stage the public sees, the editor's warnings, and the golden thread of its facts."""

import datetime
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction

from policy_pages.lifecycle import golden_thread, public_stage, stage_warnings, with_public_stage
from policy_pages.monitoring_section import build
from policy_pages.models import Indicator, IndicatorValue, Measure, MeasureStatus, PolicyPage, PolicyStage
from tests.consultations.factories import ConsultationFactory
from tests.decisions.factories import DecisionPageFactory

pytestmark = pytest.mark.django_db
OPENS = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def policy(policy_index, policy_page_factory):
    return policy_page_factory(parent=policy_index, title="Чиста околна среда", stage=PolicyStage.DRAFT)


@pytest.fixture
def consultation(policy):
    return ConsultationFactory(policy_page=policy, title="Наредба за чистотата", opens_at=OPENS,
                               closes_at=OPENS + timedelta(days=30), shown_on_page=True)


def fresh(policy):
    return PolicyPage.objects.get(pk=policy.pk)


# --- The public stage ---

@pytest.mark.parametrize(("moment", "shown"), [
    (OPENS - timedelta(minutes=1), PolicyStage.DRAFT),
    (OPENS, PolicyStage.CONSULTATION),
    (OPENS + timedelta(days=30) - timedelta(minutes=1), PolicyStage.CONSULTATION),
    (OPENS + timedelta(days=30), PolicyStage.DRAFT),
])
def test_while_a_consultation_is_open_the_public_stage_is_consultation_whatever_was_set(client, policy, consultation,
                                                                                        moment, shown):
    with time_machine.travel(moment, tick=False):
        assert public_stage(fresh(policy)) == shown
        annotated = with_public_stage(PolicyPage.objects.filter(pk=policy.pk)).get()
        assert public_stage(annotated) == shown
        content = client.get(policy.url).content.decode()
        assert f'<li class="current" aria-current="step">{shown.label}</li>' in content
        listed = client.get(policy.get_parent().url).content.decode()
        assert f"stage-{shown.value}" in listed


def test_a_consultation_not_shown_on_the_page_does_not_change_the_stage(policy, consultation):
    consultation.shown_on_page = False
    consultation.save()
    with time_machine.travel(OPENS + timedelta(days=1), tick=False):
        assert public_stage(fresh(policy)) == PolicyStage.DRAFT


def test_the_policy_list_reads_the_stages_in_its_own_query(client, policy_index, policy_page_factory,
                                                           django_assert_max_num_queries):
    for number in range(6):
        ConsultationFactory(policy_page=policy_page_factory(parent=policy_index, title=f"Политика {number}"),
                            shown_on_page=True)
    client.get(policy_index.url)
    with django_assert_max_num_queries(2):
        assert client.get(policy_index.url).status_code == 200


# --- The editor's warnings ---

def test_the_facts_agreeing_with_the_stage_give_no_warning(policy, consultation, decision_index):
    with time_machine.travel(OPENS + timedelta(days=1), tick=False):
        policy.stage = PolicyStage.CONSULTATION
        assert stage_warnings(policy) == []
    with time_machine.travel(OPENS + timedelta(days=60), tick=False):
        policy.stage = PolicyStage.IMPLEMENTATION
        policy.adopted_by = DecisionPageFactory(parent=decision_index)
        Measure.objects.create(page=policy, title="Контейнери", responsible_unit="Отдел",
                               status=MeasureStatus.IN_PROGRESS, progress=10)
        assert stage_warnings(policy) == []


def test_each_contradiction_is_told(policy, consultation, decision_index):
    with time_machine.travel(OPENS + timedelta(days=1), tick=False):
        (warning,) = stage_warnings(policy)
        assert "Консултацията „Наредба за чистотата“ е отворена до 01.04.2026 11:00" in warning
    with time_machine.travel(OPENS + timedelta(days=60), tick=False):
        policy.stage = PolicyStage.ADOPTED
        (warning,) = stage_warnings(policy)
        assert "не е посочено решението" in warning
        policy.stage = PolicyStage.DRAFT
        policy.adopted_by = DecisionPageFactory(parent=decision_index)
        (warning,) = stage_warnings(policy)
        assert "Посочено е решение за приемане, а етапът е „Проект“" in warning
        policy.stage = PolicyStage.IMPLEMENTATION
        (warning,) = stage_warnings(policy)
        assert "няма мерки" in warning
        policy.stage = PolicyStage.ADOPTED
        Measure.objects.create(page=policy, title="Контейнери", responsible_unit="Отдел", status=MeasureStatus.DONE,
                               progress=100)
        (warning,) = stage_warnings(policy)
        assert "Има започнати мерки, а етапът е „Приета“" in warning


def test_the_editor_sees_the_warning_next_to_the_stage(client, policy, consultation):
    client.force_login(get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест"))
    with time_machine.travel(OPENS + timedelta(days=1), tick=True):
        content = client.get(f"/admin/pages/{policy.pk}/edit/").content.decode()
    assert "Етапът не съвпада с фактите на сайта:" in content
    assert content.index("Етапът не съвпада") > content.index('name="stage"')
    assert content.index("Етапът не съвпада") < content.index('name="responsible_department"')


def test_a_new_policy_has_no_warnings_to_show(client, policy_index):
    client.force_login(get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест"))
    content = client.get(f"/admin/pages/add/policy_pages/policypage/{policy_index.pk}/").content.decode()
    assert "Етапът не съвпада" not in content


# --- The golden thread ---

def thread_of(policy):
    from policy_pages.lifecycle import adopting_decision

    page = fresh(policy)
    consultations = list(page.consultations.filter(shown_on_page=True).order_by("opens_at"))
    monitoring = build(page, RequestFactory().get("/"))
    return golden_thread(page, consultations, adopting_decision(page), monitoring)


def test_the_thread_goes_from_draft_to_indicators_each_step_linked(client, policy, consultation, decision_index):
    decision = DecisionPageFactory(parent=decision_index, title="Решение № 12 за приемане на политиката",
                                   date=datetime.date(2026, 5, 28))
    policy.adopted_by = decision
    policy.first_published_at = datetime.datetime(2026, 2, 20, 9, 0, tzinfo=datetime.UTC)
    policy.save()
    with time_machine.travel(OPENS + timedelta(days=31), tick=False):
        consultation.publish_report()
    Measure.objects.create(page=policy, title="Контейнери", responsible_unit="Отдел", starts_on=datetime.date(2026, 6, 1),
                           status=MeasureStatus.IN_PROGRESS, progress=40)
    indicator = Indicator.objects.create(page=policy, name="Рециклиране", unit="%")
    IndicatorValue.objects.create(indicator=indicator, measured_on=datetime.date(2026, 9, 30), value=31)
    steps = thread_of(policy)
    assert [step.kind for step in steps] == ["draft", "consultation", "report", "decision", "measures", "indicators"]
    consultation_step = steps[1]
    assert consultation_step.url == f"#konsultaciya-{consultation.pk}"
    assert consultation_step.date == (datetime.date(2026, 3, 2), datetime.date(2026, 4, 1))
    assert steps[2].url == f"/konsultacii/{consultation.pk}/spravka/"
    assert steps[3].url == decision.url and steps[3].date == datetime.date(2026, 5, 28)
    assert steps[4].detail == "общо изпълнение 40\xa0%"  # the sign never on a line of its own and steps[4].date == datetime.date(2026, 6, 1)
    assert steps[5].date == datetime.date(2026, 9, 30)
    content = client.get(policy.url).content.decode()
    assert 'aria-labelledby="golden-thread-heading"' in content
    assert f'<a href="{decision.url}">Приета: Решение № 12 за приемане на политиката</a>' in content
    assert "02.03.2026</time> – <time" in content


@pytest.mark.parametrize("hidden", ["draft", "restricted"])
def test_an_adopting_decision_the_public_cannot_see_is_not_in_the_thread(client, policy, decision_index, hidden):
    if hidden == "draft":
        decision = DecisionPageFactory(parent=decision_index, title="Неиздадено решение", live=False)
    else:
        restricted = decision_index.get_parent().add_child(
            instance=decision_index.__class__(title="Вътрешни решения", slug="vatreshni"))
        PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
        decision = DecisionPageFactory(parent=restricted, title="Вътрешно решение")
    policy.adopted_by = decision
    policy.save()
    assert "decision" not in [step.kind for step in thread_of(policy)]
    assert decision.title not in client.get(policy.url).content.decode()


def test_a_deleted_decision_leaves_the_policy_unadopted(policy, decision_index):
    decision = DecisionPageFactory(parent=decision_index)
    policy.adopted_by = decision
    policy.save()
    decision.delete()
    assert fresh(policy).adopted_by_id is None


def test_an_unpublished_consultation_block_is_not_in_the_thread(policy, consultation):
    consultation.shown_on_page = False
    consultation.save()
    assert "consultation" not in [step.kind for step in thread_of(policy)]


def test_the_stage_shown_is_the_same_in_all_places_during_a_consultation(client, policy, consultation, home):
    with time_machine.travel(OPENS + timedelta(days=2), tick=False):
        assert timezone.now() < consultation.closes_at
        home_content = client.get(home.url).content.decode()
    assert "stage-consultation" in home_content and "stage-draft" not in home_content
