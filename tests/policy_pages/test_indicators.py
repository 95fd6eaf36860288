"""A policy's indicators: their rules, their charts and tables on the public page, and what that costs."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from policy_pages.charts import INSET, indicator_chart, nice_step, quantity, time_ticks, value_scale
from policy_pages.models import Direction, Indicator, IndicatorValue, PolicyStage
from tests.hostile import XSS

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(policy_index, policy_page_factory):
    return policy_page_factory(parent=policy_index, title="Чиста околна среда")


def indicator(policy, values=(), **fields):
    defaults = {"name": "Разделно събрани отпадъци", "unit": "%", "baseline_value": Decimal("12"),
                "baseline_year": 2021, "target_value": Decimal("40"), "target_year": 2027}
    created = Indicator.objects.create(page=policy, **{**defaults, **fields})
    for day, value in values:
        IndicatorValue.objects.create(indicator=created, measured_on=day, value=Decimal(value), source="НСИ")
    return created


def fetched(policy):
    """The indicator as the page reads it: values prefetched in date order."""
    from policy_pages.models import public_indicators

    return public_indicators(policy)[0]


# --- Rules: each in the model's constraints, its message at its field ---

@pytest.mark.parametrize(("fields", "field"), [
    ({"baseline_value": Decimal("5"), "baseline_year": None}, "baseline_year"),
    ({"baseline_value": None, "baseline_year": 2020}, "baseline_value"),
    ({"target_value": Decimal("5"), "target_year": None}, "target_year"),
    ({"target_value": None, "target_year": 2030}, "target_value"),
    ({"baseline_year": 1989}, "baseline_year"),
    ({"target_year": 2101}, "target_year"),
    ({"baseline_year": 2025, "target_year": 2024}, "target_year"),
])
def test_each_rule_puts_its_message_at_its_field_and_the_database_holds_it(policy, fields, field):
    values = {"name": "Индикатор", "unit": "%", "baseline_value": Decimal("1"), "baseline_year": 2020,
              "target_value": Decimal("2"), "target_year": 2030, **fields}
    with pytest.raises(ValidationError) as raised:
        Indicator(page=policy, **values).full_clean()
    assert list(raised.value.message_dict) == [field], raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(page=policy, **values)


def test_a_value_cannot_be_measured_in_the_future(policy):
    measured = indicator(policy)
    with time_machine.travel(datetime.datetime(2026, 12, 3, 12, 0, tzinfo=datetime.UTC), tick=False):
        IndicatorValue(indicator=measured, measured_on=datetime.date(2026, 12, 3), value=1).full_clean()
        with pytest.raises(ValidationError) as raised:
            IndicatorValue(indicator=measured, measured_on=datetime.date(2026, 12, 4), value=1).full_clean()
    assert raised.value.message_dict == {"measured_on": ["Датата на измерването не може да е в бъдещето."]}


def test_an_indicator_without_baseline_or_target_is_valid(policy):
    Indicator(page=policy, name="Посещения", unit="бр.", sort_order=0).full_clean()


def test_the_year_message_names_the_range(policy):
    with pytest.raises(ValidationError) as raised:
        Indicator(page=policy, name="И", unit="%", baseline_value=1, baseline_year=1800).full_clean()
    assert raised.value.message_dict["baseline_year"] == ["Годината е между 1990 и 2100."]


# --- Numbers as the page writes them ---

@pytest.mark.parametrize(("value", "unit", "written"), [
    (Decimal("12.5000"), "%", "12,5\xa0%"),
    (Decimal("100.0000"), "%", "100\xa0%"),  # never 1E+2
    (Decimal("1234567.2500"), "лв.", "1\xa0234\xa0567,25\xa0лв."),
    (Decimal("-3.1000"), "", "-3,1"),
    (Decimal("0.0000"), "бр.", "0\xa0бр."),
])
def test_values_are_written_in_bulgarian(value, unit, written):
    assert quantity(value, unit) == written


def test_progress_to_target_edges(policy):
    indicator(policy, [(datetime.date(2024, 12, 31), "30"), (datetime.date(2025, 12, 31), "26")])
    assert fetched(policy).progress_to_target() == 50  # 12 -> 26 of 12 -> 40
    Indicator.objects.all().delete()
    indicator(policy, [(datetime.date(2025, 12, 31), "8")])
    assert fetched(policy).progress_to_target() < 0  # moved away
    Indicator.objects.all().delete()
    indicator(policy, [(datetime.date(2025, 12, 31), "8")], direction=Direction.LOWER, baseline_value=Decimal("20"),
              target_value=Decimal("10"))
    assert fetched(policy).progress_to_target() == 120  # lower is better: past the target
    Indicator.objects.all().delete()
    indicator(policy, [(datetime.date(2025, 12, 31), "8")], target_value=Decimal("12"))
    assert fetched(policy).progress_to_target() is None  # the target is the baseline
    Indicator.objects.all().delete()
    indicator(policy, [], baseline_value=None, baseline_year=None)
    assert fetched(policy).progress_to_target() is None


# --- The chart ---

def test_the_value_axis_has_round_ticks_and_starts_at_zero_when_the_values_fit_above_half():
    assert nice_step(28, 4) == 10
    assert nice_step(0.9, 4) == 0.25
    assert value_scale([12, 26, 40]) == (0.0, 40.0, [0.0, 10.0, 20.0, 30.0, 40.0])
    low, high, ticks = value_scale([980, 1010])
    assert low == 980 and high == 1010 and ticks[0] == 980 and ticks[-1] == 1010
    low, high, ticks = value_scale([-5, 5])
    assert low <= -5 and high >= 5 and 0 in ticks


def test_no_values_no_chart_and_the_page_says_so(client, policy):
    indicator(policy, [])
    assert indicator_chart(fetched(policy)) is None
    content = client.get(policy.url).content.decode()
    assert "Все още няма измерени стойности." in content
    assert "<svg" not in content


def test_one_value_is_a_point_in_the_middle_without_a_line(policy):
    indicator(policy, [(datetime.date(2025, 6, 30), "20")])
    chart = indicator_chart(fetched(policy))
    assert len(chart.points) == 1 and chart.points[0].x == pytest.approx((chart.left + chart.right) / 2, abs=1)
    assert chart.x_ticks == [(chart.points[0].x, "2025")]
    assert "Едно измерване, 30.06.2025: 20\xa0%." in chart.description


def test_many_values_are_a_line_left_to_right_in_date_order_with_years_on_the_axis(policy):
    days = [datetime.date(year, 12, 31) for year in range(2014, 2026)]
    indicator(policy, reversed([(day, str(10 + index)) for index, day in enumerate(days)]))
    chart = indicator_chart(fetched(policy))
    xs = [point.x for point in chart.points]
    assert xs == sorted(xs) and xs[0] == chart.left + INSET and xs[-1] == chart.right - INSET
    ys = [point.y for point in chart.points]
    assert ys == sorted(ys, reverse=True)  # rising values go up the page
    assert chart.path.startswith(f"M{xs[0]},{ys[0]} L")
    # A yearly series is labelled by year, under its points, the latest always.
    assert chart.x_ticks[-1] == (xs[-1], "2025")
    assert all((x, label) in [(point.x, point.label[6:10]) for point in chart.points] for x, label in chart.x_ticks)
    gaps = [b - a for (a, _), (b, _) in zip(chart.x_ticks, chart.x_ticks[1:])]
    assert all(gap >= 66 for gap in gaps)  # labels never overlap
    assert "12 измервания от 12.2014 до 12.2025, от 10\xa0% до 21\xa0%." in chart.description


def test_a_series_within_the_year_is_labelled_by_month():
    days = [datetime.date(2026, month, 28) for month in (1, 2, 3, 6, 9)]
    ticks = time_ticks(days, lambda day: (day - days[0]).days * 1.5)
    assert [label for _, label in ticks] == ["01.2026", "03.2026", "06.2026", "09.2026"]  # February crowds March


def test_baseline_and_target_are_lines_with_labels_and_without_them_there_are_none(policy):
    indicator(policy, [(datetime.date(2024, 12, 31), "20"), (datetime.date(2025, 12, 31), "26")])
    chart = indicator_chart(fetched(policy))
    baseline, target = chart.lines
    assert baseline.kind == "baseline" and baseline.label == "Изходно ниво (2021): 12\xa0%"
    assert target.kind == "target" and target.label == "Цел (2027): 40\xa0%"
    assert target.y < baseline.y  # 40 above 12
    assert all(12 <= line.label_y <= chart.bottom for line in chart.lines)  # inside the drawing
    Indicator.objects.all().delete()
    indicator(policy, [(datetime.date(2025, 12, 31), "26")], baseline_value=None, baseline_year=None,
              target_value=None, target_year=None)
    chart = indicator_chart(fetched(policy))
    assert chart.lines == []
    assert "Изходно ниво" not in chart.description and "Цел до" not in chart.description


def test_close_baseline_and_target_labels_do_not_overlap(policy):
    indicator(policy, [(datetime.date(2025, 12, 31), "100")], baseline_value=Decimal("40"),
              target_value=Decimal("41"))
    baseline, target = indicator_chart(fetched(policy)).lines
    assert abs(baseline.label_y - target.label_y) >= 16  # the text is at most 16 units tall


def test_equal_values_still_have_an_axis(policy):
    indicator(policy, [(datetime.date(2024, 1, 1), "7"), (datetime.date(2025, 1, 1), "7")], baseline_value=None,
              baseline_year=None, target_value=None, target_year=None)
    chart = indicator_chart(fetched(policy))
    assert len(chart.y_ticks) >= 2 and chart.top < chart.points[0].y < chart.bottom


# --- The public page ---

def test_the_policy_page_shows_each_indicator_as_an_accessible_chart_and_a_table(client, policy):
    indicator(policy, [(datetime.date(2024, 12, 31), "20"), (datetime.date(2025, 12, 31), "26")],
              name=f"Рециклиране {XSS}", description=f"Дял от теглото {XSS}")
    IndicatorValue.objects.filter(measured_on=datetime.date(2025, 12, 31)).update(note=f"Предварителни данни {XSS}")
    content = client.get(policy.url).content.decode()
    assert XSS not in content and "&lt;script&gt;" in content
    svg = re.search(r"<svg [^>]*>", content).group(0)
    assert 'role="img"' in svg
    ids = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    for dom_id in ids:
        assert f'id="{dom_id}"' in content
    assert "<title id=" in content and "<desc id=" in content
    assert "style=" not in content[content.index("<svg"):content.index("</svg>")]
    assert "<caption>Рециклиране" in content and "26\xa0%" in content
    assert "31.12.2025&nbsp;г." in content
    assert "изминати 50 % от пътя от изходното ниво до целта" in content
    assert "По-високата стойност е по-добра" in content


def test_two_indicators_have_distinct_ids(client, policy):
    indicator(policy, [(datetime.date(2025, 12, 31), "26")])
    indicator(policy, [(datetime.date(2025, 12, 31), "3")], name="Сметища")
    content = client.get(policy.url).content.decode()
    ids = re.findall(r' id="([^"]+)"', content)
    assert len(ids) == len(set(ids))


def test_a_policy_without_indicators_shows_no_empty_section(client, policy):
    assert 'id="indicators-heading"' not in client.get(policy.url).content.decode()


def test_the_editor_adds_an_indicator_with_its_values_and_a_missing_year_is_shown_at_its_field(client, policy):
    client.force_login(get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест"))
    data = nested_form_data({
        "title": policy.title, "slug": policy.slug, "summary": "Резюме.", "stage": PolicyStage.IMPLEMENTATION,
        "responsible_department": "Дирекция „Екология“",
        "body": streamfield([("paragraph", rich_text("<p>Текст.</p>"))]), "tags": "",
        "measures": inline_formset([]),
        "indicators": inline_formset([{
            "name": "Озеленени площи", "unit": "дка", "description": "", "direction": Direction.HIGHER,
            "baseline_value": "120,5", "baseline_year": "", "target_value": "150", "target_year": "2028",
            "values": inline_formset([{"measured_on": "2025-12-31", "value": "131,25", "source": "ГИС", "note": ""}]),
        }]),
        "action-publish": "publish",
    })
    url = f"/admin/pages/{policy.pk}/edit/"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Посочете и годината на изходната стойност." in response.content.decode()
    assert not Indicator.objects.exists()
    data["indicators-0-baseline_year"] = "2022"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = Indicator.objects.get(page=policy)
    assert saved.baseline_value == Decimal("120.5")
    assert [(v.measured_on, v.value) for v in saved.values.all()] == [(datetime.date(2025, 12, 31), Decimal("131.25"))]
    assert "131,25\xa0дка" in client.get(policy.url).content.decode()
    edit = client.get(url).content.decode()
    assert 'value="120,5"' in edit and 'value="131,25"' in edit  # as typed, not 120,5000


def test_a_draft_of_new_values_is_not_public_until_published(client, policy):
    shown = indicator(policy, [(datetime.date(2024, 12, 31), "20")])
    revision_page = policy.specific
    revision_page.indicators = [shown]
    shown.values.add(IndicatorValue(measured_on=datetime.date(2025, 12, 31), value=Decimal("99")))
    revision_page.save_revision()  # a draft: the page's own rows stay as published
    content = client.get(policy.url).content.decode()
    assert "99\xa0%" not in content and "20\xa0%" in content


@pytest.mark.parametrize(("indicators", "values"), [(1, 1), (5, 20)])
def test_policy_page_query_count_does_not_grow_with_indicators(client, policy, indicators, values,
                                                               django_assert_max_num_queries):
    for number in range(indicators):
        indicator(policy, [(datetime.date(2000 + day, 12, 31), str(day)) for day in range(values)], name=f"И {number}")
    client.get(policy.url)
    with django_assert_max_num_queries(1):
        assert client.get(policy.url).status_code == 200
