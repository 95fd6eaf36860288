"""Monitoring reports: the administration's own text beside live data of the policies, under a reports index."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from botevgrad.public_tree import KnownRestrictions, visible

from .blocks import ReportStreamBlock

REPORTS_PER_PAGE = 20


class ReportIndexPage(KnownRestrictions, Page):
    """The list of monitoring reports, newest first."""

    intro = RichTextField(verbose_name=_("Въведение"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["reports.MonitoringReportPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Списък на отчетите")
        verbose_name_plural = _("Списъци на отчетите")

    def get_context(self, request, *args, **kwargs):
        from search.pagination import page_of

        context = super().get_context(request, *args, **kwargs)
        reports = visible(MonitoringReportPage.objects.child_of(self)).order_by("-report_date", "-pk")
        context["reports"], context["page_error"], context["page_status"] = page_of(reports, request, REPORTS_PER_PAGE)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An invalid (400) or missing (404) page number still gets the list with its message.
        response.status_code = response.context_data.get("page_status", 200)
        return response


class MonitoringReportPage(KnownRestrictions, Page):
    """A monitoring report: what the administration writes, with live progress, charts, evaluations and справки."""

    report_date = models.DateField(verbose_name=_("Дата на отчета"), default=timezone.localdate)
    period_covered = models.CharField(verbose_name=_("Отчетен период"), max_length=100,
                                      help_text=_("Напр. „2026, първо полугодие“."))
    summary = models.TextField(verbose_name=_("Резюме"), max_length=600,
                               help_text=_("Две-три изречения; показват се в списъка на отчетите и в търсенето."))
    body = StreamField(ReportStreamBlock(), verbose_name=_("Съдържание"), blank=True,
                       help_text=_("Вашият текст и блокове с живи данни: изпълнение на политика, графика на "
                                   "индикатор, обобщение на оценките, обобщение на справка."))

    content_panels = Page.content_panels + [
        FieldPanel("report_date"), FieldPanel("period_covered"), FieldPanel("summary"), FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2), index.SearchField("period_covered"), index.SearchField("body"),
    ]
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Отчет за мониторинг")
        verbose_name_plural = _("Отчети за мониторинг")

    def search_facets(self):
        """A report, dated by its report date, found under each policy its data blocks show."""
        return {"kind": "report", "date": self.report_date, "policies": sorted(self.policies_shown())}

    def policies_shown(self):
        """The ids of the policy pages whose live data the report shows."""
        ids = set()
        for child in self.body:
            page = child.block.data_page(child.value) if hasattr(child.block, "data_page") else None
            if page is not None:
                ids.add(page.pk)
        return ids
