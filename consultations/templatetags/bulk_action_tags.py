"""The bulk-action buttons a user may use: Wagtail lists every registered action to everyone."""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name):
    """Like Wagtail's bulk_action_choices, without the actions whose `user_may_use(user)` says no."""
    choices = bulk_action_choices(context, app_label, model_name)
    user = context["request"].user
    refused = {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])
        for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
        if hasattr(action, "user_may_use") and not action.user_may_use(user)
    }
    choices["buttons"] = [button for button in choices["buttons"] if getattr(button, "url", None) not in refused]
    return choices
