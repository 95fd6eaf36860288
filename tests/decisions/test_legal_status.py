"""A decision's legal status, its vote and the naming of mayor's orders: rules in the model, the database and the editor."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from decisions.models import DecisionPage, IssuingBody, LegalStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(decision_index, decision_page_factory):
    return decision_page_factory(parent=decision_index, title="Бюджет", number=12, date=datetime.date(2025, 2, 1))


@pytest.fixture
def amendment(decision_index, decision_page_factory):
    return decision_page_factory(parent=decision_index, title="Промени в бюджета", number=45,
                                 date=datetime.date(2025, 5, 12))


def update_in_database(decision, **fields):
    with transaction.atomic():
        DecisionPage.objects.filter(pk=decision.pk).update(**fields)


# --- The status and its link ---

@pytest.mark.parametrize("status", [LegalStatus.AMENDED, LegalStatus.REPEALED])
def test_changed_status_without_the_changing_act_is_refused_at_the_link(budget, status):
    budget.status = status
    with pytest.raises(ValidationError) as error:
        budget.full_clean()
    assert "Посочете решението или заповедта" in str(error.value.message_dict["amended_or_repealed_by"])


def test_act_in_force_cannot_cite_a_changing_act(budget, amendment):
    budget.amended_or_repealed_by = amendment
    with pytest.raises(ValidationError) as error:
        budget.full_clean()
    assert "Акт в сила не е изменен" in str(error.value.message_dict["amended_or_repealed_by"])


def test_act_cannot_change_itself(budget):
    budget.status, budget.amended_or_repealed_by = LegalStatus.AMENDED, budget
    with pytest.raises(ValidationError) as error:
        budget.full_clean()
    assert "само себе си" in str(error.value.message_dict["amended_or_repealed_by"])


def test_amended_with_its_link_is_valid(budget, amendment):
    budget.status, budget.amended_or_repealed_by = LegalStatus.AMENDED, amendment
    budget.full_clean()
    budget.save()
    assert list(amendment.amends.all()) == [budget]


@pytest.mark.parametrize("fields", [
    {"status": LegalStatus.REPEALED},
    {"status": LegalStatus.IN_FORCE, "amended_or_repealed_by_id": "other"},
    {"status": LegalStatus.AMENDED, "amended_or_repealed_by_id": "self"},
])
def test_database_refuses_a_status_that_disagrees_with_the_link(budget, amendment, fields):
    ids = {"other": amendment.pk, "self": budget.pk}
    fields = {name: ids.get(value, value) for name, value in fields.items()}
    with pytest.raises(IntegrityError):
        update_in_database(budget, **fields)


def test_changing_act_cannot_be_deleted_while_cited(budget, amendment):
    from django.db.models import ProtectedError

    budget.status, budget.amended_or_repealed_by = LegalStatus.REPEALED, amendment
    budget.save()
    with pytest.raises(ProtectedError):
        amendment.delete()


# --- The vote ---

def test_council_decision_keeps_its_vote(budget):
    budget.votes_for, budget.votes_against, budget.votes_abstained = 21, 3, 2
    budget.full_clean()
    budget.save()
    assert budget.vote_summary() == "Гласуване: за 21, против 3, въздържали се 2"


def test_mayors_order_with_a_vote_is_refused_at_each_vote_field(decision_index, decision_page_factory):
    order = decision_page_factory(parent=decision_index, issuing_body=IssuingBody.MAYOR)
    order.votes_for, order.votes_abstained = 5, 0
    with pytest.raises(ValidationError) as error:
        order.full_clean()
    assert set(error.value.message_dict) == {"votes_for", "votes_abstained"}
    assert "Заповедите на кмета не се гласуват" in error.value.message_dict["votes_for"][0]


def test_database_refuses_a_vote_on_an_order(decision_index, decision_page_factory):
    order = decision_page_factory(parent=decision_index, issuing_body=IssuingBody.MAYOR)
    with pytest.raises(IntegrityError):
        update_in_database(order, votes_against=1)


# --- What the pages say ---

def test_both_acts_name_each_other(client, budget, amendment):
    budget.status, budget.amended_or_repealed_by = LegalStatus.AMENDED, amendment
    budget.save()
    changed = client.get(budget.url).content.decode()
    assert f'<a href="{amendment.url}">Изменено с Решение № 45 от 12.05.2025 г.</a>' in changed
    assert "<dd>Изменено</dd>" in changed
    changing = client.get(amendment.url).content.decode()
    assert f'<a href="{budget.url}">Изменя Решение № 12 от 01.02.2025 г.</a>' in changing


def test_repealed_order_agrees_in_gender_and_says_sas_before_zapoved(client, decision_index, decision_page_factory):
    order = decision_page_factory(parent=decision_index, issuing_body=IssuingBody.MAYOR, number=23,
                                  date=datetime.date(2026, 1, 5), session=None)
    repealing = decision_page_factory(parent=decision_index, issuing_body=IssuingBody.MAYOR, number=40,
                                      date=datetime.date(2026, 2, 1), session=None)
    order.status, order.amended_or_repealed_by = LegalStatus.REPEALED, repealing
    order.save()
    content = client.get(order.url).content.decode()
    assert "Отменена със Заповед № 40 от 01.02.2026 г." in content
    assert "Отменя Заповед № 23 от 05.01.2026 г." in client.get(repealing.url).content.decode()


def test_order_is_called_zapoved_on_its_page_and_in_the_archive(client, decision_index, decision_page_factory):
    order = decision_page_factory(parent=decision_index, issuing_body=IssuingBody.MAYOR, number=23, session=None)
    page = client.get(order.url).content.decode()
    assert '<p class="kicker">Заповед · Кмет на община Ботевград</p>' in page
    assert "<dt>Заповед №</dt><dd>23</dd>" in page
    assert "Решение №" not in page
    archive = client.get(decision_index.url).content.decode()
    assert "Заповед № 23 /" in archive
    assert order.kind_label() == "Заповед"
    assert order.page_type_display_name == "Заповед"


def test_vote_is_shown_on_the_decision(client, budget):
    budget.votes_for, budget.votes_against, budget.votes_abstained = 21, 0, 2
    budget.save()
    content = client.get(budget.url).content.decode()
    assert "<li>за: 21</li>" in content and "<li>против: 0</li>" in content and "<li>въздържали се: 2</li>" in content


def test_admin_listing_calls_orders_zapoved(client, editor, decision_index, decision_page_factory):
    decision_page_factory(parent=decision_index, issuing_body=IssuingBody.MAYOR, title="Заповед за зимното почистване")
    content = client.get(f"/admin/pages/{decision_index.pk}/").content.decode()
    assert "Заповед за зимното почистване" in content
    assert ">Заповед<" in content.replace("\n", "").replace(" ", "")


# --- The editor ---

def editor_form(**fields):
    data = {
        "title": "Решение за парковете", "slug": "x", "issuing_body": IssuingBody.COUNCIL, "number": "88",
        "date": "2025-09-01", "session": "9", "body": rich_text("<p>Текст</p>"), "votes_for": "", "votes_against": "",
        "votes_abstained": "", "status": LegalStatus.IN_FORCE, "amended_or_repealed_by": "",
        "documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0", "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000", "tags": "", "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def test_editor_sees_the_missing_link_next_to_the_link_field(client, editor, decision_index):
    response = client.post(f"/admin/pages/add/decisions/decisionpage/{decision_index.pk}/",
                           editor_form(status=LegalStatus.REPEALED))
    assert response.status_code == 200
    form = response.context["form"]
    assert "Посочете решението или заповедта" in form.errors["amended_or_repealed_by"][0]
    assert not form.non_field_errors()
    assert not DecisionPage.objects.exists()


def test_editor_sees_a_vote_on_an_order_next_to_the_vote(client, editor, decision_index):
    response = client.post(f"/admin/pages/add/decisions/decisionpage/{decision_index.pk}/",
                           editor_form(issuing_body=IssuingBody.MAYOR, votes_for="3", session=""))
    form = response.context["form"]
    assert "Заповедите на кмета не се гласуват" in form.errors["votes_for"][0]
    assert not DecisionPage.objects.exists()


def test_editor_publishes_an_amended_decision_with_its_link(client, editor, decision_index, amendment):
    response = client.post(f"/admin/pages/add/decisions/decisionpage/{decision_index.pk}/",
                           editor_form(status=LegalStatus.AMENDED, amended_or_repealed_by=str(amendment.pk)))
    assert response.status_code == 302
    saved = DecisionPage.objects.get(number=88)
    assert (saved.status, saved.amended_or_repealed_by_id, saved.live) == (LegalStatus.AMENDED, amendment.pk, True)


# --- What the search index reads ---

def test_search_facets_carry_kind_number_date_policies_and_particulars(budget, amendment, policy_index,
                                                                      policy_page_factory):
    policy = policy_page_factory(parent=policy_index)
    budget.related_policies = [policy]
    budget.session, budget.votes_for, budget.votes_against, budget.votes_abstained = 5, 20, 1, 0
    budget.status, budget.amended_or_repealed_by = LegalStatus.AMENDED, amendment
    budget.save()
    facets = DecisionPage.objects.get(pk=budget.pk).search_facets()
    assert {key: facets[key] for key in ("kind", "number", "date", "policies")} == {
        "kind": "decision", "number": 12, "date": datetime.date(2025, 2, 1), "policies": [policy.pk]}
    for words in ["Протокол № 5", "Решение № 12 от 01.02.2025 г.", "12/2025", "Изменено с Решение № 45",
                  "за 20, против 1, въздържали се 0", "Общински съвет"]:
        assert words in facets["extra_text"], words


def test_order_facets_say_order(decision_index, decision_page_factory):
    order = decision_page_factory(parent=decision_index, issuing_body=IssuingBody.MAYOR, session=None, number=23)
    facets = order.search_facets()
    assert facets["kind"] == "order"
    assert "Заповед № 23" in facets["extra_text"]
    assert "Протокол" not in facets["extra_text"]
