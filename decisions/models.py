"""The archive of municipal council decisions and mayor's orders."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

DECISIONS_PER_PAGE = 20


class IssuingBody(models.TextChoices):
    COUNCIL = "council", _("Общински съвет – Ботевград")
    MAYOR = "mayor", _("Кмет на община Ботевград")


class DecisionIndexPage(Page):
    """The decisions archive: every decision, newest first, filterable by year."""

    intro = RichTextField(verbose_name=_("Въведение"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["decisions.DecisionPage"]

    class Meta:
        verbose_name = _("Архив на решенията")
        verbose_name_plural = _("Архиви на решенията")

    def decisions(self):
        return DecisionPage.objects.child_of(self).live().public().order_by("-date", "-number")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        decisions = self.decisions()
        years = list(decisions.annotate(year=ExtractYear("date")).values_list("year", flat=True).distinct().order_by("-year"))
        year = request.GET.get("year", "")
        selected_year = int(year) if year.isdigit() and int(year) in years else None
        if selected_year:
            decisions = decisions.filter(date__year=selected_year)
        page = Paginator(decisions, DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            decisions_page=page,
            years=years,
            selected_year=selected_year,
            pagination_query=f"year={selected_year}" if selected_year else "",
        )
        return context


class DecisionPageTag(TaggedItemBase):
    content_object = ParentalKey("decisions.DecisionPage", on_delete=models.CASCADE, related_name="tagged_items")


class DecisionPage(Page):
    """One decision or order: its number and date make its permanent address (/…/2025-123/)."""

    issuing_body = models.CharField(
        verbose_name=_("Орган"),
        max_length=20,
        choices=IssuingBody.choices,
        default=IssuingBody.COUNCIL,
    )
    number = models.PositiveIntegerField(
        verbose_name=_("Номер"),
        help_text=_("Номерът на решението или заповедта; заедно с годината образува постоянния адрес."),
    )
    date = models.DateField(verbose_name=_("Дата"), db_index=True)
    session = models.PositiveIntegerField(
        verbose_name=_("Протокол №"),
        null=True,
        blank=True,
        help_text=_("Номерът на протокола от заседанието на Общинския съвет; за заповеди оставете празно."),
    )
    body = RichTextField(verbose_name=_("Текст на решението"), features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"])
    related_policies = ParentalManyToManyField(
        "policy_pages.PolicyPage",
        verbose_name=_("Свързани политики"),
        related_name="related_decisions",
        blank=True,
    )
    tags = ClusterTaggableManager(through=DecisionPageTag, blank=True, verbose_name=_("Етикети"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("issuing_body"), FieldPanel("number"), FieldPanel("date"), FieldPanel("session")],
            heading=_("Реквизити"),
        ),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Приложени документи")),
        FieldPanel("related_policies"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("number"),
        index.FilterField("date"),
        index.FilterField("issuing_body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["decisions.DecisionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Решение")
        verbose_name_plural = _("Решения")
        constraints = [
            models.UniqueConstraint(
                "issuing_body", "number", ExtractYear("date"), name="decision_number_unique_per_body_and_year"
            ),
        ]

    def permanent_slug(self):
        """The slug that makes the decision's address: year and number, prefixed for orders."""
        prefix = "zapoved-" if self.issuing_body == IssuingBody.MAYOR else ""
        return f"{prefix}{self.date.year}-{self.number}"

    def clean(self):
        if self.date and self.number:
            self.slug = self.permanent_slug()
            duplicates = DecisionPage.objects.filter(
                issuing_body=self.issuing_body, number=self.number, date__year=self.date.year
            ).exclude(pk=self.pk)
            if duplicates.exists():
                raise ValidationError(
                    {"number": _("Вече има документ с този номер от %(year)s г.") % {"year": self.date.year}}
                )
        super().clean()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = self.documents.select_related("document")
        context["policies"] = self.related_policies.live().public()
        context["tags"] = self.tags.all()
        return context


class DecisionDocument(Orderable):
    """A file attached to a decision (the signed decision, annexes)."""

    page = ParentalKey(DecisionPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("Документ")
    )
    title = models.CharField(
        verbose_name=_("Наименование"),
        max_length=255,
        blank=True,
        help_text=_("Ако е празно, се показва заглавието на документа."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Приложен документ")
        verbose_name_plural = _("Приложени документи")
