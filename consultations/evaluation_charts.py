"""Horizontal bar charts drawn on the server (SVG), like the indicator charts: the mean scores of an evaluation,
and the shares of the survey's answers (surveys/results.py).

Each bar has its label above it (wrapped onto several lines when long) and its value written after it, so
nothing depends on colour or on a legend; the rows stack downwards, so the drawing stays readable on a 360 px
phone (the stylesheet's `.chart text` sizes apply). The page gives the same numbers as a table.
"""

import textwrap
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models.evaluation import HIGHEST_SCORE

WIDTH = 400
PLOT_RIGHT = 340  # the end of a bar of 5; the value is written after it
LINE = 20  # a line of text at the largest text size (16 units) with its spacing
LABEL_CHARACTERS = 40  # what a line of 400 units holds at that size
BAR = 14
GAP = 10
HEADING = 24


@dataclass
class Bar:
    label_lines: list  # (text, y) of each line of the label
    value_text: str
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


def bar_chart(dom_id, title, groups, *, maximum=HIGHEST_SCORE, value_text=score_text, grid=None,
              plot_right=PLOT_RIGHT, describe=None):
    """`groups`: [(heading or "", [(label, value or None), …]), …] from top to bottom.

    A bar of `maximum` reaches `plot_right`; `grid` is [(value, its text), …] under the bars (the scores 1 to 5
    by default); `describe(values)` is the chart's text description from the joined "label: value" list.
    """
    chart = BarChart(dom_id=dom_id, title=title, description="")
    y = 4
    described = []
    for heading, bars in groups:
        if heading:
            chart.headings.append(Heading(text=heading, y=y + 16))
            y += HEADING
        for label, value in bars:
            lines = textwrap.wrap(str(label), LABEL_CHARACTERS) or [""]
            label_lines = [(line, y + 15 + i * LINE) for i, line in enumerate(lines)]
            y += (len(lines) - 1) * LINE
            chart.bars.append(Bar(
                label_lines=label_lines, value_text=value_text(value), y=y + LINE,
                width=0 if not value else float(value) / maximum * plot_right,
            ))
            described.append(f"{heading + ', ' if heading else ''}{label}: {value_text(value)}")
            y += LINE + BAR + GAP
    chart.axis_y = y + 12
    chart.height = int(y + LINE)
    if grid is None:
        grid = [(score, score) for score in range(1, HIGHEST_SCORE + 1)]
    chart.grid = [(value / maximum * plot_right, text) for value, text in grid]
    if describe is None:
        def describe(values):
            return _("Средна оценка от 1 до 5. %(values)s.") % {"values": values}
    chart.description = describe("; ".join(described))
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
