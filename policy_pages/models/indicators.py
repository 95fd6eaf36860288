"""A policy's indicators (индикатори): what is measured to tell whether it works, from a baseline towards a target."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from consultations.models.field_errors import ConstraintErrorsAtFields

# The years a baseline or a target may name: municipal statistics of this century and the next plans.
FIRST_YEAR, LAST_YEAR = 1990, 2100


class Direction(models.TextChoices):
    HIGHER = "higher", _("По-високата стойност е по-добра")
    LOWER = "lower", _("По-ниската стойност е по-добра")


def year_in_range(field):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": FIRST_YEAR, f"{field}__lte": LAST_YEAR}),
        name=f"indicator_{field}_in_range",
        violation_error_message=format_lazy(_("Годината е между {first} и {last}."), first=FIRST_YEAR, last=LAST_YEAR),
    )


def given_together(value_field, year_field, missing_year, missing_value):
    """A value and its year are given together: two constraints, so that each message names the missing half."""
    prefix = value_field.removesuffix("_value")
    return [
        models.CheckConstraint(condition=Q(**{f"{value_field}__isnull": True}) | Q(**{f"{year_field}__isnull": False}),
                               name=f"indicator_{prefix}_year_given", violation_error_message=missing_year),
        models.CheckConstraint(condition=Q(**{f"{year_field}__isnull": True}) | Q(**{f"{value_field}__isnull": False}),
                               name=f"indicator_{prefix}_value_given", violation_error_message=missing_value),
    ]


class Indicator(ConstraintErrorsAtFields, ClusterableModel, Orderable):
    """One indicator of a policy, edited inline on its page with its measured values; public once the page is."""

    page = ParentalKey("policy_pages.PolicyPage", on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(verbose_name=_("Индикатор"), max_length=255)
    unit = models.CharField(verbose_name=_("Мерна единица"), max_length=50,
                            help_text=_("Например %, бр., тона годишно, дни."))
    description = models.TextField(verbose_name=_("Как се измерва"), blank=True)
    direction = models.CharField(verbose_name=_("Посока"), max_length=10, choices=Direction.choices,
                                 default=Direction.HIGHER)
    baseline_value = models.DecimalField(verbose_name=_("Изходна стойност"), max_digits=16, decimal_places=4,
                                         null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(verbose_name=_("Година на изходната стойност"), null=True,
                                                     blank=True)
    target_value = models.DecimalField(verbose_name=_("Целева стойност"), max_digits=16, decimal_places=4, null=True,
                                       blank=True)
    target_year = models.PositiveSmallIntegerField(verbose_name=_("Година на целта"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction")]),
        FieldPanel("description"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_year")]),
                         FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_year")])],
                        heading=_("Изходно ниво и цел")),
        InlinePanel("values", heading=_("Измерени стойности"), label=_("Стойност")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Индикатор")
        verbose_name_plural = _("Индикатори")
        constraints = [
            *given_together("baseline_value", "baseline_year", _("Посочете и годината на изходната стойност."),
                            _("Посочете и изходната стойност за тази година.")),
            *given_together("target_value", "target_year", _("Посочете и годината, до която е целта."),
                            _("Посочете и целевата стойност за тази година.")),
            year_in_range("baseline_year"),
            year_in_range("target_year"),
            models.CheckConstraint(condition=Q(baseline_year__isnull=True) | Q(target_year__isnull=True)
                                   | Q(target_year__gte=F("baseline_year")),
                                   name="indicator_target_after_baseline",
                                   violation_error_message=_("Годината на целта не може да е преди изходната.")),
        ]

    constraint_error_fields = {
        "indicator_baseline_year_given": "baseline_year",
        "indicator_baseline_value_given": "baseline_value",
        "indicator_target_year_given": "target_year",
        "indicator_target_value_given": "target_value",
        "indicator_baseline_year_in_range": "baseline_year",
        "indicator_target_year_in_range": "target_year",
        "indicator_target_after_baseline": "target_year",
    }

    def __str__(self):
        return self.name

    @property
    def has_baseline(self):
        return self.baseline_value is not None

    @property
    def has_target(self):
        return self.target_value is not None

    def latest(self):
        """The last measured value (values are prefetched in date order by public_indicators)."""
        values = list(self.values.all())
        return values[-1] if values else None

    def progress_to_target(self):
        """How much of the way from the baseline to the target the latest value has come, in whole per cent.

        None without a baseline, a target or a value, or when the target is the baseline. Below 0 the
        indicator moved away from its target; above 100 it went past it.
        """
        latest = self.latest()
        if latest is None or not self.has_baseline or not self.has_target or self.target_value == self.baseline_value:
            return None
        share = (latest.value - self.baseline_value) / (self.target_value - self.baseline_value) * 100
        return int(share.to_integral_value())


class IndicatorValue(models.Model):
    """One measurement of an indicator: when, how much, according to whom."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="values")
    measured_on = models.DateField(verbose_name=_("Дата на измерването"),
                                   help_text=_("За годишна стойност — последният ден на годината."))
    value = models.DecimalField(verbose_name=_("Стойност"), max_digits=16, decimal_places=4)
    source = models.CharField(verbose_name=_("Източник"), max_length=255, blank=True,
                              help_text=_("Например НСИ, отчет на дирекцията, анкета."))
    note = models.CharField(verbose_name=_("Бележка"), max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("measured_on"), FieldPanel("value")]),
        FieldPanel("source"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("Стойност на индикатор")
        verbose_name_plural = _("Стойности на индикатори")
        ordering = ["measured_on", "pk"]

    def clean(self):
        super().clean()
        # Not a database constraint: "today" is not a value a CHECK may read.
        if self.measured_on and self.measured_on > timezone.localdate():
            raise ValidationError({"measured_on": _("Датата на измерването не може да е в бъдещето.")})


def public_indicators(page):
    """The page's indicators, each with its values in date order: two queries however many there are."""
    values = IndicatorValue.objects.order_by("measured_on", "pk")
    return list(page.indicators.prefetch_related(Prefetch("values", queryset=values)))


def plain_number(value):
    """A Decimal without the zeros its column pads it with: 12.5000 -> 12.5, 100.0000 -> 100 (never 1E+2)."""
    value = Decimal(value).normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value
