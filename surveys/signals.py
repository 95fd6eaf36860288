"""A survey's remembered results are forgotten whenever what they count changes."""

from django.db.models.signals import post_delete, post_save


def answer_changed(sender, instance, raw=False, **kwargs):
    from .results import forget_results

    if not raw:
        forget_results(instance.page_id)


def text_answer_changed(sender, instance, raw=False, **kwargs):
    from .results import forget_results

    if not raw:
        forget_results(instance.answer.page_id)


def connect():
    from .models import SurveyAnswer, SurveyTextAnswer

    for signal in (post_save, post_delete):
        signal.connect(answer_changed, sender=SurveyAnswer, dispatch_uid=f"surveys.answer.{signal is post_save}")
        signal.connect(text_answer_changed, sender=SurveyTextAnswer,
                       dispatch_uid=f"surveys.text_answer.{signal is post_save}")
