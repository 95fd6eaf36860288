"""Admin pieces of the reports: the indicator chooser their data blocks use."""

from wagtail import hooks

from .choosers import indicator_chooser_viewset


@hooks.register("register_admin_viewset")
def register_indicator_chooser():
    return indicator_chooser_viewset
