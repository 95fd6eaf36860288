"""Where a policy stands, from the facts the site holds: its consultations, the decision that adopted it, its measures.

The stage an editor sets is what the public sees, except while a consultation is open: then the
policy is "Обществено обсъждане" from the minute it opens to the minute it closes, without anyone
having to remember to change it. Other contradictions (a stage "Приета" without the adopting
decision, measures under way on a draft) are told to the editor in the admin (stage_warnings), not
silently corrected: the site cannot know of a decision taken before it existed.

The golden thread lists those facts in the order a policy goes through them, each linked.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from botevgrad.public_tree import visible

from .models.measures import MeasureStatus
from .models.stages import PolicyStage

ADOPTED_STAGES = (PolicyStage.ADOPTED, PolicyStage.IMPLEMENTATION, PolicyStage.EVALUATED)
# Measures in these states mean the policy is being carried out.
STARTED_STATUSES = (MeasureStatus.IN_PROGRESS, MeasureStatus.DONE, MeasureStatus.DELAYED)


def open_consultations(at=None):
    """The consultations open at `at` (now), as a queryset the policies' stage is read from."""
    from consultations.models import Consultation  # consultations sit below policy pages

    return Consultation.objects.filter(shown_on_page=True).open_now(at)


def with_public_stage(policies, at=None):
    """`policies` with what their public stage needs, in the same query: whether a consultation is open."""
    return policies.annotate(consulting_now=Exists(open_consultations(at).filter(policy_page=OuterRef("pk"))))


def public_stage(page, at=None):
    """The stage the public sees: the editor's, but "Обществено обсъждане" while a consultation is open."""
    consulting = getattr(page, "consulting_now", None)
    if consulting is None:
        consulting = open_consultations(at).filter(policy_page=page).exists()
    return PolicyStage.CONSULTATION if consulting else PolicyStage(page.stage)


def adopting_decision(page):
    """The live, public decision the editor named as adopting the policy, or None."""
    if page.adopted_by_id is None:
        return None
    from wagtail.models import Page

    model = page._meta.get_field("adopted_by").related_model
    return model.objects.filter(pk=page.adopted_by_id, pk__in=visible(Page.objects).values("pk")).first()


def stage_warnings(page, at=None):
    """What the facts say against the stage the editor set, as sentences for the editor (empty when they agree)."""
    at = at or timezone.now()
    stage = PolicyStage(page.stage)
    warnings = []
    consultations = list(page.consultations.order_by("opens_at")) if page.pk else []
    current = next((c for c in consultations if c.opens_at <= at < c.closes_at), None)
    if current is not None and stage != PolicyStage.CONSULTATION:
        warnings.append(_("Консултацията „%(title)s“ е отворена до %(closes)s: докато е отворена, публично се "
                          "показва етап „Обществено обсъждане“, а не „%(stage)s“.") % {
            "title": current.title, "closes": date_format(timezone.localtime(current.closes_at), "d.m.Y H:i"),
            "stage": stage.label})
    if stage in ADOPTED_STAGES and page.adopted_by_id is None:
        warnings.append(_("Етапът е „%(stage)s“, но не е посочено решението, с което политиката е приета "
                          "(поле „Приета с решение“).") % {"stage": stage.label})
    if stage not in ADOPTED_STAGES and page.adopted_by_id is not None and current is None:
        warnings.append(_("Посочено е решение за приемане, а етапът е „%(stage)s“. Изберете „Приета“ или "
                          "„Изпълнение“.") % {"stage": stage.label})
    measures = list(page.measures.all()) if page.pk else []
    started = any(measure.status in STARTED_STATUSES for measure in measures)
    if started and stage not in (PolicyStage.IMPLEMENTATION, PolicyStage.EVALUATED):
        warnings.append(_("Има започнати мерки, а етапът е „%(stage)s“. Изберете „Изпълнение“.") % {"stage": stage.label})
    if stage == PolicyStage.IMPLEMENTATION and not measures:
        warnings.append(_("Етапът е „Изпълнение“, но политиката няма мерки (раздел „Изпълнение“)."))
    return warnings


@dataclass
class Step:
    """One fact of the golden thread."""

    kind: str
    title: str
    url: str = ""
    date: object = None  # a date, or (start, end) for a period
    detail: str = ""


def golden_thread(page, consultations, adopted_by, monitoring, evaluations=(), at=None):
    """The policy's way from draft to results, in the order it went: draft, consultations and their справки,
    the adopting decision, measures and indicators (`monitoring`, a MonitoringSection), the public's evaluations
    (PeriodResults of the periods the page shows). Only what is public; each step links to where it is shown.
    """
    at = at or timezone.now()
    steps = []
    if page.first_published_at:
        steps.append(Step("draft", _("Страницата на политиката е публикувана"), "",
                          timezone.localdate(page.first_published_at)))
    for consultation in consultations:
        opens, closes = timezone.localtime(consultation.opens_at), timezone.localtime(consultation.closes_at)
        state = (_("предстои") if at < consultation.opens_at
                 else _("отворена") if at < consultation.closes_at else _("приключила"))
        steps.append(Step("consultation", _("Обществено обсъждане: %(title)s") % {"title": consultation.title},
                          f"#konsultaciya-{consultation.pk}", (opens.date(), closes.date()), state))
        if consultation.report_published_at:
            steps.append(Step("report", _("Справка от обсъждането: %(title)s") % {"title": consultation.title},
                              reverse("consultations:report", args=[consultation.pk]),
                              timezone.localdate(consultation.report_published_at)))
    if adopted_by is not None:
        steps.append(Step("decision", _("Приета: %(decision)s") % {"decision": adopted_by.title}, adopted_by.url,
                          adopted_by.date))
    if monitoring.measure_count:
        progress = monitoring.overall_progress
        detail = _("общо изпълнение %(progress)s\xa0%%") % {"progress": progress} if progress is not None else ""
        steps.append(Step("measures", _("Мерки: %(count)s") % {"count": monitoring.measure_count}, "#measures-heading",
                          monitoring.first_start, detail))
    if monitoring.indicator_count:
        measured = monitoring.last_measured
        steps.append(Step("indicators", _("Индикатори: %(count)s") % {"count": monitoring.indicator_count},
                          "#indicators-heading", measured,
                          _("последно измерване") if measured else _("все още без измерени стойности")))
    for results in evaluations:
        period = results.period
        if results.enough and results.overall_mean is not None:
            detail = ngettext("%(count)s оценка, средна %(mean)s от 5", "%(count)s оценки, средна %(mean)s от 5",
                              results.count) % {"count": results.count,
                                                "mean": number_format(results.overall_mean, decimal_pos=1)}
        elif results.enough:
            detail = ngettext("%(count)s оценка", "%(count)s оценки", results.count) % {"count": results.count}
        else:
            detail = _("още няма достатъчно оценки за резултат")
        steps.append(Step("evaluation", _("Оценка на изпълнението: %(title)s") % {"title": period.title},
                          f"#ocenka-{period.pk}",
                          (timezone.localdate(period.opens_at), timezone.localdate(period.closes_at)), detail))
    return steps
