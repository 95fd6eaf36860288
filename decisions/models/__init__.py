"""The archive of municipal council decisions and mayor's orders."""

from .decision_page import (
    BODY_FEATURES,
    DecisionDocument,
    DecisionPage,
    DecisionPageTag,
    IssuingBody,
    LegalStatus,
)
from .index_page import DECISIONS_PER_PAGE, DecisionIndexPage

__all__ = [
    "BODY_FEATURES",
    "DECISIONS_PER_PAGE",
    "DecisionDocument",
    "DecisionIndexPage",
    "DecisionPage",
    "DecisionPageTag",
    "IssuingBody",
    "LegalStatus",
]
