"""The lifecycle of a municipal policy."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PolicyStage(models.TextChoices):
    """The lifecycle of a municipal policy, in the order it goes through."""

    DRAFT = "draft", _("Проект")
    CONSULTATION = "consultation", _("Обществено обсъждане")
    ADOPTED = "adopted", _("Приета")
    IMPLEMENTATION = "implementation", _("Изпълнение")
    EVALUATED = "evaluated", _("Оценена")
