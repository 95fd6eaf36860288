"""Live data blocks editors put beside their own text in a monitoring report.

Each block shows the data as it is when the report is read, and only while the page the data belongs to is
public: a block on a draft, unpublished or view-restricted policy renders nothing at all. What a block shows is
remembered until a write to a public table or the next moment data changes with time alone (midnight, when a
measure becomes overdue; a period opening or closing): a report of many blocks then costs no query per block.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from botevgrad.public_tree import visible
from botevgrad.page_cache import remembered_until_next_change
from policy_pages.blocks import ContentStreamBlock

from .choosers import IndicatorChooserBlock


def is_public(page):
    from wagtail.models import Page

    return page is not None and visible(Page.objects).filter(pk=page.pk).exists()


class LiveDataBlock(blocks.StructBlock):
    """A block whose context is the data of a public policy page, or `hidden` when that page is not public."""

    chosen = None  # the name of the child block choosing what the block shows

    def data_page(self, value):
        raise NotImplementedError

    def data_context(self, value):
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = value[self.chosen]
        parts = (type(self).__name__, chosen.pk if chosen else None)
        context.update(remembered_until_next_change("report-block", parts, lambda: self.shown(value)))
        return context

    def shown(self, value):
        page = self.data_page(value)
        if not is_public(page):
            return {"hidden": True}
        return {"hidden": False, "policy": page, **self.data_context(value)}


class PolicyProgressBlock(LiveDataBlock):
    policy = blocks.PageChooserBlock(page_type="policy_pages.PolicyPage", label=_("Политика"))
    heading = blocks.CharBlock(label=_("Заглавие"), required=False,
                               help_text=_("Ако е празно: „Изпълнение на <политиката>“."))

    chosen = "policy"

    class Meta:
        icon = "tasks"
        label = _("Изпълнение на политика (живи данни)")
        template = "reports/blocks/policy_progress_block.html"

    def data_page(self, value):
        return value["policy"].specific if value["policy"] else None

    def data_context(self, value):
        from policy_pages.models.measures import MeasureStatus, overall_progress, public_measures

        measures = public_measures(self.data_page(value))
        counts = {status: 0 for status in MeasureStatus}
        for measure in measures:
            counts[MeasureStatus(measure.status)] += 1
        return {
            "measures": measures,
            "overall_progress": overall_progress(measures),
            "status_counts": [(status.label, count) for status, count in counts.items() if count],
            "overdue": [measure for measure in measures if measure.is_overdue()],
        }


class IndicatorChartBlock(LiveDataBlock):
    indicator = IndicatorChooserBlock(label=_("Индикатор"))

    chosen = "indicator"

    class Meta:
        icon = "table"
        label = _("Графика на индикатор (живи данни)")
        template = "reports/blocks/indicator_chart_block.html"

    def data_page(self, value):
        return value["indicator"].page if value["indicator"] else None

    def data_context(self, value):
        from policy_pages.charts import indicator_chart
        from policy_pages.models.indicators import public_indicators

        page = self.data_page(value)
        indicator = next((i for i in public_indicators(page) if i.pk == value["indicator"].pk), None)
        return {"indicator": indicator, "chart": indicator_chart(indicator) if indicator else None}


class EvaluationSummaryBlock(LiveDataBlock):
    period = SnippetChooserBlock("consultations.EvaluationPeriod", label=_("Период за оценка"))

    chosen = "period"

    class Meta:
        icon = "success"
        label = _("Обобщение на оценките за период (живи данни)")
        template = "reports/blocks/evaluation_summary_block.html"

    def data_page(self, value):
        return value["period"].policy_page if value["period"] else None

    def data_context(self, value):
        from consultations.evaluation_charts import period_chart
        from consultations.evaluation_results import PolicyEvaluations, threshold

        results = PolicyEvaluations(self.data_page(value)).for_period(value["period"].pk)
        return {"results": results, "threshold": threshold(),
                "results_chart": period_chart(results) if results.enough else None}


class ConsultationSummaryBlock(LiveDataBlock):
    consultation = SnippetChooserBlock("consultations.Consultation", label=_("Консултация"))

    chosen = "consultation"

    class Meta:
        icon = "form"
        label = _("Обобщение на справка от консултация (живи данни)")
        template = "reports/blocks/consultation_summary_block.html"

    def data_page(self, value):
        return value["consultation"].policy_page if value["consultation"] else None

    def data_context(self, value):
        from consultations.models import Answer

        consultation = value["consultation"]
        answers = dict(consultation.counted_submissions().values_list("answer").annotate(n=Count("pk")).order_by())
        return {
            "consultation": consultation,
            "published": consultation.report_is_published(),
            "total": sum(answers.values()),
            "answers": [(label, answers.get(answer, 0)) for answer, label in Answer.choices],
            "unanswered": answers.get("", 0),
        }


class ReportStreamBlock(ContentStreamBlock):
    """A report's body: the content blocks and the live data blocks."""

    policy_progress = PolicyProgressBlock()
    indicator_chart = IndicatorChartBlock()
    evaluation_summary = EvaluationSummaryBlock()
    consultation_summary = ConsultationSummaryBlock()
