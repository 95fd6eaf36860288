"""Admin for surveys: moderating the text answers before they are public, in bulk, with the audit log.

The answers themselves are listed and exported by Wagtail's forms screens (SurveyPage's SurveyAnswersListView).
"""

import django_filters
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SurveyPage, SurveyTextAnswer, TextAnswerStatus


class TextAnswerFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Статус"), choices=TextAnswerStatus.choices)
    answer__page = django_filters.ModelChoiceFilter(label=_("Анкета"), queryset=SurveyPage.objects.all())

    class Meta:
        model = SurveyTextAnswer
        fields = ["status", "answer__page"]


class NobodyAddsPolicy(ModelPermissionPolicy):
    """Text answers come from residents only: not even an administrator adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(SurveyTextAnswer, NobodyAddsPolicy(SurveyTextAnswer))


class SurveyTextAnswerViewSet(SnippetViewSet):
    model = SurveyTextAnswer
    icon = "form"
    menu_label = _("Отговори от анкети")
    add_to_admin_menu = True
    menu_order = 310
    # The answer's beginning is the title column: it links to the answer, whole, with its status.
    list_display = ["__str__", "question_label", "status", "moderated_at"]
    list_per_page = 50
    filterset_class = TextAnswerFilterSet
    panels = [
        HelpPanel(template="surveys/admin/text_answer_help.html"),
        FieldPanel("status"),
    ]

    def get_queryset(self, request):
        return SurveyTextAnswer.objects.select_related("answer")


register_snippet(SurveyTextAnswerViewSet)


class ModerateTextAnswersBulkAction(SnippetBulkAction):
    models = [SurveyTextAnswer]
    new_status = None
    log_action = None

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        request = kwargs["self"].request
        count = 0
        with transaction.atomic():
            for answer in objects:
                answer.status = cls.new_status
                answer.moderated_at = timezone.now()
                answer.save(update_fields=["status", "moderated_at"])
                log(answer, cls.log_action, user=request.user)
                count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d отговор е обработен.", "%(count)d отговора са обработени.",
                        num_parent_objects) % {"count": num_parent_objects}


class PublishTextAnswersBulkAction(ModerateTextAnswersBulkAction):
    display_name = _("Публикувай")
    action_type = "publish_survey_text_answers"
    aria_label = _("Публикувай избраните отговори")
    new_status = TextAnswerStatus.PUBLISHED
    log_action = "surveys.publish"


class HideTextAnswersBulkAction(ModerateTextAnswersBulkAction):
    display_name = _("Скрий")
    action_type = "hide_survey_text_answers"
    aria_label = _("Скрий избраните отговори")
    new_status = TextAnswerStatus.HIDDEN
    log_action = "surveys.hide"
    classes = {"serious"}


hooks.register("register_bulk_action", PublishTextAnswersBulkAction)
hooks.register("register_bulk_action", HideTextAnswersBulkAction)


@hooks.register("register_log_actions")
def register_survey_log_actions(actions):
    actions.register_action("surveys.publish", _("Публикуване"), _("Публикуван отговор от анкета"))
    actions.register_action("surveys.hide", _("Скриване"), _("Скрит отговор от анкета"))
