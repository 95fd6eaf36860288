"""Public consultations on policy drafts and the proposals people send to them."""

from .consultation import Consultation, ConsultationPhase, PublicationMode
from .evaluation import Evaluation, EvaluationCriterion, EvaluationPeriod, EvaluationScore, EvaluationStatus
from .index_page import ConsultationIndexPage
from .stored_report import StoredReportPdf
from .submission import Answer, Channel, StakeholderType, Submission, SubmissionKind, SubmissionStatus

__all__ = [
    "Answer",
    "Channel",
    "Consultation",
    "ConsultationIndexPage",
    "ConsultationPhase",
    "Evaluation",
    "EvaluationCriterion",
    "EvaluationPeriod",
    "EvaluationScore",
    "EvaluationStatus",
    "PublicationMode",
    "StakeholderType",
    "StoredReportPdf",
    "Submission",
    "SubmissionKind",
    "SubmissionStatus",
]
