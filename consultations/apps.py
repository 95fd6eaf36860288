from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Обществени консултации")

    def ready(self):
        from . import signals

        signals.connect()
