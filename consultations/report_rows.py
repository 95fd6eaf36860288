"""The справка's rows (чл. 26, ал. 5 ЗНА), one list shared by the page, the CSV and the PDF."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ReportRow:
    number: int
    author: str
    stakeholder_type: str
    section: str
    proposal: str
    answer: str
    reason: str
    # The raw `Answer` value ("" while unanswered), for a look per kind of answer; not a column.
    answer_kind: str = ""

    def cells(self):
        """The row's values in the order of `report_columns()`."""
        return [self.number, self.author, self.stakeholder_type, self.section, self.proposal, self.answer, self.reason]


def report_columns():
    return [_("№"), _("Автор / организация"), _("Заинтересована страна"), _("Раздел"), _("Предложение"),
            _("Отговор"), _("Мотиви")]


def report_rows(consultation):
    """Every counted submission in the order received, with only what may be published."""
    submissions = consultation.counted_submissions().order_by("created_at", "pk")
    return [
        ReportRow(
            number=position,
            author=str(submission.public_author()),
            stakeholder_type=submission.get_stakeholder_type_display(),
            section=submission.section_title or _("Проектът като цяло"),
            proposal=submission.text,
            answer=submission.get_answer_display() if submission.answer else _("Без отговор"),
            reason=submission.answer_reason,
            answer_kind=submission.answer,
        )
        for position, submission in enumerate(submissions, start=1)
    ]
