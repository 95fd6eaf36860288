"""Demo content: the measures of the policies being carried out, with their state and budgets."""

import datetime
from decimal import Decimal

MEASURES = {
    "obrazovanie-i-mladi-hora": [
        {"title": "Ремонт на физкултурния салон на СУ „Христо Ботев“", "responsible_unit": "Дирекция „Инвестиции“",
         "description": "Нов под, осветление и вентилация; салонът се ползва и от спортните клубове след часовете.",
         "starts_on": datetime.date(2026, 3, 1), "due_on": datetime.date(2026, 9, 14), "status": "done",
         "progress": 100, "budget_currency": "BGN", "planned_budget": Decimal("420000"),
         "spent_budget": Decimal("398500")},
        {"title": "Младежки център в квартал „Саранск“", "responsible_unit": "Дирекция „Образование, култура и спорт“",
         "description": "Пространство за занимания, кариерно консултиране и доброволчество за младежи от 14 до 29 години.",
         "starts_on": datetime.date(2026, 5, 1), "due_on": datetime.date(2026, 11, 30), "status": "delayed",
         "progress": 55, "budget_currency": "EUR", "planned_budget": Decimal("180000"),
         "spent_budget": Decimal("96000")},
        {"title": "Стипендии за ученици с високи постижения", "responsible_unit": "Отдел „Образование“",
         "description": "Двадесет стипендии годишно по правилник, приет от Общинския съвет.",
         "starts_on": datetime.date(2026, 9, 15), "due_on": datetime.date(2027, 6, 30), "status": "in_progress",
         "progress": 30, "budget_currency": "EUR", "planned_budget": Decimal("24000"), "spent_budget": Decimal("7200")},
        {"title": "Дигитални класни стаи във всички училища", "responsible_unit": "Отдел „Образование“",
         "description": "Интерактивни дисплеи и безжичен интернет; заменена от националната програма за училищата.",
         "starts_on": datetime.date(2026, 1, 15), "due_on": datetime.date(2026, 12, 31), "status": "cancelled",
         "progress": 10, "budget_currency": "EUR", "planned_budget": Decimal("150000"), "spent_budget": None},
    ],
    "ikonomika-i-turizam": [
        {"title": "Туристически информационен център", "responsible_unit": "Отдел „Туризъм“",
         "description": "Центърът на площад „Освобождение“ работи и в събота и неделя.",
         "starts_on": datetime.date(2025, 4, 1), "due_on": datetime.date(2025, 10, 31), "status": "done",
         "progress": 100, "budget_currency": "BGN", "planned_budget": Decimal("95000"), "spent_budget": Decimal("91200")},
        {"title": "Маркиране на екопътеката до Зелин", "responsible_unit": "Отдел „Туризъм“",
         "description": "Табели, места за почивка и карта на пътеката на български и английски.",
         "starts_on": datetime.date(2025, 6, 1), "due_on": datetime.date(2026, 5, 31), "status": "done",
         "progress": 100, "budget_currency": "EUR", "planned_budget": Decimal("38000"), "spent_budget": Decimal("36500")},
    ],
    "okolna-sreda-i-otpadaci": [
        {"title": "Площадка за едрогабаритни и строителни отпадъци", "responsible_unit": "Дирекция „Екология“",
         "description": "Безплатно приемане от домакинствата, по един курс седмично.",
         "starts_on": datetime.date(2027, 4, 1), "due_on": datetime.date(2028, 3, 31), "status": "planned",
         "progress": 0, "budget_currency": "EUR", "planned_budget": Decimal("260000"), "spent_budget": None},
        {"title": "Контейнери за разделно събиране във всички села", "responsible_unit": "Дирекция „Екология“",
         "description": "По един комплект за хартия, пластмаса и стъкло на 300 жители.",
         "starts_on": datetime.date(2027, 2, 1), "due_on": datetime.date(2027, 10, 31), "status": "planned",
         "progress": 0, "budget_currency": "BGN", "planned_budget": Decimal("140000"), "spent_budget": None},
        {"title": "Домашно компостиране: 500 компостера", "responsible_unit": "Дирекция „Екология“",
         "description": "Безплатни компостери за домакинства с двор, с кратко обучение.",
         "starts_on": datetime.date(2027, 3, 1), "due_on": datetime.date(2027, 9, 30), "status": "planned",
         "progress": 0, "budget_currency": "EUR", "planned_budget": Decimal("30000"), "spent_budget": None},
    ],
}
