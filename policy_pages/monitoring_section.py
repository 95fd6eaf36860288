"""A policy page's measures and indicators, rendered once and remembered until what they show can change.

Fifty measures with their history and five charts take a few hundred milliseconds to render, on every visit. They
change only when the page is published again (measures and indicators are part of its revision), when a linked
decision or document becomes public or stops being so (botevgrad.remembered's PUBLIC_PAGES is forgotten then), or
when a day passes (a measure falls overdue). So the HTML of the two sections, and the few numbers the golden thread
takes from them, are remembered under PUBLIC_PAGES with the live revision, the host and the date in the key. A
preview renders the draft's own measures, never what is remembered.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from botevgrad.remembered import PUBLIC_PAGES

from .charts import indicator_chart
from .models.indicators import public_indicators
from .models.measures import overall_progress, public_measures


@dataclass
class MonitoringSection:
    html: str
    measure_count: int = 0
    overall_progress: int | None = None
    first_start: object = None  # the earliest start of a measure
    indicator_count: int = 0
    last_measured: object = None  # the latest measured value's date


def build(page, request):
    measures = public_measures(page)
    indicators = public_indicators(page)
    context = {
        "page": page, "request": request, "measures": measures, "overall_progress": overall_progress(measures),
        "overdue_count": sum(measure.is_overdue() for measure in measures),
        "indicator_charts": [(indicator, indicator_chart(indicator)) for indicator in indicators],
    }
    html = ""
    if measures:
        html += render_to_string("policy_pages/includes/measures.html", context, request=request)
    if indicators:
        html += render_to_string("policy_pages/includes/indicators.html", context, request=request)
    starts = [measure.starts_on for measure in measures if measure.starts_on]
    measured = [value.measured_on for indicator in indicators for value in indicator.values.all()]
    return MonitoringSection(
        html=html, measure_count=len(measures), overall_progress=context["overall_progress"],
        first_start=min(starts, default=None), indicator_count=len(indicators),
        last_measured=max(measured, default=None),
    )


def monitoring_section(page, request):
    if getattr(request, "is_preview", False):
        section = build(page, request)
    else:
        parts = (page.pk, page.live_revision_id, request.get_host(), timezone.localdate())
        section = PUBLIC_PAGES.remembered("policy-monitoring", parts, lambda: build(page, request))
    section.html = mark_safe(section.html)  # noqa: S308 - rendered by our own templates above
    return section
