"""The archive's current list as CSV or JSON, streamed row by row so the whole archive never sits in memory."""

import csv
import json
from decimal import Decimal

from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from botevgrad.public_tree import hidden_collection_ids, visible

# Rows fetched (and their tags, policies and documents prefetched) per database round trip.
CHUNK_SIZE = 1000

# The columns, documented in README.md ("Износ на архива"); JSON uses the same keys.
COLUMNS = [
    "number", "kind", "issuing_body", "date", "session", "title", "status", "amended_or_repealed_by",
    "votes_for", "votes_against", "votes_abstained", "url", "tags", "policies", "documents",
]

# A cell starting with one of these is read as a formula by spreadsheet programs (OWASP "CSV Injection").
# Every CSV download of the site (справки, monitoring data) uses this rule through csv_response below.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """One CSV cell: numbers stay numbers, None is empty, text a spreadsheet would run gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_response(filename, header, rows):
    """A small CSV attachment (the whole of it in memory) named `filename`: `header`, then `rows`, every cell safe.

    UTF-8 with a BOM, so that spreadsheet programs read the Cyrillic as UTF-8.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response


def export_queryset(decisions):
    """The decisions with what each row needs, fetched chunk by chunk (prefetches run per chunk)."""

    from .archive import policy_model
    from .models import DecisionDocument, DecisionPageTag

    return (
        decisions.select_related("amended_or_repealed_by")
        .defer("body", "amended_or_repealed_by__body")
        .prefetch_related(
            Prefetch("tagged_items", queryset=DecisionPageTag.objects.select_related("tag").order_by("tag__name")),
            # A public file names only public policies and files, whoever downloads it.
            Prefetch("related_policies",
                     queryset=visible(policy_model().objects).only("pk", "title").order_by("title")),
            Prefetch("documents", queryset=DecisionDocument.objects.select_related("document").exclude(
                document__collection_id__in=hidden_collection_ids())),
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )


def export_rows(decisions, archive_url, root_url):
    """One dict per decision, keyed by COLUMNS; `archive_url` and `root_url` make the addresses absolute."""
    for decision in export_queryset(decisions):
        changed_by = decision.amended_or_repealed_by
        yield {
            "number": decision.number,
            "kind": "order" if decision.is_order() else "decision",
            "issuing_body": decision.issuing_body,
            "date": decision.date.isoformat(),
            "session": decision.session,
            "title": decision.title,
            "status": decision.status,
            "amended_or_repealed_by": f"{archive_url}{changed_by.slug}/" if changed_by else None,
            "votes_for": decision.votes_for,
            "votes_against": decision.votes_against,
            "votes_abstained": decision.votes_abstained,
            # A decision's address is its archive's plus its slug: no per-row URL lookups.
            "url": f"{archive_url}{decision.slug}/",
            "tags": [item.tag.name for item in decision.tagged_items.all()],
            "policies": [policy.title for policy in decision.related_policies.all()],
            "documents": [root_url + item.document.url for item in decision.documents.all()],
        }


class Echo:
    """A file-like object that hands back what is written to it, for csv.writer inside a generator."""

    def write(self, value):
        return value


def csv_lines(rows):
    writer = csv.writer(Echo())
    yield "\ufeff"  # so that spreadsheet programs read the Cyrillic as UTF-8
    yield writer.writerow(COLUMNS)
    for row in rows:
        cells = ["; ".join(value) if isinstance(value, list) else value for value in (row[name] for name in COLUMNS)]
        yield writer.writerow([safe_cell(cell) for cell in cells])


def json_lines(rows):
    """A JSON array, one decision per line, written as it is read."""
    separator = "[\n"
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"


def export_response(archive, file_format, archive_url, request):
    """A streamed download of the archive's filtered list (`archive` from decisions.archive.filter_archive)."""
    root_url = archive_url[: archive_url.index("/", archive_url.index("//") + 2)]
    rows = export_rows(archive.all_decisions(), archive_url, root_url)
    if file_format == "csv":
        response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(json_lines(rows), content_type="application/json; charset=utf-8")
    named_by = [str(archive.params[key]) for key in ("year", "body", "status") if archive.params.get(key)]
    name = "-".join(["resheniya", *named_by])
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.{file_format}")
    return response
