"""Admin for consultations: consultations and submissions as snippets, bulk moderation, publishing the справка.

Snippets rather than wagtail-modeladmin: moderation needs bulk actions with a reason and
entries in Wagtail's audit log, which SnippetViewSet has and modeladmin does not.
"""

import django_filters
from django.db import models, transaction
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import (
    AddressedToPanel,
    ConsultationAdminForm,
    EvaluationPeriodAdminForm,
    ModerationReasonForm,
    SubmissionAdminForm,
)
from .admin_views import (
    ConsultationChooserViewSet,
    EvaluationPeriodChooserViewSet,
    EvaluationPeriodCreateView,
    SubmissionDeleteView,
    publish_report,
)
from .erasure_views import PERMISSION as ERASURE_PERMISSION
from .erasure_views import erase_participant
from .models import (
    Channel,
    Consultation,
    EvaluationPeriod,
    StakeholderType,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)


class SubmissionFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=SubmissionKind.choices)
    status = django_filters.ChoiceFilter(label=_("Статус"), choices=SubmissionStatus.choices)
    stakeholder_type = django_filters.ChoiceFilter(label=_("Заинтересована страна"), choices=StakeholderType.choices)
    channel = django_filters.ChoiceFilter(label=_("Канал"), choices=Channel.choices)

    class Meta:
        model = Submission
        fields = ["consultation", "kind", "status", "stakeholder_type", "channel"]


class TextColumn(Column):
    """The beginning of the proposal's text, so moderators see what they approve or hide."""

    def get_value(self, instance):
        return truncatechars(" ".join(instance.text.split()), 160)


class AddressedToColumn(Column):
    def get_value(self, instance):
        return instance.addressed_to()


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "comment"
    menu_label = _("Предложения и препоръки")
    list_display = [
        "__str__", TextColumn("text", label=_("Текст")), AddressedToColumn("consultation", label=_("Към")), "kind",
        "status", "stakeholder_type", "channel", "answer", "created_at",
    ]
    delete_view_class = SubmissionDeleteView

    def get_queryset(self, request):
        return Submission.objects.select_related("consultation", "evaluation__period__policy_page")
    delete_template_name = "consultations/admin/confirm_delete_submission.html"
    list_per_page = 50
    filterset_class = SubmissionFilterSet
    ordering = ["-created_at"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    AddressedToPanel(),
                    FieldPanel("consultation"),
                    FieldPanel("kind"),
                    FieldPanel("section_title"),
                    FieldPanel("text"),
                    MultiFieldPanel(
                        [FieldPanel("author_name"),
                         FieldPanel("email", permission="consultations.view_participant_email"),
                         FieldPanel("stakeholder_type"),
                         FieldPanel("organisation"), FieldPanel("publish_name")],
                        heading=_("Автор"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("channel"), FieldPanel("registry_number"), FieldPanel("created_at")],
                        heading=_("Получаване"),
                    ),
                ],
                heading=_("Предложение"),
            ),
            ObjectList([FieldPanel("status"), FieldPanel("moderation_reason")], heading=_("Модерация")),
            ObjectList([FieldPanel("answer"), FieldPanel("answer_reason")], heading=_("Официален отговор")),
        ],
        base_form_class=SubmissionAdminForm,
    )


class PageStateColumn(Column):
    """Whether people can find and use the consultation, and if not, what the editor still has to do."""

    def get_value(self, instance):
        if instance.shown_on_page and instance.policy_page.live:
            return _("Показана на страницата")
        return _("Не се вижда: добавете блок „Обществена консултация“ на страницата „%(page)s“ и я публикувайте") % {
            "page": instance.policy_page.title}


class ConsultationViewSet(SnippetViewSet):
    model = Consultation
    icon = "form"
    menu_label = _("Консултации")
    list_display = [
        "title", "policy_page", PageStateColumn("shown_on_page", label=_("На сайта")), "opens_at", "closes_at",
        "report_published_at",
    ]
    search_fields = ["title"]
    chooser_viewset_class = ConsultationChooserViewSet
    edit_handler = ObjectList([
        FieldPanel("policy_page"),
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("shortened_period_reason")],
            heading=_("Срок"),
        ),
        MultiFieldPanel(
            [FieldPanel("draft_document"), FieldPanel("motives_document"), FieldPanel("impact_assessment_document")],
            heading=_("Документи"),
        ),
        FieldPanel("publication"),
        FieldPanel("confirm_backdated"),
    ], base_form_class=ConsultationAdminForm)

    def get_queryset(self, request):
        return Consultation.objects.select_related("policy_page")


class EvaluationCountColumn(Column):
    def get_value(self, instance):
        return instance.counted_evaluations


class EvaluationPeriodViewSet(SnippetViewSet):
    model = EvaluationPeriod
    icon = "success"
    menu_label = _("Периоди за оценка")
    list_display = ["title", "policy_page", "opens_at", "closes_at",
                    EvaluationCountColumn("counted_evaluations", label=_("Отчетени оценки"))]
    search_fields = ["title"]
    add_view_class = EvaluationPeriodCreateView
    chooser_viewset_class = EvaluationPeriodChooserViewSet
    edit_handler = ObjectList([
        FieldPanel("policy_page"),
        FieldPanel("title"),
        MultiFieldPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Срок")),
        InlinePanel("criteria", heading=_("Критерии"), label=_("Критерий"), min_num=1, max_num=10,
                    help_text=_("Какво оценяват хората, от 1 до 5. Оценяван критерий не може да бъде премахнат.")),
    ], base_form_class=EvaluationPeriodAdminForm)

    def get_queryset(self, request):
        return EvaluationPeriod.objects.select_related("policy_page").annotate(
            counted_evaluations=models.Count("evaluations", filter=models.Q(evaluations__status="counted")))


class ConsultationsGroup(SnippetViewSetGroup):
    items = (ConsultationViewSet, SubmissionViewSet, EvaluationPeriodViewSet)
    menu_icon = "form"
    menu_label = _("Обществени консултации")
    menu_name = "consultations"


register_snippet(ConsultationsGroup)


class ModerateSubmissionsBulkAction(SnippetBulkAction):
    """Sets the status of the chosen submissions, with the reason in each one's audit log."""

    models = [Submission]
    form_class = ModerationReasonForm
    template_name = "consultations/admin/confirm_bulk_moderation.html"
    new_status = None
    log_action = None

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        reason = kwargs["self"].cleaned_form.cleaned_data["reason"]
        count = 0
        with transaction.atomic():
            for submission in objects:
                if submission.status == SubmissionStatus.UNCONFIRMED:
                    continue  # not confirmed by its author: not for moderators to publish or hide
                submission.status = cls.new_status
                submission.moderation_reason = reason
                submission.save(update_fields=["status", "moderation_reason"])
                log(submission, cls.log_action, user=kwargs["self"].request.user, data={"reason": reason})
                count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d предложение е обработено.", "%(count)d предложения са обработени.",
                        num_parent_objects) % {"count": num_parent_objects}


class ApproveSubmissionsBulkAction(ModerateSubmissionsBulkAction):
    display_name = _("Одобри")
    action_type = "approve_submissions"
    aria_label = _("Одобри избраните предложения")
    new_status = SubmissionStatus.APPROVED
    log_action = "consultations.approve"


class HideSubmissionsBulkAction(ModerateSubmissionsBulkAction):
    display_name = _("Скрий")
    action_type = "hide_submissions"
    aria_label = _("Скрий избраните предложения")
    new_status = SubmissionStatus.HIDDEN
    log_action = "consultations.hide"
    classes = {"serious"}


class DeleteSubmissionsBulkAction(ModerateSubmissionsBulkAction):
    """Replaces Wagtail's bulk delete for proposals: administrators only, with the reason in the log."""

    display_name = _("Изтрий")
    action_type = "delete"
    aria_label = _("Изтрий избраните предложения")
    classes = {"serious"}

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "delete", obj)

    @classmethod
    def user_may_use(cls, user):
        """Whether the listing shows the button at all (site/templates/wagtailadmin/bulk_actions/footer.html)."""
        return user.has_perm(get_permission_name("delete", Submission))

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        request = kwargs["self"].request
        reason = kwargs["self"].cleaned_form.cleaned_data["reason"]
        count = 0
        with transaction.atomic():
            for submission in objects:
                log(submission, "consultations.delete", user=request.user,
                    data={"reason": reason, "text": submission.text[:500]})
                submission.delete()
                count += 1
        return count, 0


hooks.register("register_bulk_action", ApproveSubmissionsBulkAction)
hooks.register("register_bulk_action", HideSubmissionsBulkAction)
# After Wagtail's own snippet bulk delete (order 0), so this one takes its place for proposals.
hooks.register("register_bulk_action", DeleteSubmissionsBulkAction, order=100)


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    actions.register_action("consultations.approve", _("Одобряване"), _("Одобрено предложение"))
    actions.register_action("consultations.hide", _("Скриване"), _("Скрито предложение"))
    actions.register_action("consultations.publish_report", _("Публикуване на справка"), _("Публикувана справка"))
    actions.register_action("consultations.delete", _("Изтриване"), _("Изтрито предложение"))
    actions.register_action("consultations.erase_participant", _("Изтриване на лични данни"),
                            _("Изтрити лични данни на участник"))


class WaitingForModerationPanel(Component):
    """On the dashboard: how many proposals wait for moderation or an answer, per consultation."""

    name = "consultations_waiting"
    template_name = "consultations/admin/waiting_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        counted = models.Q(submissions__status__in=[SubmissionStatus.PENDING, SubmissionStatus.APPROVED])
        context["consultations"] = [
            c for c in Consultation.objects.annotate(
                pending=models.Count("submissions", filter=models.Q(submissions__status=SubmissionStatus.PENDING)),
                unanswered=models.Count("submissions", filter=counted & models.Q(submissions__answer="")),
            ).filter(models.Q(pending__gt=0) | models.Q(unanswered__gt=0)).order_by("closes_at")
        ]
        context["submissions_url"] = reverse(Submission.snippet_viewset.get_url_name("list"))
        return context


@hooks.register("construct_homepage_panels")
def add_waiting_for_moderation_panel(request, panels):
    if request.user.has_perm(get_permission_name("change", Submission)):
        panels.append(WaitingForModerationPanel())


@hooks.register("register_admin_urls")
def register_consultation_admin_urls():
    return [
        path("consultations/<int:pk>/publish-report/", publish_report, name="consultations_publish_report"),
        path("participants/erase/", erase_participant, name="consultations_erase_participant"),
    ]


class ErasureMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ERASURE_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return ErasureMenuItem(_("Изтриване на лични данни"), reverse("consultations_erase_participant"),
                           name="erase-participant", icon_name="bin", order=900)


@hooks.register("register_snippet_listing_buttons")
def publish_report_button(snippet, user, next_url=None):
    if isinstance(snippet, Consultation) and not snippet.report_is_published() and not snippet.is_open():
        yield ListingButton(
            _("Публикувай справката"),
            reverse("consultations_publish_report", args=[snippet.pk]),
            icon_name="doc-full",
            priority=20,
        )
