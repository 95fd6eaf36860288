"""Admin for the search: a report of the text taken out of each document, so editors see which files cannot be found.

A report (Reports menu) rather than a note on the document's edit page: Wagtail has no hook that adds to that
page, and overriding its template would break with the next Wagtail release.
"""

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .models import DocumentText

EDITOR_PERMISSIONS = ["add", "change"]


def document_permission_policy():
    return policy_registry.get_by_type(get_document_model())


class DocumentTextFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Състояние"), choices=DocumentText.Status.choices)

    class Meta:
        model = DocumentText
        fields = ["status"]


class DocumentTextReportView(ReportView):
    page_title = _("Текст на документите")
    header_icon = "doc-full-inverse"
    index_url_name = "search_document_text"
    index_results_url_name = "search_document_text_results"
    filterset_class = DocumentTextFilterSet
    is_searchable = True
    search_fields = ["document__title"]
    any_permission_required = EDITOR_PERMISSIONS
    columns = [
        TitleColumn("document", label=_("Документ"), accessor="document.title",
                    get_url=lambda row: reverse("wagtaildocs:edit", args=[row.document_id])),
        Column("status", label=_("Състояние"), accessor="get_status_display"),
        Column("message", label=_("Причина")),
        DateColumn("extracted_at", label=_("Извлечен на")),
    ]
    list_export = ["document.title", "get_status_display", "message", "extracted_at"]
    export_headings = {"document.title": _("Документ"), "get_status_display": _("Състояние"), "message": _("Причина"),
                       "extracted_at": _("Извлечен на")}

    @cached_property
    def permission_policy(self):
        return document_permission_policy()

    def get_queryset(self):
        # Only the documents of collections this editor may work on.
        documents = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, EDITOR_PERMISSIONS
        )
        return DocumentText.objects.filter(document__in=documents).select_related("document").order_by(
            "-document__created_at", "-document_id"
        )


class DocumentTextMenuItem(MenuItem):
    def is_shown(self, request):
        return document_permission_policy().user_has_any_permission(request.user, EDITOR_PERMISSIONS)


@hooks.register("register_admin_urls")
def register_document_text_report_urls():
    return [
        path("reports/document-text/", DocumentTextReportView.as_view(), name="search_document_text"),
        path("reports/document-text/results/", DocumentTextReportView.as_view(results_only=True),
             name="search_document_text_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_document_text_report_menu_item():
    return DocumentTextMenuItem(
        _("Текст на документите"), reverse("search_document_text"), name="document-text", icon_name="doc-full-inverse",
        order=900,
    )
