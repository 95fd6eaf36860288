"""The admin's list of a survey's answers (Wagtail's, for editors who may edit the survey) with a safe CSV."""

from wagtail.contrib.forms.views import SubmissionsListView

from decisions.export import safe_cell


class SurveyAnswersListView(SubmissionsListView):
    """Wagtail's CSV is plain UTF-8 with cells as typed: ours has the BOM spreadsheets need to read Cyrillic,
    and an answer that starts like a formula stays text (the rule of every CSV of the site, decisions/export.py)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)
