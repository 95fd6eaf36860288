"""A consultation: the period in which a policy draft takes proposals, under чл. 26 ЗНА."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from botevgrad.public_tree import visible

from .field_errors import ConstraintErrorsAtFields

# чл. 26, ал. 4 ЗНА: at least 30 days; exceptionally, with the reason stated, not less than 14.
STANDARD_PERIOD = timedelta(days=30)
SHORTEST_PERIOD = timedelta(days=14)
SHORTEST_PERIOD_MESSAGE = _("Срокът не може да е по-кратък от 14 дни (чл. 26, ал. 4 ЗНА).")


class ConsultationPhase(models.TextChoices):
    UPCOMING = "upcoming", _("Предстои")
    OPEN = "open", _("Открита")
    CLOSED = "closed", _("Приключила")


class PublicationMode(models.TextChoices):
    AFTER_MODERATION = "after_moderation", _("Публикуват се след преглед от модератор")
    REPORT_ONLY = "report_only", _("Публикуват се само в справката")


class ConsultationQuerySet(models.QuerySet):
    def visible(self):
        """Consultations whose policy page any visitor may see: live, and under no view restriction.

        Everything public about a consultation (its справка, CSV, PDF, feeds) follows this.
        """
        from wagtail.models import Page

        return self.filter(policy_page__in=visible(Page.objects).values("pk"))

    def announced(self):
        """Visible consultations that their live page really shows, so that a link to the form leads to it."""
        return self.visible().filter(shown_on_page=True)

    def open_now(self, at=None):
        at = at or timezone.now()
        return self.filter(opens_at__lte=at, closes_at__gt=at)

    def upcoming(self, at=None):
        return self.filter(opens_at__gt=at or timezone.now())

    def closed(self, at=None):
        return self.filter(closes_at__lte=at or timezone.now())


class OpensAndCloses:
    """Mix into a model with `opens_at` and `closes_at`: where a moment is in its period (now by default)."""

    def phase(self, at=None):
        at = at or timezone.now()
        if at < self.opens_at:
            return ConsultationPhase.UPCOMING
        if at < self.closes_at:
            return ConsultationPhase.OPEN
        return ConsultationPhase.CLOSED

    def is_open(self, at=None):
        return self.phase(at) == ConsultationPhase.OPEN


class Consultation(OpensAndCloses, ConstraintErrorsAtFields, index.Indexed, models.Model):
    """The period in which one policy draft is open for proposals, with its documents and its справка."""

    # By name, not by import: policy pages sit above consultations and embed them.
    policy_page = models.ForeignKey(
        "policy_pages.PolicyPage",
        verbose_name=_("Страница на политиката"),
        on_delete=models.PROTECT,
        related_name="consultations",
        help_text=_("Страницата, на която е публикуван проектът."),
    )
    title = models.CharField(verbose_name=_("Наименование"), max_length=255)
    opens_at = models.DateTimeField(verbose_name=_("Начало"), help_text=_("Дата и час (българско време)."))
    closes_at = models.DateTimeField(verbose_name=_("Край"), help_text=_("Предложения се приемат до този момент."))
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Проект на документа"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    motives_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Мотиви / доклад"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    impact_assessment_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Частична предварителна оценка на въздействието"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    shortened_period_reason = models.TextField(
        verbose_name=_("Причина за срок под 30 дни"),
        blank=True,
        help_text=_("Задължителна, когато срокът е по-кратък от 30 дни; показва се публично (чл. 26, ал. 4 ЗНА)."),
    )
    publication = models.CharField(
        verbose_name=_("Публикуване на предложенията"),
        max_length=20,
        choices=PublicationMode.choices,
        default=PublicationMode.AFTER_MODERATION,
    )
    report_published_at = models.DateTimeField(
        verbose_name=_("Справката е публикувана на"), null=True, blank=True, editable=False
    )
    # Kept by the page_published/unpublished signals: whether the live version of the policy page
    # embeds this consultation's block. Only then is it announced on the home page and in feeds.
    shown_on_page = models.BooleanField(
        verbose_name=_("Показана на публикуваната страница"), default=False, editable=False
    )

    # FilterField: the chooser in a page's editor searches among that page's consultations only.
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("policy_page")]

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Обществена консултация")
        verbose_name_plural = _("Обществени консултации")
        ordering = ["-opens_at"]
        constraints = [
            # A net under the rule in clean(): the database adds 14 days of 24 hours, and a period across
            # the clock change in spring is an hour shorter than its 14 calendar days.
            models.CheckConstraint(
                condition=models.Q(closes_at__gte=models.F("opens_at") + SHORTEST_PERIOD - timedelta(hours=1)),
                name="consultation_period_at_least_14_days",
                violation_error_message=SHORTEST_PERIOD_MESSAGE,
            ),
            models.CheckConstraint(
                condition=models.Q(report_published_at__isnull=True)
                | models.Q(report_published_at__gte=models.F("closes_at")),
                name="consultation_report_after_closing",
                violation_error_message=_("Справката се публикува след края на консултацията."),
            ),
        ]

    constraint_error_fields = {"consultation_period_at_least_14_days": "closes_at"}

    def __str__(self):
        return self.title

    def period(self):
        """The period in calendar time in Bulgaria: 2 March 09:00 to 1 April 09:00 is 30 days, clock change or not."""
        zone = timezone.get_default_timezone()
        return (timezone.localtime(self.closes_at, zone).replace(tzinfo=None)
                - timezone.localtime(self.opens_at, zone).replace(tzinfo=None))

    def is_shortened(self):
        return self.period() < STANDARD_PERIOD

    def report_is_published(self):
        return self.report_published_at is not None

    def publish_report(self, user=None, at=None):
        """Publish the справка (once); returns False if it was already published.

        Raises ValidationError before the closing time: a справка published earlier would show
        proposals that arrive afterwards, and the law asks for it after the consultation.
        """
        from wagtail.log_actions import log

        at = at or timezone.now()
        if at < self.closes_at:
            raise ValidationError(_("Справката се публикува след края на консултацията."))
        updated = Consultation.objects.filter(
            pk=self.pk, report_published_at__isnull=True, closes_at__lte=at
        ).update(report_published_at=at)
        self.refresh_from_db(fields=["report_published_at"])
        if updated:
            from ..signals import report_published

            log(self, "consultations.publish_report", user=user)
            report_published.send(sender=Consultation, consultation=self)
        return bool(updated)

    def is_backdated(self, at=None):
        """Opens and closes in the past: the public never had the chance to take part."""
        return self.closes_at is not None and self.closes_at <= (at or timezone.now())

    def is_visible(self):
        """Whether any visitor may see the policy page, and so anything public about this consultation."""
        return Consultation.objects.visible().filter(pk=self.pk).exists()

    def counted_submissions(self):
        """Confirmed (or entered by an editor) and not hidden by a moderator: what the справка reports."""
        from .submission import SubmissionStatus

        return self.submissions.filter(status__in=[SubmissionStatus.PENDING, SubmissionStatus.APPROVED])

    def published_submissions(self, section_order=()):
        """What the policy page lists: approved submissions, by section in the draft's order, when the
        consultation publishes them after moderation; nothing when they appear only in the справка."""
        from .submission import SubmissionStatus

        if self.publication != PublicationMode.AFTER_MODERATION:
            return self.submissions.none()
        position = models.Case(
            *[models.When(section_anchor=anchor, then=i) for i, anchor in enumerate(section_order)],
            default=len(section_order),
            output_field=models.IntegerField(),
        ) if section_order else models.Value(0)
        return (
            self.submissions.filter(status=SubmissionStatus.APPROVED)
            .annotate(section_position=position)
            .order_by("section_position", "created_at", "pk")
        )

    def clean(self):
        """The periods of чл. 26, ал. 4 ЗНА, counted in calendar days, which the database cannot count."""
        super().clean()
        self.shortened_period_reason = self.shortened_period_reason.strip()
        if not (self.opens_at and self.closes_at):
            return
        if self.period() < SHORTEST_PERIOD:
            raise ValidationError({"closes_at": SHORTEST_PERIOD_MESSAGE})
        if self.is_shortened() and not self.shortened_period_reason:
            raise ValidationError(
                {"shortened_period_reason": _("Посочете причината: срокът е по-кратък от 30 дни.")}
            )
