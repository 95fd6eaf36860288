"""Indicator charts drawn on the server as SVG: the measured values as a line, against the baseline and the target.

No JavaScript and no charting library: a few dozen points need only scales, ticks and a path. The
SVG scales to its container (viewBox, 400 units wide); the stylesheet sets its text size in those units,
larger on a narrow screen, so that a 360 px phone shows it at about 13 px. Every chart has a title and a description (role="img"), uses presentation
attributes only (no inline style, so a strict CSP holds), tells the lines apart by dash pattern as well
as colour (print, colour blindness), and the page gives its values as a table as well.
"""

import datetime
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from .models.indicators import Direction, plain_number

WIDTH, HEIGHT = 400, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 24, 36
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
Y_TICKS = 4
# Labels of the time axis ("03.2025") are about this wide at the largest text size: closer ticks are dropped.
X_LABEL_WIDTH = 66
# The first and last measurements stand this far inside the axis, so that their labels fit under them.
INSET = 32
# A lone measurement is drawn in the middle of a year around it.
LONE_VALUE_SPAN = datetime.timedelta(days=183)


def quantity(value, unit):
    """A value as the page writes it: Bulgarian decimal comma, grouped thousands, its unit after a no-break space."""
    number = number_format(plain_number(value), use_l10n=True, force_grouping=True)
    return f"{number}\xa0{unit}" if unit else number


def month(day):
    return date_format(day, "m.Y")


@dataclass
class Point:
    x: float
    y: float
    label: str


@dataclass
class ReferenceLine:
    """The baseline or the target: a dashed horizontal line with its label above it (or below, if crowded)."""

    kind: str
    y: float
    label: str
    label_y: float = 0.0
    anchor: str = "start"
    label_x: float = LEFT + 4


@dataclass
class Chart:
    dom_id: str  # unique on the page: the title's and description's ids derive from it
    title: str
    description: str
    points: list = field(default_factory=list)
    path: str = ""
    y_ticks: list = field(default_factory=list)  # (y, label)
    x_ticks: list = field(default_factory=list)  # (x, label)
    lines: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def nice_step(span, count):
    """A round step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` into about `count` parts."""
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude * (1 + 1e-9):
            return factor * magnitude
    return 10 * magnitude


def value_scale(numbers):
    """The value axis: its round bounds and ticks, from 0 when that keeps the values in the upper half."""
    low, high = min(numbers), max(numbers)
    if low == high:
        padding = abs(low) * 0.1 or 1
        low, high = low - padding, high + padding
    if 0 < low < high - low:
        low = 0.0
    step = nice_step(high - low, Y_TICKS)
    start, end = math.floor(low / step) * step, math.ceil(high / step) * step
    ticks = []
    tick = start
    while tick <= end + step / 2:
        ticks.append(round(tick, 10))
        tick += step
    return start, end, ticks


def time_ticks(dates, position):
    """A label under each measurement, the latest first kept when they crowd: its year for a yearly series."""
    yearly = len({(day.month, day.day) for day in dates}) == 1
    kept = []
    for day in sorted(set(dates), reverse=True):
        x = position(day)
        if not kept or kept[-1][0] - x >= X_LABEL_WIDTH:
            kept.append((x, str(day.year) if yearly else month(day)))
    return kept[::-1]


def reference_lines(indicator, y_of):
    lines = []
    if indicator.has_baseline:
        lines.append(ReferenceLine("baseline", y_of(indicator.baseline_value), _("Изходно ниво (%(year)s): %(value)s") % {
            "year": indicator.baseline_year, "value": quantity(indicator.baseline_value, indicator.unit)}))
    if indicator.has_target:
        lines.append(ReferenceLine("target", y_of(indicator.target_value), _("Цел (%(year)s): %(value)s") % {
            "year": indicator.target_year, "value": quantity(indicator.target_value, indicator.unit)},
            anchor="end", label_x=WIDTH - RIGHT - 4))
    for line in lines:
        line.label_y = line.y - 5
    if len(lines) == 2 and abs(lines[0].y - lines[1].y) < 20:
        # Close together: the lower line's label goes under it.
        lower = max(lines, key=lambda line: line.y)
        lower.label_y = lower.y + 17
    for line in lines:
        # Within the drawing: above the plot's top edge there is room for one line of text.
        line.label_y = min(max(line.label_y, 12), HEIGHT - BOTTOM - 3)
    return lines


def description(indicator, values):
    parts = []
    if values:
        numbers = [value.value for value in values]
        parts.append(_("%(count)s измервания от %(first)s до %(last)s, от %(low)s до %(high)s.") % {
            "count": len(values), "first": month(values[0].measured_on), "last": month(values[-1].measured_on),
            "low": quantity(min(numbers), indicator.unit), "high": quantity(max(numbers), indicator.unit),
        } if len(values) > 1 else _("Едно измерване, %(date)s: %(value)s.") % {
            "date": date_format(values[0].measured_on, "d.m.Y"), "value": quantity(values[0].value, indicator.unit)})
        parts.append(_("Последна стойност: %(value)s.") % {"value": quantity(values[-1].value, indicator.unit)})
    else:
        parts.append(_("Все още няма измерени стойности."))
    if indicator.has_baseline:
        parts.append(_("Изходно ниво през %(year)s: %(value)s.") % {
            "year": indicator.baseline_year, "value": quantity(indicator.baseline_value, indicator.unit)})
    if indicator.has_target:
        parts.append(_("Цел до %(year)s: %(value)s.") % {
            "year": indicator.target_year, "value": quantity(indicator.target_value, indicator.unit)})
    parts.append(str(Direction(indicator.direction).label) + ".")
    return " ".join(parts)


def indicator_chart(indicator):
    """The chart of an indicator's values (prefetched in date order); None when nothing has been measured."""
    values = list(indicator.values.all())
    if not values:
        return None
    numbers = [float(value.value) for value in values]
    numbers += [float(reference) for reference in (indicator.baseline_value, indicator.target_value)
                if reference is not None]
    low, high, ticks = value_scale(numbers)

    def y_of(number):
        return round(TOP + PLOT_HEIGHT - (float(number) - low) / (high - low) * PLOT_HEIGHT, 1)

    first, last = values[0].measured_on, values[-1].measured_on
    if first == last:
        first, last = first - LONE_VALUE_SPAN, last + LONE_VALUE_SPAN
    days = (last - first).days

    def x_of(day):
        return round(LEFT + INSET + (day - first).days / days * (PLOT_WIDTH - 2 * INSET), 1)

    points = [Point(x_of(value.measured_on), y_of(value.value),
                    f"{date_format(value.measured_on, 'd.m.Y')}: {quantity(value.value, indicator.unit)}")
              for value in values]
    return Chart(
        dom_id=f"indikator-{indicator.pk}-grafika",
        title=f"{indicator.name} ({indicator.unit})" if indicator.unit else indicator.name,
        description=description(indicator, values),
        points=points,
        path=" ".join(f"{'M' if index == 0 else 'L'}{point.x},{point.y}" for index, point in enumerate(points)),
        y_ticks=[(y_of(tick), quantity(Decimal(str(tick)), "")) for tick in ticks],
        x_ticks=time_ticks([value.measured_on for value in values], x_of),
        lines=reference_lines(indicator, y_of),
    )
