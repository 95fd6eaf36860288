from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyPagesConfig(AppConfig):
    name = "policy_pages"
    verbose_name = _("Политики")

    def ready(self):
        from botevgrad.remembered import PUBLIC_PAGES, forget_on_changes

        # The policy page's remembered measures and indicators (monitoring_section.py) follow these rows however
        # they change: publishing the page, the demo, a script.
        forget_on_changes(PUBLIC_PAGES, [self.get_model(name) for name in (
            "Measure", "MeasureUpdate", "MeasureDecision", "MeasureDocument", "Indicator", "IndicatorValue")],
            "policy-monitoring")
