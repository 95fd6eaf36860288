"""The project's sociological survey: a page built with Wagtail's form builder, answered anonymously.

An answer keeps no name, e-mail, address or cookie. It keeps a keyed hash of the random value the form got when it
was shown, so the database itself stores one answer however many copies of one form arrive at once; the session
tells a later visit from the same browser that it has answered (surveys/answering.py). Text answers are public
only once a moderator has published them (SurveyTextAnswer).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from botevgrad.public_tree import KnownRestrictions
from consultations.models import StakeholderType
from home.slugs import latin_slugify

# Wagtail's field types that make sense for an anonymous survey: no e-mail, address, date or hidden field,
# which would either collect personal data or give nothing to count.
QUESTION_TYPES = [
    ("radio", _("Един отговор (бутони)")),
    ("dropdown", _("Един отговор (падащ списък)")),
    ("checkboxes", _("Няколко отговора (отметки)")),
    ("multiselect", _("Няколко отговора (списък)")),
    ("checkbox", _("Да/не (една отметка)")),
    ("number", _("Число")),
    ("singleline", _("Кратък текст")),
    ("multiline", _("Свободен текст")),
]
CHOICE_TYPES = {"radio", "dropdown"}
MULTIPLE_CHOICE_TYPES = {"checkboxes", "multiselect"}
TEXT_TYPES = {"singleline", "multiline"}
MAX_TEXT_ANSWER_LENGTH = 2000
CLEAN_NAME_LENGTH = 60


class SurveyPage(KnownRestrictions, RoutablePageMixin, AbstractForm):
    """A survey: its questions (form builder), the public results of its answers, a CSV of them for editors."""

    intro = RichTextField(verbose_name=_("Въведение"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    closes_at = models.DateTimeField(
        verbose_name=_("Край на анкетата"), null=True, blank=True,
        help_text=_("След този момент анкетата не приема отговори. Празно — докато страницата е публикувана."),
    )
    thank_you_text = RichTextField(verbose_name=_("Благодарност след отговора"), blank=True,
                                   features=["bold", "italic", "link"])
    show_results = models.BooleanField(
        verbose_name=_("Публикувай обобщените резултати"), default=True,
        help_text=_("Обобщенията по въпроси и групи. Отделни отговори не се публикуват никога; "
                    "текстовите — само след одобрение."),
    )
    results_intro = RichTextField(verbose_name=_("Въведение към резултатите"), blank=True,
                                  features=["bold", "italic", "link"])

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("questions", label=_("Въпроси"), min_num=1),
        FieldPanel("closes_at"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("show_results"), FieldPanel("results_intro")], heading=_("Резултати")),
    ]
    search_fields = AbstractForm.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "surveys/survey_page.html"
    landing_page_template = "surveys/survey_page.html"
    preview_modes = [("", _("Анкетата"))]

    class Meta:
        verbose_name = _("Анкета")
        verbose_name_plural = _("Анкети")

    def get_form_fields(self):
        return self.questions.all()

    def get_data_fields(self):
        return [("submit_time", _("Получен")), ("stakeholder_type", _("Вие сте"))] + [
            (question.clean_name, question.label) for question in self.get_form_fields()
        ]

    def get_submission_class(self):
        return SurveyAnswer

    def get_submissions_list_view_class(self):
        from .admin_views import SurveyAnswersListView

        return SurveyAnswersListView

    def get_form_class(self):
        from .forms import SurveyFormBuilder

        return SurveyFormBuilder(self.get_form_fields()).get_form_class()

    def is_open(self, at=None):
        return self.closes_at is None or (at or timezone.now()) < self.closes_at

    def serve_preview(self, request, mode_name):
        return self.survey(request)

    @path("")
    def survey(self, request):
        from .answering import serve_survey

        return serve_survey(self, request)

    @path("rezultati/", name="survey_results")
    def results(self, request):
        from .results_views import serve_results

        return serve_results(self, request)

    @path("rezultati/<slug:question>/", name="survey_text_answers")
    def text_answers(self, request, question):
        from .results_views import serve_text_answers

        return serve_text_answers(self, request, question)


class SurveyQuestion(AbstractFormField):
    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="questions")
    field_type = models.CharField(verbose_name=_("Вид на въпроса"), max_length=16, choices=QUESTION_TYPES)
    # Wagtail's previews build the form from this field: it must be there on every save.
    field_type.required_on_save = True

    class Meta(AbstractFormField.Meta):
        verbose_name = _("Въпрос")
        verbose_name_plural = _("Въпроси")

    def get_field_clean_name(self):
        """The key of its answers: the label in Latin letters (Wagtail's own would be escaped Cyrillic)."""
        return latin_slugify(self.label, CLEAN_NAME_LENGTH).replace("-", "_") or "vapros"

    def choice_list(self):
        from .forms import SurveyFormBuilder

        return [value for value, _label in SurveyFormBuilder([]).get_formatted_field_choices(self)]


class SurveyAnswer(AbstractFormSubmission):
    """One person's answers to a survey; `respondent` ties it to one showing of the form, not to a person or a
    browser (surveys/answering.py)."""

    stakeholder_type = models.CharField(verbose_name=_("Вие сте"), max_length=20, choices=StakeholderType.choices)
    respondent = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("Отговор на анкета")
        verbose_name_plural = _("Отговори на анкети")
        constraints = [
            models.UniqueConstraint("page", "respondent", name="survey_answered_once_per_session"),
        ]

    def get_data(self):
        return {**super().get_data(), "stakeholder_type": self.get_stakeholder_type_display()}


class TextAnswerStatus(models.TextChoices):
    WAITING = "waiting", _("Чака преглед")
    PUBLISHED = "published", _("Публикуван")
    HIDDEN = "hidden", _("Скрит")


class SurveyTextAnswer(models.Model):
    """A text answer waiting for, or past, a moderator: public only when published. The text stays in the answer."""

    answer = models.ForeignKey(SurveyAnswer, on_delete=models.CASCADE, related_name="text_answers",
                               verbose_name=_("Отговор на анкета"))
    question = models.CharField(verbose_name=_("Въпрос (ключ)"), max_length=255, editable=False)
    question_label = models.CharField(verbose_name=_("Въпрос"), max_length=255, editable=False)
    status = models.CharField(verbose_name=_("Статус"), max_length=10, choices=TextAnswerStatus.choices,
                              default=TextAnswerStatus.WAITING)
    moderated_at = models.DateTimeField(verbose_name=_("Прегледан"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Текстов отговор от анкета")
        verbose_name_plural = _("Текстови отговори от анкети")
        ordering = ["-answer__submit_time", "pk"]
        constraints = [
            models.UniqueConstraint("answer", "question", name="survey_text_answer_once_per_question"),
        ]
        indexes = [models.Index(fields=["status", "question"])]

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 160 else text[:159] + "…"

    @property
    def text(self):
        return str(self.answer.form_data.get(self.question, ""))

