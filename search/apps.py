from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Търсене")

    def ready(self):
        from . import document_signals

        document_signals.connect()

        from . import entry_signals

        entry_signals.connect()
