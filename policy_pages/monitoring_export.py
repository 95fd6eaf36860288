"""A policy's monitoring data as open data: its measures and its indicators with their values, as CSV and JSON.

Served from the policy page's own routes (PolicyPage.monitoring_export), so they follow its visibility:
nothing of a draft, unpublished or view-restricted policy. The columns are documented in README.md
("Monitoring a policy"); no column holds a person's name or e-mail. A policy has tens of measures,
so a file is written whole, from the same prefetched rows the page shows.
"""

import json

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from decisions.export import csv_response

from .models.indicators import plain_number, public_indicators
from .models.measures import public_measures

MEASURE_COLUMNS = [
    "policy", "measure", "description", "responsible_unit", "status", "progress", "starts_on", "due_on",
    "overdue", "budget_currency", "planned_budget", "spent_budget", "planned_budget_eur", "spent_budget_eur",
    "decisions", "documents", "history",
]
INDICATOR_COLUMNS = [
    "policy", "indicator", "unit", "description", "direction", "baseline_value", "baseline_year", "target_value",
    "target_year",
]
VALUE_COLUMNS = ["measured_on", "value", "source", "note"]
DATASETS = ("merki", "indikatori")


def number(value):
    """A Decimal as JSON and CSV write it: a number without the column's padding, or None."""
    if value is None:
        return None
    value = plain_number(value)
    return int(value) if value == value.to_integral_value() else float(value)


def day(value):
    return value.isoformat() if value else None


def measure_records(page, root_url):
    for measure in public_measures(page):
        yield {
            "policy": page.title,
            "measure": measure.title,
            "description": measure.description,
            "responsible_unit": measure.responsible_unit,
            "status": measure.status,
            "progress": measure.progress,
            "starts_on": day(measure.starts_on),
            "due_on": day(measure.due_on),
            "overdue": measure.is_overdue(),
            "budget_currency": measure.budget_currency,
            "planned_budget": number(measure.planned_budget),
            "spent_budget": number(measure.spent_budget),
            "planned_budget_eur": number(measure.planned_budget_eur),
            "spent_budget_eur": number(measure.spent_budget_eur),
            "decisions": [root_url + link.decision.url for link in measure.decision_links.all()],
            "documents": [root_url + link.document.url for link in measure.document_links.all()],
            "history": [{"date": day(update.recorded_on), "status": update.status, "progress": update.progress}
                        for update in measure.updates.all()],
        }


def indicator_records(page):
    for indicator in public_indicators(page):
        yield {
            "policy": page.title,
            "indicator": indicator.name,
            "unit": indicator.unit,
            "description": indicator.description,
            "direction": indicator.direction,
            "baseline_value": number(indicator.baseline_value),
            "baseline_year": indicator.baseline_year,
            "target_value": number(indicator.target_value),
            "target_year": indicator.target_year,
            "values": [{"measured_on": day(value.measured_on), "value": number(value.value), "source": value.source,
                        "note": value.note} for value in indicator.values.all()],
        }


def cell(value):
    if isinstance(value, bool):
        return "да" if value else "не"
    if isinstance(value, list):
        return "; ".join(
            f"{item['date']} {item['status']} {item['progress']}" if isinstance(item, dict) else item for item in value)
    return value


def csv_rows(dataset, records):
    """One CSV row a measure; one a measured value of an indicator (its particulars repeated), or one if it has none."""
    for record in records:
        if dataset == "merki":
            yield [cell(record[name]) for name in MEASURE_COLUMNS]
        else:
            particulars = [record[name] for name in INDICATOR_COLUMNS]
            for value in record["values"] or [dict.fromkeys(VALUE_COLUMNS)]:
                yield particulars + [value[name] for name in VALUE_COLUMNS]


def monitoring_response(page, dataset, file_format, root_url):
    """The policy's measures or indicators (`dataset`: merki, indikatori) as a CSV or JSON attachment."""
    records = list(measure_records(page, root_url) if dataset == "merki" else indicator_records(page))
    filename = f"{page.slug}-{dataset}.{file_format}"
    if file_format == "csv":
        header = MEASURE_COLUMNS if dataset == "merki" else INDICATOR_COLUMNS + VALUE_COLUMNS
        return csv_response(filename, header, csv_rows(dataset, records))
    response = HttpResponse(json.dumps(records, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
