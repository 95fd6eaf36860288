"""A chooser for indicators, which live inside policy pages and have no admin of their own, for report blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class PolicyColumnMixin:
    """Each indicator beside its policy: several policies measure alike things."""

    @property
    def columns(self):
        return super().columns + [Column("page", label=_("Политика"), accessor=lambda indicator: indicator.page.title)]


class IndicatorChooseView(PolicyColumnMixin, ChooseView):
    pass


class IndicatorChooseResultsView(PolicyColumnMixin, ChooseResultsView):
    pass


class IndicatorChooserViewSet(ChooserViewSet):
    model = "policy_pages.Indicator"
    icon = "table"
    choose_one_text = _("Изберете индикатор")
    choose_another_text = _("Изберете друг индикатор")
    page_title = _("Индикатори на политиките")
    choose_view_class = IndicatorChooseView
    choose_results_view_class = IndicatorChooseResultsView

    def get_object_list(self):
        from policy_pages.models import Indicator

        return Indicator.objects.select_related("page").order_by("page__title", "sort_order")


indicator_chooser_viewset = IndicatorChooserViewSet("indicator_chooser", url_prefix="reports/indicator-chooser")
IndicatorChooserBlock = indicator_chooser_viewset.get_block_class(
    name="IndicatorChooserBlock", module_path="reports.choosers")
