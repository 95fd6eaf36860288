"""The mean scores of an evaluation drawn on the server as horizontal bars (SVG), like the indicator charts.

Each bar has its label above it and its value written after it, so nothing depends on colour or on a
legend; the rows stack downwards, so the drawing stays readable on a 360 px phone (the stylesheet's
`.chart text` sizes apply). The page gives the same numbers as a table.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models.evaluation import HIGHEST_SCORE

WIDTH = 400
PLOT_RIGHT = 340  # the end of a bar of 5; the value is written after it
LINE = 20  # a line of text at the largest text size (16 units) with its spacing
BAR = 14
GAP = 10
HEADING = 24


@dataclass
class Bar:
    label: str
    value_text: str
    label_y: float
    y: float
    width: float


@dataclass
class Heading:
    text: str
    y: float


@dataclass
class BarChart:
    dom_id: str
    title: str
    description: str
    bars: list = field(default_factory=list)
    headings: list = field(default_factory=list)
    grid: list = field(default_factory=list)  # (x, score) of each whole score, labelled under the bars
    axis_y: float = 0
    width: int = WIDTH
    height: int = 0
    bar_height: int = BAR


def score_text(value):
    return number_format(value, decimal_pos=1, use_l10n=True) if value is not None else _("няма оценки")


def bar_chart(dom_id, title, groups):
    """`groups`: [(heading or "", [(label, mean or None), …]), …] from top to bottom."""
    chart = BarChart(dom_id=dom_id, title=title, description="")
    y = 4
    described = []
    for heading, bars in groups:
        if heading:
            chart.headings.append(Heading(text=heading, y=y + 16))
            y += HEADING
        for label, value in bars:
            chart.bars.append(Bar(
                label=label, value_text=score_text(value), label_y=y + 15, y=y + LINE,
                width=0 if value is None else float(value) / HIGHEST_SCORE * PLOT_RIGHT,
            ))
            described.append(f"{heading + ', ' if heading else ''}{label}: {score_text(value)}")
            y += LINE + BAR + GAP
    chart.axis_y = y + 12
    chart.height = int(y + LINE)
    chart.grid = [(score * PLOT_RIGHT / HIGHEST_SCORE, score) for score in range(1, HIGHEST_SCORE + 1)]
    chart.description = _("Средна оценка от 1 до 5. %(values)s.") % {"values": "; ".join(described)}
    return chart


def period_chart(results):
    """The mean of each criterion in one period."""
    return bar_chart(
        f"ocenka-{results.period.pk}-grafika",
        _("Средна оценка по критерии, %(period)s") % {"period": results.period.title},
        [("", [(criterion.name, criterion.mean) for criterion in results.criteria])],
    )


def trend_chart(trend, dom_id):
    """Each criterion's mean in each period with enough evaluations, criterion by criterion."""
    return bar_chart(
        dom_id,
        _("Средна оценка по периоди"),
        [(name, [(period.title, means[i]) for period, means in trend.rows]) for i, name in enumerate(trend.criteria)],
    )
