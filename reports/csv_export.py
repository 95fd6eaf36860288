"""CSV downloads that spreadsheet programs open safely: UTF-8 with a BOM, and no text cell read as a formula."""

import csv

from django.http import HttpResponse
from django.utils.http import content_disposition_header

# The one rule for CSV cells lives with the decisions archive's export (reports sits above decisions).
from decisions.export import safe_cell


def csv_response(filename, header, rows):
    """An attachment named `filename` with `header` and then `rows` (sequences of values), every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response.write("\ufeff")  # so that spreadsheet programs read the Cyrillic as UTF-8
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response
