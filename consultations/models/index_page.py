"""The page that lists every consultation (open, upcoming, closed) and offers them as a feed."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from botevgrad.public_tree import KnownRestrictions

from .consultation import Consultation


class ConsultationIndexPage(KnownRestrictions, RoutablePageMixin, Page):
    """Lists open, upcoming and closed consultations with their policy; RSS and Atom feeds of them."""

    intro = RichTextField(verbose_name=_("Въведение"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Списък на консултациите")
        verbose_name_plural = _("Списъци на консултациите")

    def public_consultations(self):
        """Consultations that a live, public page shows: what the list and the feeds announce."""
        return Consultation.objects.announced().select_related("policy_page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        consultations = self.public_consultations()
        context.update(
            open_consultations=consultations.open_now(now).order_by("closes_at"),
            upcoming_consultations=consultations.upcoming(now).order_by("opens_at"),
            # A closed consultation stays listed while its page is public, for its справка.
            closed_consultations=Consultation.objects.visible().closed(now).select_related("policy_page")
            .order_by("-closes_at"),
        )
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from ..feeds import ConsultationsRssFeed

        return ConsultationsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from ..feeds import ConsultationsAtomFeed

        return ConsultationsAtomFeed(self)(request)
