"""The home page, plain content pages and the municipality's contact details."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from botevgrad.page_cache import remembered_for_page
from botevgrad.public_tree import KnownRestrictions, visible
from consultations.models import Consultation
from decisions.models import DecisionIndexPage, DecisionPage
from policy_pages.blocks import ContentStreamBlock
from policy_pages.lifecycle import with_public_stage
from policy_pages.models import PolicyIndexPage, PolicyPage
from search.forms import EXAMPLE_QUERIES

LATEST_DECISIONS_ON_HOME = 5


class HomePage(KnownRestrictions, Page):
    """The front door: what is open for consultation, how the policies are doing, the latest decisions."""

    intro = RichTextField(verbose_name=_("Въведение"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "policy_pages.PolicyIndexPage",
        "consultations.ConsultationIndexPage",
        "decisions.DecisionIndexPage",
        "reports.ReportIndexPage",
        "surveys.SurveyPage",
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Начална страница")
        verbose_name_plural = _("Начални страници")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor until a write or a consultation's opening or closing changes it.
        context.update(remembered_for_page(request, self, "home-lists", self.listed))
        context["search_examples"] = EXAMPLE_QUERIES
        return context

    def listed(self):
        policies = list(with_public_stage(visible(PolicyPage.objects.descendant_of(self)).order_by("path")))
        return {
            "policies": policies,
            # Only what a live page really shows: an announcement must lead to a form people can use.
            "open_consultations": list(Consultation.objects.announced().open_now().filter(
                policy_page__in=[p.pk for p in policies]).select_related("policy_page")),
            "latest_decisions": list(visible(DecisionPage.objects.descendant_of(self)).order_by(
                "-date", "-number")[:LATEST_DECISIONS_ON_HOME]),
            "decision_index": visible(DecisionIndexPage.objects.child_of(self)).first(),
            "policy_index": visible(PolicyIndexPage.objects.child_of(self)).first(),
        }


class StandardPage(KnownRestrictions, Page):
    """A plain content page: about the project, good practices, the accessibility statement."""

    intro = models.TextField(verbose_name=_("Въведение"), blank=True, max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("Съдържание"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Страница със съдържание")
        verbose_name_plural = _("Страници със съдържание")


@register_setting(icon="site")
class MunicipalityContacts(BaseSiteSetting):
    """How to reach the municipality; shown in the footer of every page."""

    address = models.CharField(verbose_name=_("Адрес"), max_length=255, blank=True)
    phone = models.CharField(verbose_name=_("Телефон"), max_length=50, blank=True)
    email = models.EmailField(verbose_name=_("Електронна поща"), blank=True)
    working_hours = models.CharField(verbose_name=_("Работно време"), max_length=255, blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Декларация за достъпност"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Страницата, към която води връзката „Достъпност“ в долния колонтитул."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Уведомление за поверителност"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Страницата по чл. 13 от Общия регламент относно защитата на данните; към нея водят връзката "
            "„Поверителност“ в долния колонтитул и формулярът за предложения."
        ),
    )

    panels = [
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("working_hours"),
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("Контакти на общината")
