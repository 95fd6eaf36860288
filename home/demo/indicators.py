"""Demo content: each policy's indicators with their baselines, targets and measured values."""

import datetime
from decimal import Decimal


def yearly(source, *pairs):
    """Annual values, each dated the last day of its year."""
    return [{"measured_on": datetime.date(year, 12, 31), "value": Decimal(value), "source": source}
            for year, value in pairs]


INDICATORS = {
    "obrazovanie-i-mladi-hora": [
        {"name": "Ученици от 7. клас с над 50 точки на НВО по български език", "unit": "%",
         "description": "Дял от явилите се на националното външно оценяване в училищата на общината.",
         "baseline_value": Decimal("48"), "baseline_year": 2022, "target_value": Decimal("60"), "target_year": 2028,
         # The assessment is in June; its results are published at the end of the month.
         "values": [{"measured_on": datetime.date(year, 6, 30), "value": Decimal(value), "source": "РУО – София област"}
                    for year, value in [(2022, "48"), (2023, "50.5"), (2024, "52"), (2025, "51.3"), (2026, "54.8")]]},
        # No baseline: the youth centre is new, so there is nothing to compare with.
        {"name": "Младежи, ползвали услугите на младежкия център", "unit": "души",
         "description": "Различни посетители от 14 до 29 години от откриването на центъра, натрупано.",
         "baseline_value": None, "baseline_year": None, "target_value": Decimal("600"), "target_year": 2027,
         "values": [{"measured_on": datetime.date(2026, 6, 30), "value": Decimal("85"), "source": "Отчет на центъра"},
                    {"measured_on": datetime.date(2026, 9, 30), "value": Decimal("190"), "source": "Отчет на центъра",
                     "note": "Центърът работи на половин капацитет до края на ремонта."}]},
    ],
    "socialni-uslugi-i-zdraveopazvane": [
        {"name": "Потребители на домашния социален патронаж", "unit": "души",
         "baseline_value": Decimal("310"), "baseline_year": 2024, "target_value": Decimal("400"), "target_year": 2028,
         "values": yearly("Дирекция „Социални дейности“", (2024, "310"), (2025, "335"))},
        {"name": "Средно време за отговор на молба за социална услуга", "unit": "дни", "direction": "lower",
         "baseline_value": Decimal("14"), "baseline_year": 2024, "target_value": Decimal("5"), "target_year": 2027,
         "values": yearly("Деловодна система", (2024, "14"), (2025, "11"))
         + [{"measured_on": datetime.date(2026, 6, 30), "value": Decimal("9"), "source": "Деловодна система",
             "note": "Първо полугодие."}]},
    ],
    "okolna-sreda-i-otpadaci": [
        {"name": "Разделно събрани битови отпадъци", "unit": "%",
         "description": "Дял от теглото на събраните битови отпадъци.",
         "baseline_value": Decimal("18"), "baseline_year": 2021, "target_value": Decimal("45"), "target_year": 2028,
         "values": yearly("РИОСВ – София", (2021, "18"), (2022, "21"), (2023, "24.5"), (2024, "27"), (2025, "31.2"))},
        {"name": "Депонирани отпадъци", "unit": "тона", "direction": "lower",
         "baseline_value": Decimal("9800"), "baseline_year": 2021, "target_value": Decimal("6000"), "target_year": 2028,
         "values": yearly("Регионално депо – Своде", (2021, "9800"), (2022, "9650"), (2023, "9120"), (2024, "8740"),
                          (2025, "8410"))},
    ],
    "gradska-sreda-i-transport": [
        {"name": "Велоалеи в града", "unit": "км",
         "baseline_value": Decimal("2.4"), "baseline_year": 2025, "target_value": Decimal("12"), "target_year": 2030,
         "values": yearly("Дирекция „Устройство на територията“", (2025, "2.4"))},
    ],
    "ikonomika-i-turizam": [
        {"name": "Нощувки в места за настаняване", "unit": "бр.",
         "baseline_value": Decimal("21500"), "baseline_year": 2019, "target_value": Decimal("30000"),
         "target_year": 2026,
         "values": yearly("НСИ", (2019, "21500"), (2020, "9800"), (2021, "14200"), (2022, "22600"), (2023, "25900"),
                          (2024, "27300"), (2025, "29100"))},
        {"name": "Новорегистрирани фирми", "unit": "бр.", "baseline_value": None, "baseline_year": None,
         "target_value": None, "target_year": None,
         "values": yearly("Търговски регистър", (2022, "118"), (2023, "131"), (2024, "126"), (2025, "142"))},
    ],
}
