"""The policy editor's warning when the stage set by hand contradicts the facts the site holds."""

from wagtail.admin.panels import Panel


class StageWarningsPanel(Panel):
    """Shown next to the stage field: nothing when the stage agrees with the consultations, decision and measures."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "policy_pages/admin/stage_warnings.html"

        def get_context_data(self, parent_context=None):
            from .lifecycle import stage_warnings  # it reads the page models, which use this panel

            context = super().get_context_data(parent_context)
            context["warnings"] = stage_warnings(self.instance)
            return context
