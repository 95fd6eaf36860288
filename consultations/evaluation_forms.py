"""The public form in which a person rates how a policy is carried out in a period."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .forms import INVALID_EMAIL_MESSAGE, HumanGuardedForm
from .models import Evaluation, EvaluationScore, StakeholderType
from .models.evaluation import HIGHEST_SCORE, LOWEST_SCORE, MAX_RECOMMENDATION_LENGTH

CANNOT_TELL = "x"
SCORE_LABELS = {
    1: _("1 — много лошо"),
    2: _("2 — лошо"),
    3: _("3 — средно"),
    4: _("4 — добре"),
    5: _("5 — много добре"),
}
SCORE_CHOICES = [(str(score), SCORE_LABELS[score]) for score in range(LOWEST_SCORE, HIGHEST_SCORE + 1)] + [
    (CANNOT_TELL, _("Не мога да преценя"))
]


def criterion_field_name(criterion):
    return f"kriteriy-{criterion.pk}"


class EvaluationForm(HumanGuardedForm, forms.ModelForm):
    """A score for each of the period's criteria, who the person is, an optional recommendation."""

    consent = forms.BooleanField(
        label=_("Съгласен/на съм данните ми да бъдат обработени според уведомлението за поверителност."),
        error_messages={"required": _("Без съгласие не можем да приемем оценката.")},
    )

    class Meta:
        model = Evaluation
        fields = ["stakeholder_type", "recommendation", "email"]
        labels = {
            "stakeholder_type": _("Вие сте"),
            "recommendation": _("Как услугите по тази политика биха могли да се предоставят по-добре?"),
            "email": _("Електронна поща"),
        }
        help_texts = {
            "recommendation": _("По желание, до %(max)s знака. Публикува се след преглед, без името и адреса ви.")
            % {"max": MAX_RECOMMENDATION_LENGTH},
            "email": _("За да потвърдите оценката. Една оценка от адрес се отчита за периода; адресът не се "
                       "публикува никога."),
        }
        widgets = {
            "stakeholder_type": forms.RadioSelect,
            "recommendation": forms.Textarea(attrs={"rows": 5, "maxlength": MAX_RECOMMENDATION_LENGTH}),
        }

    def __init__(self, *args, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.period = period
        self.instance.period = period
        self.criteria = list(period.criteria.all())
        criterion_fields = {}
        for criterion in self.criteria:
            criterion_fields[criterion_field_name(criterion)] = forms.ChoiceField(
                label=criterion.name,
                help_text=criterion.question,
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Оценете „%(name)s“ или изберете „Не мога да преценя“.") % {"name": criterion.name},
                    "invalid_choice": _("Изберете оценка от 1 до 5 или „Не мога да преценя“."),
                },
            )
        # The criteria first, in the period's order, so that the error summary reads as the page does.
        self.fields = {**criterion_fields, **self.fields}
        self.fields["stakeholder_type"].choices = StakeholderType.choices
        self.fields["stakeholder_type"].error_messages["required"] = _("Изберете кого представлявате.")
        self.fields["email"].error_messages["required"] = _("Въведете електронна поща, за да потвърдите оценката.")
        self.fields["email"].error_messages["invalid"] = INVALID_EMAIL_MESSAGE
        self.fields["email"].widget.attrs.update(autocomplete="email")

    def criterion_fields(self):
        return [self[criterion_field_name(criterion)] for criterion in self.criteria]

    def clean_recommendation(self):
        return self.cleaned_data["recommendation"].strip()

    def scores(self):
        """(criterion, score or None for „не мога да преценя“) of a valid form."""
        return [
            (criterion, None if (value := self.cleaned_data[criterion_field_name(criterion)]) == CANNOT_TELL
             else int(value))
            for criterion in self.criteria
        ]

    def save(self, commit=True):
        with transaction.atomic():
            evaluation = super().save()
            EvaluationScore.objects.bulk_create(
                EvaluationScore(evaluation=evaluation, criterion=criterion, score=score)
                for criterion, score in self.scores()
            )
        return evaluation
