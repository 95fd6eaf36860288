"""The policy list's filter: the tag asked for in the address."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PolicyFilterForm(forms.Form):
    """Validates the policy list's GET parameters; the page turns an invalid one into a 400 with the message."""

    tag = forms.SlugField(
        required=False,
        max_length=100,
        allow_unicode=True,
        error_messages={
            "invalid": _("Етикетът в адреса е неправилен."),
            "max_length": _("Етикетът в адреса е твърде дълъг."),
        },
    )

    def error_messages_list(self):
        """Every error as one sentence, in field order, for the summary at the top of the page."""
        return [message for field in self for message in field.errors]
