"""The years a dated list has anything in, read along its date index instead of a DISTINCT over every row."""

import datetime

from django.db.models import Exists, Subquery
from wagtail.models import Page


def years_with(dated):
    """The years `dated` (a queryset of rows with a `date`) has any row in, newest first.

    Not a DISTINCT over every row (at 100,000 decisions a join of all of them, 60 ms): the first and last
    dates, then one EXISTS a year, each stopping at its first row in the date index. Two queries, selected
    from the tree's root page, a row every Wagtail site has. Django takes about a millisecond to write each
    year's subquery: for a list that is not kept in a cache, a plain DISTINCT may cost less.
    """
    anchor = Page.objects.filter(depth=1).order_by("pk")[:1]
    dates = dated.exclude(date=None).order_by().values("date")
    bounds = anchor.values(first=Subquery(dates.order_by("date")[:1]), last=Subquery(dates.order_by("-date")[:1]))
    bounds = next(iter(bounds), None)
    if not bounds or bounds["first"] is None:
        return []
    candidates = range(bounds["last"].year, bounds["first"].year - 1, -1)
    found = next(iter(anchor.values(**{
        f"year_{year}": Exists(dated.filter(date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1)))
        for year in candidates
    })))
    return [year for year in candidates if found[f"year_{year}"]]
