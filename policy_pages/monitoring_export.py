"""A policy's monitoring data as open data: its measures, its indicators with their values and the aggregated
evaluations of the public, as CSV and JSON.

Served from the policy page's own routes (PolicyPage.monitoring_export), so they follow its visibility:
nothing of a draft, unpublished or view-restricted policy. The columns are documented in README.md
("Monitoring a policy"); no column holds a person's name or e-mail. A policy has tens of measures,
so a file is written whole, from the same prefetched rows the page shows.
"""

import json

from django.http import HttpResponse
from django.utils import timezone
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
EVALUATION_COLUMNS = ["policy", "period", "opens_on", "closes_on", "evaluations", "published"]
RESULT_COLUMNS = ["group", "group_evaluations", "criterion", "mean", "score_1", "score_2", "score_3", "score_4",
                  "score_5", "cannot_tell"]
DATASETS = ("merki", "indikatori", "ocenki")


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


def evaluation_records(page):
    """Each rating period the page shows: its count, and once it has enough evaluations, the aggregate per criterion
    for everyone ("all") and for each group with enough evaluations; never an evaluation of its own."""
    for results in page.shown_evaluations():
        period = results.period
        groups = [("all", results.count, results.criteria)] + [
            (group.group, group.count, group.criteria) for group in results.groups]
        yield {
            "policy": page.title,
            "period": period.title,
            "opens_on": day(timezone.localdate(period.opens_at)),
            "closes_on": day(timezone.localdate(period.closes_at)),
            "evaluations": results.count,
            "published": results.enough,
            "results": [
                {"group": group, "group_evaluations": count, "criterion": criterion.name,
                 "mean": number(criterion.mean),
                 **{f"score_{score}": n for score, n in enumerate(criterion.distribution, start=1)},
                 "cannot_tell": criterion.cannot_tell}
                for group, count, criteria in groups for criterion in criteria
            ],
        }


def cell(value):
    if isinstance(value, bool):
        return "да" if value else "не"
    if isinstance(value, list):
        return "; ".join(
            f"{item['date']} {item['status']} {item['progress']}" if isinstance(item, dict) else item for item in value)
    return value


def csv_rows(dataset, records):
    """One CSV row a measure; one a measured value of an indicator (its particulars repeated), or one if it has none;
    one a criterion of a group in a rating period, or one for a period without published results."""
    for record in records:
        if dataset == "merki":
            yield [cell(record[name]) for name in MEASURE_COLUMNS]
        elif dataset == "ocenki":
            particulars = [cell(record[name]) for name in EVALUATION_COLUMNS]
            for result in record["results"] or [dict.fromkeys(RESULT_COLUMNS)]:
                yield particulars + [result[name] for name in RESULT_COLUMNS]
        else:
            particulars = [record[name] for name in INDICATOR_COLUMNS]
            for value in record["values"] or [dict.fromkeys(VALUE_COLUMNS)]:
                yield particulars + [value[name] for name in VALUE_COLUMNS]


def monitoring_response(page, dataset, file_format, root_url):
    """The policy's measures, indicators or evaluations (`dataset`: merki, indikatori, ocenki) as CSV or JSON."""
    records = list(measure_records(page, root_url) if dataset == "merki"
                   else evaluation_records(page) if dataset == "ocenki" else indicator_records(page))
    filename = f"{page.slug}-{dataset}.{file_format}"
    if file_format == "csv":
        header = {"merki": MEASURE_COLUMNS, "indikatori": INDICATOR_COLUMNS + VALUE_COLUMNS,
                  "ocenki": EVALUATION_COLUMNS + RESULT_COLUMNS}[dataset]
        return csv_response(filename, header, csv_rows(dataset, records))
    response = HttpResponse(json.dumps(records, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
