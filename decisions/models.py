"""The archive of municipal council decisions and mayor's orders."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .forms import DecisionFilterForm

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
        context.update(self.filtered_decisions(DecisionFilterForm(request.GET)))
        return context

    def filtered_decisions(self, form):
        """The archive as the filter asks for it, with `filter_status` 400 for invalid input and 404 for what does not exist.

        Never falls back to a different list than the one asked for: the page says what was wrong instead.
        """
        result = {"filter_form": form, "filter_status": 200, "filter_errors": [], "decisions_page": None, "years": []}
        if not form.is_valid():
            result.update(filter_status=400, filter_errors=form.error_messages_list())
            return result
        year, tag_slug, number = (form.cleaned_data[name] for name in ("year", "tag", "page"))
        decisions = self.decisions()
        tag = None
        if tag_slug:
            tagged = DecisionPageTag.objects.filter(tag__slug=tag_slug, content_object__in=decisions)
            tagged_item = tagged.select_related("tag").first()
            if tagged_item is None:
                result.update(filter_status=404, filter_errors=[_("Няма решения с етикет „%(tag)s“.") % {"tag": tag_slug}])
                return result
            tag = tagged_item.tag
            decisions = decisions.filter(tagged_items__tag=tag)
        years = list(decisions.annotate(year=ExtractYear("date")).values_list("year", flat=True).distinct().order_by("-year"))
        if year:
            decisions = decisions.filter(date__year=year)
        paginator = Paginator(decisions, DECISIONS_PER_PAGE)
        try:
            page = paginator.page(number or 1)
        except EmptyPage:
            message = ngettext("Няма страница %(number)s; решенията са на %(total)s страница.",
                               "Няма страница %(number)s; решенията са на %(total)s страници.", paginator.num_pages)
            result.update(filter_status=404, filter_errors=[message % {"number": number, "total": paginator.num_pages}])
            return result

        def query(**params):
            return urlencode({name: value for name, value in params.items() if value})

        tag_slug = tag.slug if tag else ""
        result.update(
            decisions_page=page,
            years=[(y, query(year=y, tag=tag_slug)) for y in years],
            all_years_query=query(tag=tag_slug),
            selected_year=year,
            selected_tag=tag,
            all_tags_query=query(year=year),
            pagination_query=query(year=year, tag=tag_slug),
        )
        return result

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A filter that is invalid (400) or names nothing (404) still gets the page with its message.
        response.status_code = response.context_data.get("filter_status", 200)
        return response


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
        archive_url = self.archive_url(request)
        context["tags"] = [
            (tag, f"{archive_url}?{urlencode({'tag': tag.slug})}" if archive_url else None) for tag in self.tags.all()
        ]
        return context

    def archive_url(self, request=None):
        """The address of the archive listing this decision, without a query.

        A decision's address is always its archive's address plus its own slug (decisions sit
        only under the archive), so this costs no query, unlike get_parent().
        """
        url = self.get_url(request)
        return url[: url.rstrip("/").rfind("/") + 1] if url else None


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
