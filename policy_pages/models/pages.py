"""Policy pages: the five municipal policies, their lifecycle stage and their structured body."""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from botevgrad.public_tree import KnownRestrictions, visible
from consultations.pages import ParticipationPageMixin

from ..blocks import PolicyStreamBlock
from ..forms import PolicyFilterForm
from ..panels import StageWarningsPanel
from .stages import PolicyStage


class PolicyIndexPage(KnownRestrictions, Page):
    """Lists the municipal policies and where each one is in its lifecycle."""

    intro = RichTextField(verbose_name=_("Въведение"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["policy_pages.PolicyPage"]

    class Meta:
        verbose_name = _("Списък на политиките")
        verbose_name_plural = _("Списъци на политиките")

    def policies(self):
        from ..lifecycle import with_public_stage

        return with_public_stage(visible(PolicyPage.objects.child_of(self)).order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.filtered_policies(PolicyFilterForm(request.GET)))
        return context

    def filtered_policies(self, form):
        """The policies the filter asks for, with `filter_status` 400 for an invalid tag and 404 for an unknown one.

        Never falls back to the whole list: the page says what was wrong instead.
        """
        result = {"filter_form": form, "filter_status": 200, "filter_errors": [], "policies": None, "selected_tag": None}
        if not form.is_valid():
            result.update(filter_status=400, filter_errors=form.error_messages_list())
            return result
        policies = self.policies()
        if tag_slug := form.cleaned_data["tag"]:
            tagged = PolicyPageTag.objects.filter(tag__slug=tag_slug, content_object__in=policies)
            tagged_item = tagged.select_related("tag").first()
            if tagged_item is None:
                result.update(filter_status=404, filter_errors=[_("Няма политики с етикет „%(tag)s“.") % {"tag": tag_slug}])
                return result
            result["selected_tag"] = tagged_item.tag
            policies = policies.filter(tagged_items__tag=tagged_item.tag)
        result["policies"] = policies
        return result

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # An invalid (400) or unknown (404) tag still gets the page with its message.
        response.status_code = response.context_data.get("filter_status", 200)
        return response


class PolicyPageTag(TaggedItemBase):
    content_object = ParentalKey("policy_pages.PolicyPage", on_delete=models.CASCADE, related_name="tagged_items")


class PolicyPage(KnownRestrictions, ParticipationPageMixin, Page):
    """One municipal policy: its text, stage, responsible department and tags."""

    summary = models.TextField(
        verbose_name=_("Резюме"),
        max_length=600,
        help_text=_("Две-три изречения: какво цели политиката. Показва се в списъците и в резултатите от търсене."),
    )
    stage = models.CharField(
        verbose_name=_("Етап"),
        max_length=20,
        choices=PolicyStage.choices,
        default=PolicyStage.DRAFT,
        db_index=True,
    )
    responsible_department = models.CharField(
        verbose_name=_("Отговорна дирекция"),
        max_length=200,
        help_text=_("Звеното в общинската администрация, което отговаря за политиката."),
    )
    body = StreamField(
        PolicyStreamBlock(),
        verbose_name=_("Съдържание"),
        blank=True,
        help_text=_("За обществено обсъждане добавете блок „Текст на проекта по раздели“ и блок „Обществена консултация“."),
    )
    tags = ClusterTaggableManager(through=PolicyPageTag, blank=True, verbose_name=_("Етикети"))
    # By name: decisions sit below policy pages and link to them by name too.
    adopted_by = models.ForeignKey(
        "decisions.DecisionPage",
        verbose_name=_("Приета с решение"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Решението на Общинския съвет, с което политиката е приета. Показва се в пътя на политиката."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("stage", help_text=_("Докато консултация е отворена, публично се показва „Обществено обсъждане“.")),
        StageWarningsPanel(),
        FieldPanel("adopted_by"),
        FieldPanel("responsible_department"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    monitoring_panels = [
        InlinePanel("measures", heading=_("Мерки и дейности"), label=_("Мярка"),
                    help_text=_("Промяната на състоянието или процента се записва с датата на публикуване и се "
                                "показва публично като история на мярката.")),
        InlinePanel("indicators", heading=_("Индикатори"), label=_("Индикатор"),
                    help_text=_("Стойностите се показват публично като графика и таблица след публикуване.")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Съдържание")),
        ObjectList(monitoring_panels, heading=_("Изпълнение")),
        ObjectList(Page.promote_panels, heading=_("Популяризиране")),
        ObjectList(Page.settings_panels, heading=_("Настройки")),
    ])
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("responsible_department"),
        index.FilterField("stage"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["policy_pages.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Политика")
        verbose_name_plural = _("Политики")

    def search_facets(self):
        """What the public search shows of the page: a policy, which is its own policy filter."""
        return {"kind": "policy", "policies": [self.pk]}

    def search_extra_entries(self):
        """Each consultation the live page shows, and each measure, is found on its own, at its place on this page."""
        for consultation in self.consultations.filter(shown_on_page=True).order_by("opens_at"):
            yield {
                "key": f"konsultaciya-{consultation.pk}",
                "kind": "consultation",
                "title": consultation.title,
                "text": f"{self.summary} {self.responsible_department}",
                "date": timezone.localdate(consultation.opens_at),
                "fragment": f"konsultaciya-{consultation.pk}",
                "policies": [self.pk],
            }
        for measure in self.measures.all():
            yield {
                "key": f"myarka-{measure.pk}",
                "kind": "measure",
                "title": measure.title,
                "text": " ".join(filter(None, [measure.description, measure.responsible_unit,
                                               str(measure.get_status_display())])),
                "date": measure.starts_on or (self.last_published_at or timezone.now()).date(),
                "fragment": f"myarka-{measure.pk}",
                "policies": [self.pk],
            }

    @path("export/<slug:dataset>/<slug:file_format>/", name="monitoring_export")
    def monitoring_export(self, request, dataset, file_format):
        """The measures (merki) or indicators (indikatori) as CSV or JSON: policy_pages/monitoring_export.py."""
        from ..monitoring_export import DATASETS, monitoring_response

        if dataset not in DATASETS or file_format not in ("csv", "json"):
            raise Http404(_("Няма такъв файл с данни."))
        return monitoring_response(self, dataset, file_format, self.get_site().root_url)

    def shown_evaluations(self):
        """PeriodResults of each rating period the page embeds, in time order; read once with the blocks' results."""
        from consultations.blocks import EvaluationBlock, blocks_on_page
        from consultations.evaluation_results import PolicyEvaluations

        shown = {child.value["period"].pk for child in blocks_on_page(self, EvaluationBlock)
                 if child.value["period"] is not None}
        if not shown:
            return []
        evaluations = PolicyEvaluations.for_page(self)
        return [evaluations.for_period(period.pk) for period in evaluations.periods if period.pk in shown]

    @cached_property
    def public_stage(self):
        """The stage the public sees (policy_pages/lifecycle.py): the editor's, unless a consultation is open."""
        from ..lifecycle import public_stage  # the lifecycle reads these models: imported when they are loaded

        return public_stage(self)

    def get_context(self, request, *args, **kwargs):
        from ..shown import PolicyShown

        context = super().get_context(request, *args, **kwargs)
        context["stages"] = PolicyStage.choices
        context["shown"] = PolicyShown(self, request)
        return context

    def listed(self):
        """What the page lists beside its own fields: its consultations, the decisions that name it (the reverse
        side of DecisionPage.related_policies; decisions sit below this app), its tags, the adopting decision."""
        from ..lifecycle import adopting_decision

        return {
            "consultations": list(self.consultations.filter(shown_on_page=True).order_by("opens_at")),
            "related_decisions": list(visible(self.related_decisions).order_by("-date", "-number")),
            "tags": list(self.tags.all()),
            "adopted_by": adopting_decision(self),
        }
