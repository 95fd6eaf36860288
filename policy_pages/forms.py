"""The policy list's filter: the tag asked for in the address."""

from search.forms import GetParametersForm, tag_field


class PolicyFilterForm(GetParametersForm):
    """Validates the policy list's GET parameters; the page turns an invalid one into a 400 with the message."""

    tag = tag_field()
