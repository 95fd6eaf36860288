from .indicators import Direction, Indicator, IndicatorValue, public_indicators
from .measures import (BGN_PER_EUR, Currency, Measure, MeasureDecision, MeasureDocument, MeasureStatus,
                       MeasureUpdate, overall_progress, public_measures)
from .pages import PolicyIndexPage, PolicyPage, PolicyPageTag, PolicyStage

__all__ = [
    "BGN_PER_EUR", "Currency", "Direction", "Indicator", "IndicatorValue", "Measure", "MeasureDecision",
    "MeasureDocument", "MeasureStatus", "MeasureUpdate", "PolicyIndexPage", "PolicyPage", "PolicyPageTag",
    "PolicyStage", "overall_progress", "public_indicators", "public_measures",
]
