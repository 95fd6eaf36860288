"""What a page needs to embed consultations: the route that receives their form, and the rule that it shows only its own."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .blocks import ConsultationBlock


class ConsultationPageMixin(RoutablePageMixin):
    """Mix into a page type whose body may hold consultation blocks (before `Page` in the bases).

    The page owns the POST of the forms in its blocks, and refuses to embed a consultation that
    belongs to another page: its proposals would be sent under the wrong draft.
    """

    def clean(self):
        super().clean()
        errors = {}
        for field_name, block in self.consultation_blocks():
            consultation = block.value["consultation"]
            if consultation is not None and consultation.policy_page_id != self.pk:
                errors.setdefault(field_name, []).append(ValidationError(
                    _("Консултацията „%(title)s“ принадлежи на друга страница. Изберете консултация на тази страница "
                      "или създайте нова за нея в „Обществени консултации → Консултации“."),
                    params={"title": consultation.title},
                ))
        if errors:
            raise ValidationError(errors)

    def consultation_blocks(self):
        """(field name, block) of every consultation block at the top level of the page's StreamFields."""
        from wagtail.fields import StreamField

        for field in self._meta.get_fields():
            if isinstance(field, StreamField):
                for child in getattr(self, field.name):
                    if isinstance(child.block, ConsultationBlock):
                        yield field.name, child

    @path("predlozhenie/", name="consultation_submission")
    def consultation_submission(self, request):
        """Receives a consultation form embedded in the body (the page owns the POST)."""
        from .views import receive_submission

        return receive_submission(request, self)
