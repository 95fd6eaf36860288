"""A policy's measures (мерки и дейности): what is done to carry it out, how far each has come, and since when."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from botevgrad.public_tree import visible
from consultations.models.field_errors import ConstraintErrorsAtFields

# The lev's irrevocably fixed rate to the euro; amounts set in leva are shown in both currencies.
BGN_PER_EUR = Decimal("1.95583")
CENT = Decimal("0.01")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Планирана")
    IN_PROGRESS = "in_progress", _("В изпълнение")
    DONE = "done", _("Изпълнена")
    DELAYED = "delayed", _("Забавена")
    CANCELLED = "cancelled", _("Отменена")


# Measures that no longer count towards a policy's progress nor can be late.
CLOSED_STATUSES = (MeasureStatus.DONE, MeasureStatus.CANCELLED)


class Currency(models.TextChoices):
    EUR = "EUR", _("евро")
    BGN = "BGN", _("лева")


class Measure(ConstraintErrorsAtFields, ClusterableModel, Orderable):
    """One measure of a policy, edited inline on its page; published with it, its changes recorded (MeasureUpdate)."""

    page = ParentalKey("policy_pages.PolicyPage", on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(verbose_name=_("Мярка"), max_length=255)
    description = models.TextField(verbose_name=_("Описание"), blank=True)
    responsible_unit = models.CharField(verbose_name=_("Отговорно звено"), max_length=200)
    starts_on = models.DateField(verbose_name=_("Начало"), null=True, blank=True)
    due_on = models.DateField(verbose_name=_("Срок"), null=True, blank=True)
    status = models.CharField(verbose_name=_("Състояние"), max_length=20, choices=MeasureStatus.choices,
                              default=MeasureStatus.PLANNED)
    progress = models.PositiveSmallIntegerField(
        verbose_name=_("Изпълнение, %"), default=0,
        help_text=_("От 0 до 100. Изпълнена мярка е на 100 %."),
    )
    budget_currency = models.CharField(
        verbose_name=_("Валута на бюджета"), max_length=3, choices=Currency.choices, default=Currency.EUR,
        help_text=_("Както е в източника (решение, бюджет). Сумите в лева се показват и в евро по фиксирания курс."),
    )
    planned_budget = models.DecimalField(verbose_name=_("Планиран бюджет"), max_digits=14, decimal_places=2,
                                         null=True, blank=True)
    spent_budget = models.DecimalField(verbose_name=_("Изразходвани средства"), max_digits=14, decimal_places=2,
                                       null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("responsible_unit"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("due_on")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
        MultiFieldPanel([FieldPanel("budget_currency"), FieldRowPanel([FieldPanel("planned_budget"),
                                                                        FieldPanel("spent_budget")])],
                        heading=_("Бюджет")),
        InlinePanel("decision_links", heading=_("Свързани решения"), label=_("Решение")),
        InlinePanel("document_links", heading=_("Документи"), label=_("Документ")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Мярка")
        verbose_name_plural = _("Мерки")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="measure_progress_at_most_100",
                                   violation_error_message=_("Изпълнението е от 0 до 100 %%.")),
            models.CheckConstraint(condition=~Q(status=MeasureStatus.DONE) | Q(progress=100),
                                   name="measure_done_at_100",
                                   violation_error_message=_("Изпълнена мярка е на 100 %%: поправете процента или "
                                                             "състоянието.")),
            models.CheckConstraint(condition=Q(due_on__isnull=True) | Q(starts_on__isnull=True)
                                   | Q(due_on__gte=F("starts_on")),
                                   name="measure_due_after_start",
                                   violation_error_message=_("Срокът не може да е преди началото.")),
            models.CheckConstraint(condition=Q(planned_budget__isnull=True) | Q(planned_budget__gte=0),
                                   name="measure_planned_budget_not_negative",
                                   violation_error_message=_("Бюджетът не може да е отрицателен.")),
            models.CheckConstraint(condition=Q(spent_budget__isnull=True) | Q(spent_budget__gte=0),
                                   name="measure_spent_budget_not_negative",
                                   violation_error_message=_("Изразходваните средства не могат да са "
                                                             "отрицателни.")),
        ]

    constraint_error_fields = {
        "measure_progress_at_most_100": "progress",
        "measure_done_at_100": "progress",
        "measure_due_after_start": "due_on",
        "measure_planned_budget_not_negative": "planned_budget",
        "measure_spent_budget_not_negative": "spent_budget",
    }

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The children of a live page are written when it is published: what is published is recorded.
        if self.page.live:
            record_change(self)

    def history(self):
        """The recorded changes of status and progress, oldest first; none yet for a measure not saved (a preview)."""
        return list(self.updates.all()) if self.pk is not None else []

    def is_overdue(self, today=None):
        """Past its due date and neither done nor cancelled."""
        today = today or timezone.localdate()
        return self.due_on is not None and self.due_on < today and self.status not in CLOSED_STATUSES

    def in_euro(self, amount):
        if amount is None:
            return None
        if self.budget_currency == Currency.BGN:
            return (amount / BGN_PER_EUR).quantize(CENT, rounding=ROUND_HALF_UP)
        return amount

    @property
    def planned_budget_eur(self):
        return self.in_euro(self.planned_budget)

    @property
    def spent_budget_eur(self):
        return self.in_euro(self.spent_budget)

    @property
    def in_leva(self):
        return self.budget_currency == Currency.BGN


class MeasureDecision(Orderable):
    """A decision that a measure carries out or that concerns it."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="decision_links")
    decision = models.ForeignKey("decisions.DecisionPage", verbose_name=_("Решение или заповед"),
                                 on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("decision")]

    class Meta(Orderable.Meta):
        verbose_name = _("Свързано решение")
        verbose_name_plural = _("Свързани решения")


class MeasureDocument(Orderable):
    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("Документ"), on_delete=models.CASCADE,
                                 related_name="+")

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("Документ към мярка")
        verbose_name_plural = _("Документи към мерки")


class MeasureUpdate(models.Model):
    """A measure's status and progress as published on a day: its public history.

    Written when a page is published with a measure whose status or progress differs from its last
    record (policy_pages/measure_history.py); never edited, so the history says what was said when.
    """

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="updates")
    recorded_on = models.DateField(verbose_name=_("Дата"))
    status = models.CharField(verbose_name=_("Състояние"), max_length=20, choices=MeasureStatus.choices)
    progress = models.PositiveSmallIntegerField(verbose_name=_("Изпълнение, %"))

    class Meta:
        verbose_name = _("Промяна на мярка")
        verbose_name_plural = _("Промени на мерки")
        ordering = ["measure", "recorded_on", "pk"]
        indexes = [models.Index(fields=["measure", "-recorded_on", "-id"], name="measure_update_latest")]


def record_change(measure):
    """Add today's status and progress to the measure's history, unless its last record says the same."""
    last = measure.updates.order_by("-recorded_on", "-pk").first()
    if last is None or (last.status, last.progress) != (measure.status, measure.progress):
        MeasureUpdate.objects.create(measure=measure, recorded_on=timezone.localdate(), status=measure.status,
                                     progress=measure.progress)


def public_measures(page):
    """The page's measures with what the public may see of them: live, public decisions and public documents."""
    from wagtail.models import Page

    from search.entries import public_documents  # the search app is loaded after the apps it indexes

    measures = list(page.measures.all())
    # A preview holds measures the editor has just added, not yet saved: no history (Measure.history), and the
    # links the editor chose in the form.
    measures_saved = [measure for measure in measures if measure.pk is not None]
    if measures_saved:
        decisions = MeasureDecision.objects.filter(decision__in=visible(Page.objects).values("pk"))
        documents = MeasureDocument.objects.filter(document__in=public_documents())
        prefetch_related_objects(
            measures_saved,
            Prefetch("decision_links", queryset=decisions.select_related("decision")),
            Prefetch("document_links", queryset=documents.select_related("document")),
            Prefetch("updates", queryset=MeasureUpdate.objects.order_by("recorded_on", "pk")),
        )
    return measures


def overall_progress(measures):
    """The policy's progress, in whole per cent: the mean of its measures' progress, cancelled ones left out.

    Each measure weighs the same: budgets are missing for many measures and differ in currency and
    kind, so weighting by them would say more about the bookkeeping than the work. None without measures.
    """
    counted = [measure.progress for measure in measures if measure.status != MeasureStatus.CANCELLED]
    if not counted:
        return None
    return round(sum(counted) / len(counted))
