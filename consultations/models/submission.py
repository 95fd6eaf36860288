"""What participants send to a consultation, its moderation and the administration's official answer."""

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .consultation import Consultation
from .field_errors import ConstraintErrorsAtFields

MAX_TEXT_LENGTH = 5000


class SubmissionKind(models.TextChoices):
    PROPOSAL = "proposal", _("Предложение")
    RECOMMENDATION = "recommendation", _("Препоръка")
    COMMENT = "comment", _("Коментар")


class StakeholderType(models.TextChoices):
    CITIZEN = "citizen", _("Гражданин")
    NGO = "ngo", _("НПО")
    BUSINESS = "business", _("Бизнес")
    INSTITUTION = "institution", _("Институция")
    OTHER = "other", _("Друго")

    @classmethod
    def organisations(cls):
        """The types that speak for an organisation, whose name is required and always published."""
        return [cls.NGO, cls.BUSINESS, cls.INSTITUTION]


class Channel(models.TextChoices):
    ONLINE = "online", _("Платформата")
    EMAIL = "email", _("Електронна поща")
    REGISTRY = "registry", _("Деловодство")
    PAPER = "paper", _("На хартия")


class SubmissionStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Непотвърдено")
    PENDING = "pending", _("Чака преглед")
    APPROVED = "approved", _("Одобрено")
    HIDDEN = "hidden", _("Скрито")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("Прието")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Частично прието")
    REJECTED = "rejected", _("Неприето")
    NOT_ANSWERED = "not_answered", _("Без отговор в срок")


def text_digest(text):
    """A fingerprint of the text that ignores case and spacing, to catch the same text sent twice."""
    normalised = " ".join(text.casefold().split())
    return hashlib.sha256(normalised.encode()).hexdigest()


class SubmissionQuerySet(models.QuerySet):
    def expired_unconfirmed(self, max_age, at=None):
        """Online submissions nobody confirmed within `max_age`: personal data with no further use.

        Only online ones: what editors enter from e-mail, the registry or paper is never unconfirmed.
        """
        cutoff = (at or timezone.now()) - max_age
        return self.filter(channel=Channel.ONLINE, status=SubmissionStatus.UNCONFIRMED, created_at__lt=cutoff)


class Submission(ConstraintErrorsAtFields, index.Indexed, models.Model):
    """One proposal, recommendation or comment, with its moderation and its official answer."""

    # A proposal belongs to a consultation; a recommendation sent with an evaluation belongs to that evaluation
    # instead, and goes through the same moderation and answer (one of the two, held by a constraint).
    consultation = models.ForeignKey(
        Consultation, verbose_name=_("Консултация"), on_delete=models.PROTECT, related_name="submissions",
        null=True, blank=True,
    )
    evaluation = models.OneToOneField(
        "consultations.Evaluation", verbose_name=_("Оценка"), on_delete=models.PROTECT, related_name="submission",
        null=True, blank=True, editable=False,
        help_text=_("Препоръката е изпратена с оценка на изпълнението на политиката."),
    )
    kind = models.CharField(
        verbose_name=_("Вид"), max_length=20, choices=SubmissionKind.choices, default=SubmissionKind.PROPOSAL
    )
    section_anchor = models.CharField(verbose_name=_("Раздел (котва)"), max_length=64, blank=True)
    section_title = models.CharField(
        verbose_name=_("Раздел от проекта"),
        max_length=255,
        blank=True,
        help_text=_("Заглавието на раздела към момента на изпращане."),
    )
    text = models.TextField(verbose_name=_("Текст"), max_length=MAX_TEXT_LENGTH)
    text_digest = models.CharField(max_length=64, editable=False)
    author_name = models.CharField(verbose_name=_("Име"), max_length=200)
    email = models.EmailField(verbose_name=_("Електронна поща"), blank=True, help_text=_("Никога не се публикува."))
    stakeholder_type = models.CharField(
        verbose_name=_("Заинтересована страна"), max_length=20, choices=StakeholderType.choices
    )
    organisation = models.CharField(verbose_name=_("Организация"), max_length=255, blank=True)
    publish_name = models.BooleanField(
        verbose_name=_("Името може да се публикува"),
        default=False,
        help_text=_("Имената на организациите се публикуват винаги; имената на граждани — само със съгласието им."),
    )
    channel = models.CharField(
        verbose_name=_("Канал"), max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )
    registry_number = models.CharField(
        verbose_name=_("Входящ номер"), max_length=100, blank=True, help_text=_("За получените по друг канал.")
    )
    created_at = models.DateTimeField(verbose_name=_("Получено на"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(verbose_name=_("Потвърдено на"), null=True, blank=True)
    status = models.CharField(
        verbose_name=_("Статус"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.UNCONFIRMED,
        db_index=True,
    )
    moderation_reason = models.TextField(
        verbose_name=_("Бележка на модератора"), blank=True, help_text=_("Вижда се само от редакторите.")
    )
    answer = models.CharField(verbose_name=_("Отговор"), max_length=20, choices=Answer.choices, blank=True)
    answer_reason = models.TextField(
        verbose_name=_("Мотиви"),
        blank=True,
        help_text=_("Задължителни, освен когато предложението е прието (чл. 26, ал. 5 ЗНА)."),
    )
    answered_at = models.DateTimeField(verbose_name=_("Отговорено на"), null=True, blank=True)
    notify = models.BooleanField(
        verbose_name=_("Уведомяване по е-поща"),
        default=True,
        help_text=_("Участникът получава едно писмо, когато предложението получи отговор или излезе справката."),
    )
    notified_at = models.DateTimeField(verbose_name=_("Уведомен на"), null=True, blank=True, editable=False)
    erased_at = models.DateTimeField(
        verbose_name=_("Личните данни са изтрити на"), null=True, blank=True, editable=False,
        help_text=_("По искане на участника: текстът и отговорът остават, името и адресът не."),
    )

    search_fields = [
        index.SearchField("text"),
        index.SearchField("author_name"),
        index.SearchField("organisation"),
        index.SearchField("registry_number"),
        # Autocomplete too: the admin's search box uses it, and on SQLite it finds only autocomplete fields.
        index.AutocompleteField("text"),
        index.AutocompleteField("registry_number"),
        index.AutocompleteField("author_name"),
        index.AutocompleteField("organisation"),
        index.FilterField("consultation"),
        index.FilterField("status"),
    ]

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Предложение")
        verbose_name_plural = _("Предложения")
        ordering = ["created_at", "pk"]
        # Who may see and erase a participant's personal data: the Moderators group (README, "Roles").
        permissions = [
            ("view_participant_email", _("Може да вижда електронната поща на участниците")),
            ("erase_participant", _("Може да изтрива личните данни на участник")),
        ]
        constraints = [
            models.UniqueConstraint(
                "consultation",
                models.functions.Lower("email"),
                "text_digest",
                condition=~models.Q(email=""),
                name="submission_same_text_once_per_email",
                violation_error_message=_("Вече сте изпратили същия текст до тази консултация."),
            ),
            models.CheckConstraint(
                condition=models.Q(consultation__isnull=True, evaluation__isnull=False)
                | models.Q(consultation__isnull=False, evaluation__isnull=True),
                name="submission_to_a_consultation_or_with_an_evaluation",
                violation_error_message=_("Изберете консултацията, към която е предложението."),
            ),
            models.CheckConstraint(
                # A recommendation comes with an anonymous rating, which asks for no name or organisation.
                # An erased participant's organisation is gone with the rest of their data.
                condition=~models.Q(stakeholder_type__in=StakeholderType.organisations()) | ~models.Q(organisation="")
                | models.Q(evaluation__isnull=False) | models.Q(erased_at__isnull=False),
                name="submission_organisation_named",
                violation_error_message=_("Посочете организацията, която представлявате."),
            ),
            models.CheckConstraint(
                condition=models.Q(channel=Channel.ONLINE) | ~models.Q(status=SubmissionStatus.UNCONFIRMED),
                name="submission_only_online_unconfirmed",
                violation_error_message=_(
                    "Предложение, получено по друг канал, се отчита от момента на въвеждането: изберете статус "
                    "„Чака преглед“, „Одобрено“ или „Скрито“."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(answer="") | models.Q(answer=Answer.ACCEPTED) | ~models.Q(answer_reason=""),
                name="submission_answer_reason_unless_accepted",
                violation_error_message=_("Посочете мотивите: те са задължителни, освен когато предложението е прието."),
            ),
            models.CheckConstraint(
                condition=models.Q(channel=Channel.ONLINE) | ~models.Q(registry_number=""),
                name="submission_registry_number_unless_online",
                violation_error_message=_("Въведете входящия номер на документа."),
            ),
        ]

    constraint_error_fields = {
        "submission_to_a_consultation_or_with_an_evaluation": "consultation",
        "submission_same_text_once_per_email": "text",
        "submission_organisation_named": "organisation",
        "submission_only_online_unconfirmed": "status",
        "submission_answer_reason_unless_accepted": "answer_reason",
        "submission_registry_number_unless_online": "registry_number",
    }

    def __str__(self):
        return f"№ {self.pk} — {self.public_author()}"

    def validate_constraints(self, exclude=None):
        # The digest follows the text, and the consultation (or evaluation) is set by the page that received the
        # form, never typed in: a form without those fields must still meet the one-text-per-address rule, at its
        # text, and an editor's form that leaves the consultation empty must be told so at that field.
        exclude = set(exclude or ())
        if "text" not in exclude:
            self.text_digest = text_digest(self.text)
            exclude.discard("text_digest")
        exclude.discard("evaluation")
        exclude.discard("erased_at")  # never in a form, but part of the rule that an organisation is named
        if self.consultation_id is not None:
            exclude.discard("consultation")
        super().validate_constraints(exclude=exclude)

    def save(self, *args, **kwargs):
        self.text_digest = text_digest(self.text)
        if self.answer and self.answered_at is None:
            self.answered_at = timezone.now()
        elif not self.answer:
            self.answered_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "text_digest", "answered_at"}
        super().save(*args, **kwargs)

    def addressed_to(self):
        """What the submission is about, for the moderators' list: its consultation, or the rated policy and period."""
        if self.consultation_id is not None:
            return str(self.consultation)
        period = self.evaluation.period
        return _("Препоръка към „%(policy)s“, %(period)s") % {"policy": period.policy_page.title, "period": period.title}

    def public_author(self):
        """The author as the справка and the page may show it: the organisation, the name if agreed, or neither."""
        if self.erased_at is not None:
            return _("Изтрит участник")
        if self.evaluation_id is not None:
            return self.get_stakeholder_type_display()  # sent with an anonymous rating
        if self.stakeholder_type in StakeholderType.organisations() and self.organisation:
            return self.organisation
        if self.publish_name:
            return self.author_name
        return _("Гражданин (името не се публикува)")

    def counts(self):
        """Whether it is part of the consultation: confirmed online, or entered by an editor."""
        return self.status != SubmissionStatus.UNCONFIRMED
