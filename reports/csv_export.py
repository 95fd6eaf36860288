"""CSV downloads that spreadsheet programs open safely: UTF-8 with a BOM, and no text cell read as a formula."""

import csv
from decimal import Decimal

from django.http import HttpResponse
from django.utils.http import content_disposition_header

# A cell starting with one of these is read as a formula by spreadsheet programs (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """One cell as it may go into a CSV: numbers stay numbers, None is empty, and text that a spreadsheet
    would run as a formula (also after leading whitespace or line breaks) gets a leading apostrophe,
    which spreadsheets show as plain text."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_response(filename, header, rows):
    """An attachment named `filename` with `header` and then `rows` (sequences of values), every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response.write("\ufeff")  # so that spreadsheet programs read the Cyrillic as UTF-8
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response
