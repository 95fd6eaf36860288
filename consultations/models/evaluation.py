"""Rating how a policy is carried out: a rating period with its criteria, and the evaluations people confirm.

A person's evaluation is stored unconfirmed; the e-mailed link confirms it, and from then it counts. One
evaluation per address counts in a period: confirming a later one replaces the earlier (the database holds
the rule, so parallel confirmations cannot leave two counted).
"""

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index

from botevgrad.public_tree import visible

from .consultation import OpensAndCloses
from .field_errors import ConstraintErrorsAtFields
from .submission import StakeholderType

MAX_RECOMMENDATION_LENGTH = 3000
LOWEST_SCORE, HIGHEST_SCORE = 1, 5
# What a new rating period asks, in this order; editors change them before it opens.
DEFAULT_CRITERIA = [
    _("Ефективност"),
    _("Качество на услугите"),
    _("Достъпност"),
    _("Прозрачност"),
]


class EvaluationPeriodQuerySet(models.QuerySet):
    def visible(self):
        """Periods whose policy page any visitor may see: everything public about a period follows its page."""
        from wagtail.models import Page

        return self.filter(policy_page__in=visible(Page.objects).values("pk"))


class EvaluationPeriod(OpensAndCloses, ConstraintErrorsAtFields, index.Indexed, ClusterableModel):
    """A period in which the public rates how one policy is carried out, e.g. „2026, първо полугодие“."""

    # By name, not by import: policy pages sit above this app and embed its blocks.
    policy_page = models.ForeignKey(
        "policy_pages.PolicyPage",
        verbose_name=_("Страница на политиката"),
        on_delete=models.PROTECT,
        related_name="evaluation_periods",
    )
    title = models.CharField(
        verbose_name=_("Период"), max_length=100, help_text=_("Какъв период се оценява, напр. „2026, първо полугодие“.")
    )
    opens_at = models.DateTimeField(verbose_name=_("Начало на оценяването"))
    closes_at = models.DateTimeField(verbose_name=_("Край на оценяването"))

    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("policy_page")]

    objects = EvaluationPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("Период за оценка")
        verbose_name_plural = _("Периоди за оценка")
        ordering = ["opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="evaluation_period_closes_after_opening",
                violation_error_message=_("Краят на оценяването трябва да е след началото му."),
            ),
            models.UniqueConstraint(
                "policy_page", "title", name="evaluation_period_title_once_per_policy",
                violation_error_message=_("Политиката вече има период за оценка с това име."),
            ),
        ]

    constraint_error_fields = {
        "evaluation_period_closes_after_opening": "closes_at",
        "evaluation_period_title_once_per_policy": "title",
    }

    def __str__(self):
        return self.title


class EvaluationCriterion(Orderable):
    """One thing people rate 1–5 in a period, e.g. „Достъпност“."""

    period = ParentalKey(EvaluationPeriod, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(verbose_name=_("Критерий"), max_length=100)
    question = models.CharField(
        verbose_name=_("Пояснение"), max_length=255, blank=True,
        help_text=_("По желание: какво точно се оценява, напр. „Лесно ли се стига до услугата?“"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("Критерий")
        verbose_name_plural = _("Критерии")
        constraints = [
            models.UniqueConstraint("period", Lower("name"), name="evaluation_criterion_once_per_period",
                                    violation_error_message=_("Критерият вече е в този период.")),
        ]

    def __str__(self):
        return self.name


class EvaluationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Непотвърдена")
    COUNTED = "counted", _("Отчетена")
    REPLACED = "replaced", _("Заменена от по-късна")


class EvaluationQuerySet(models.QuerySet):
    def counted(self):
        return self.filter(status=EvaluationStatus.COUNTED)

    def expired_unconfirmed(self, max_age, at=None):
        """Evaluations nobody confirmed within `max_age`: personal data with no further use."""
        return self.filter(status=EvaluationStatus.UNCONFIRMED, created_at__lt=(at or timezone.now()) - max_age)


class Evaluation(ConstraintErrorsAtFields, models.Model):
    """One person's rating of a policy in a period; counts once confirmed, until a later one replaces it."""

    period = models.ForeignKey(
        EvaluationPeriod, verbose_name=_("Период"), on_delete=models.PROTECT, related_name="evaluations"
    )
    email = models.EmailField(verbose_name=_("Електронна поща"), help_text=_("Никога не се публикува."))
    stakeholder_type = models.CharField(
        verbose_name=_("Заинтересована страна"), max_length=20, choices=StakeholderType.choices
    )
    recommendation = models.TextField(
        verbose_name=_("Препоръка"), blank=True, max_length=MAX_RECOMMENDATION_LENGTH,
        help_text=_("Как услугата би могла да се предоставя по-добре."),
    )
    created_at = models.DateTimeField(verbose_name=_("Получена на"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(verbose_name=_("Потвърдена на"), null=True, blank=True)
    status = models.CharField(
        verbose_name=_("Статус"), max_length=20, choices=EvaluationStatus.choices,
        default=EvaluationStatus.UNCONFIRMED,
    )

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Оценка")
        verbose_name_plural = _("Оценки")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "period", Lower("email"),
                condition=models.Q(status=EvaluationStatus.COUNTED),
                name="evaluation_counted_once_per_email_per_period",
                violation_error_message=_("От този адрес вече има отчетена оценка за периода."),
            ),
            models.CheckConstraint(
                condition=models.Q(status=EvaluationStatus.UNCONFIRMED) | models.Q(confirmed_at__isnull=False),
                name="evaluation_confirmed_when_counted",
                violation_error_message=_("Отчита се само потвърдена оценка."),
            ),
        ]
        indexes = [models.Index(fields=["period", "status"], name="evaluation_period_status")]

    def __str__(self):
        return _("Оценка № %(pk)s за „%(period)s“") % {"pk": self.pk, "period": self.period}

    def recommendation_submission(self, **fields):
        """The (unsaved) submission that takes the recommendation through the proposals' moderation and answer.

        Anonymous like the rating: no name, no organisation; it asks for no e-mail notice.
        """
        from .submission import Submission, SubmissionKind, SubmissionStatus

        return Submission(**{
            "evaluation": self, "kind": SubmissionKind.RECOMMENDATION, "text": self.recommendation, "author_name": "",
            "email": self.email, "stakeholder_type": self.stakeholder_type, "created_at": self.created_at,
            "confirmed_at": self.confirmed_at, "status": SubmissionStatus.PENDING, "notify": False, **fields})


class EvaluationScore(models.Model):
    """The score an evaluation gives one criterion: 1–5, or none for „не мога да преценя“."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    # PROTECT: a criterion someone has rated is part of the record; the period's form refuses to delete it.
    criterion = models.ForeignKey(EvaluationCriterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint("evaluation", "criterion", name="evaluation_score_once_per_criterion"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=LOWEST_SCORE, score__lte=HIGHEST_SCORE),
                name="evaluation_score_in_range",
                violation_error_message=_("Оценката е от 1 до 5."),
            ),
        ]
