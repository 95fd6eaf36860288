"""What a page needs to embed participation blocks: the routes that receive their forms, and the rules of placing them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .blocks import ConsultationBlock, EvaluationBlock, ParticipationBlock, blocks_in_fields


class ParticipationPageMixin(RoutablePageMixin):
    """Mix into a page type whose body may hold participation blocks (before `Page` in the bases).

    The page owns the POST of the forms in its blocks (a block has no URL of its own), one route per
    kind of block, and refuses on saving a block that cannot be on it. Its template renders each
    block with its id: `{% include_block block with block_id=block.id %}`.
    """

    def participation_blocks(self, block_class=ParticipationBlock):
        """(field name, block) of every block of `block_class` at the top level of the page's StreamFields."""
        return blocks_in_fields(self, block_class)

    def participation_block(self, block_id, block_class):
        """The block of `block_class` with this id, or None: a POST names its block, which may be forged."""
        return next(
            (child for _field, child in self.participation_blocks(block_class) if block_id and child.id == block_id),
            None,
        )

    def clean(self):
        super().clean()
        errors = {}
        for field_name, child in self.participation_blocks():
            for message in child.block.errors_on_page(child.value, self):
                errors.setdefault(field_name, []).append(ValidationError(message))
        # One consultation or period, one block: its messages, anchors and form must not appear twice.
        for block_class, key, message in (
            (ConsultationBlock, "consultation",
             _("Консултацията „%(title)s“ е добавена повече от веднъж. Оставете един блок за нея.")),
            (EvaluationBlock, "period",
             _("Периодът за оценка „%(title)s“ е добавен повече от веднъж. Оставете един блок за него.")),
        ):
            seen = set()
            for field_name, child in self.participation_blocks(block_class):
                chosen = child.value[key]
                if chosen is not None and chosen.pk in seen:
                    errors.setdefault(field_name, []).append(
                        ValidationError(message, params={"title": chosen.title}))
                elif chosen is not None:
                    seen.add(chosen.pk)
        if errors:
            raise ValidationError(errors)

    @path("predlozhenie/", name="consultation_submission")
    def consultation_submission(self, request):
        """Receives the form of a consultation block on this page."""
        from .views import receive_submission

        return receive_submission(request, self)

    @path("ocenka/", name="policy_evaluation")
    def policy_evaluation(self, request):
        """Receives the form of an evaluation block on this page."""
        from .evaluation_views import receive_evaluation

        return receive_evaluation(request, self)
