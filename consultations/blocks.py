"""Blocks editors put in a policy page's body: the draft text by sections, and the participation forms."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from botevgrad.remembered import PUBLIC_PAGES

from .page_messages import consultation_section, evaluation_section, message_anchor, messages_for_block

SUBMISSIONS_PER_PAGE = 20
SUBMISSIONS_PAGE_PARAMETER = "predlozheniya"


class DraftSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Заглавие на раздела"), help_text=_("Напр. „Чл. 3“ или „Раздел II. Цели“."))
    text = blocks.RichTextBlock(label=_("Текст"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "doc-full"
        label = _("Раздел")


class DraftTextBlock(blocks.StructBlock):
    """The text of the draft, section by section; each section keeps its anchor when the text is edited."""

    title = blocks.CharBlock(label=_("Заглавие"), default=_("Проект"))
    sections = blocks.StreamBlock([("section", DraftSectionBlock())], label=_("Раздели"))

    class Meta:
        icon = "list-ol"
        label = _("Текст на проекта по раздели")
        template = "consultations/blocks/draft_text_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        # Each section links to the form of the consultation open now, if the page has one.
        now = timezone.now()
        context["open_form_anchor"] = next(
            (ConsultationBlock.form_anchor(child.id) for child in blocks_on_page(page, ConsultationBlock)
             if child.value["consultation"] is not None and child.value["consultation"].is_open(now)),
            None,
        ) if page is not None else None
        return context


def blocks_in_fields(page, block_class):
    """(field name, block) of every block of `block_class` at the top level of the page's StreamFields, in order."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for child in getattr(page, field.name):
                if isinstance(child.block, block_class):
                    yield field.name, child


def blocks_on_page(page, block_class):
    """Every block of `block_class` at the top level of any of the page's StreamFields, in page order."""
    return (child for _field_name, child in blocks_in_fields(page, block_class))


def draft_sections(page):
    """(anchor, heading) of every section in every draft text block on the page, in page order.

    The anchor is the block's id, which Wagtail keeps when editors change the text around it.
    """
    return [
        (section.id, section.value["heading"])
        for draft in blocks_on_page(page, DraftTextBlock)
        for section in draft.value["sections"]
    ]


class ParticipationBlock(blocks.StructBlock):
    """A block with a form that its page receives (consultations/pages.py: ParticipationPageMixin).

    Any number of them may share a page: each form's fields are prefixed by its block's id, and the
    POST names the block it came from. The page template passes the id:
    `{% include_block block with block_id=block.id %}`.
    """

    @staticmethod
    def form_anchor(block_id):
        """The id of the block's form on the page, where a link or a redirect with errors lands."""
        return f"forma-{block_id}"

    def errors_on_page(self, value, page):
        """Why this block cannot be on `page` ([] if it can); the page shows them at the block's field on saving.

        Override to refuse, for example, a consultation that belongs to another page.
        """
        return []

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        block_id = (parent_context or {}).get("block_id", "")
        context.update(block_id=block_id, form_anchor=self.form_anchor(block_id))
        return context

    def posted_form(self, parent_context, block_id):
        """The form the page re-renders after an invalid POST to this block, or None for a fresh one."""
        form = (parent_context or {}).get("participation_form")
        return form if form is not None and form.prefix == block_id else None


class ConsultationBlock(ParticipationBlock):
    """A consultation's state on the page: when it opens, its form while open, its results when closed."""

    consultation = SnippetChooserBlock("consultations.Consultation", label=_("Консултация"))

    class Meta:
        icon = "form"
        label = _("Обществена консултация")
        template = "consultations/blocks/consultation_block.html"

    def errors_on_page(self, value, page):
        consultation = value["consultation"]
        if consultation is not None and consultation.policy_page_id != page.pk:
            return [_("Консултацията „%(title)s“ принадлежи на друга страница. Изберете консултация на тази "
                      "страница или създайте нова за нея в „Обществени консултации → Консултации“.")
                    % {"title": consultation.title}]
        return []

    def get_context(self, value, parent_context=None):
        from .forms import SubmissionForm

        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        consultation = value["consultation"]
        request = parent_context.get("request")
        page = parent_context.get("page")
        if consultation is None or page is None:
            return context
        block_id = context["block_id"]
        now = timezone.now()
        sections = draft_sections(page)
        form = self.posted_form(parent_context, block_id)
        if form is None:
            initial = {"section_anchor": request.GET.get("razdel", "")} if request else {}
            form = SubmissionForm(consultation=consultation, sections=sections, initial=initial, prefix=block_id)
        order = [anchor for anchor, heading in sections]
        submissions_page, page_error = published_page(
            ("published", consultation.pk, consultation.publication, order),
            lambda: consultation.published_submissions(section_order=order), request)
        late = parent_context.get("late_text")
        read_documents(consultation)
        context.update(
            consultation=consultation,
            section=consultation_section(consultation.pk),
            block_messages=messages_for_block(request, consultation_section(consultation.pk)),
            message_anchor=message_anchor(consultation_section(consultation.pk)),
            phase=consultation.phase(now),
            form=form,
            late_text=late["text"] if late and late["block_id"] == block_id else "",
            submissions_page=submissions_page,
            submissions_page_error=page_error,
            submissions_page_parameter=SUBMISSIONS_PAGE_PARAMETER,
            submission_count=remembered_count(("counted", consultation.pk), consultation.counted_submissions),
        )
        return context


class EvaluationBlock(ParticipationBlock):
    """A rating period on the page: its form while open, and its results once enough people have rated."""

    period = SnippetChooserBlock("consultations.EvaluationPeriod", label=_("Период за оценка"))

    class Meta:
        icon = "success"
        label = _("Оценка на изпълнението")
        template = "consultations/blocks/evaluation_block.html"

    def errors_on_page(self, value, page):
        period = value["period"]
        if period is None:
            return []
        if period.policy_page_id != page.pk:
            return [_("Периодът „%(title)s“ е за друга политика. Изберете период на тази страница или създайте нов "
                      "в „Обществени консултации → Периоди за оценка“.") % {"title": period.title}]
        if not period.criteria.exists():
            return [_("Периодът „%(title)s“ няма критерии за оценка. Добавете поне един.") % {"title": period.title}]
        return []

    def get_context(self, value, parent_context=None):
        from .evaluation_charts import period_chart, trend_chart
        from .evaluation_forms import EvaluationForm
        from .evaluation_results import PolicyEvaluations, threshold
        from .forms import RecommendationsPageForm
        from .models import Submission, SubmissionStatus

        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        period = value["period"]
        request = parent_context.get("request")
        page = parent_context.get("page")
        if period is None or page is None or period.policy_page_id != page.pk:
            context["period"] = None
            return context
        block_id = context["block_id"]
        evaluations = PolicyEvaluations.for_page(page)
        results = evaluations.for_period(period.pk)
        # The same period, read with its criteria for the results: the form needs no query of its own.
        period = results.period if results is not None else period
        phase = period.phase()
        form = self.posted_form(parent_context, block_id)
        if form is None and phase == "open":
            form = EvaluationForm(period=period, prefix=block_id)
        # The trend is one for the page: shown once, in the block of the latest period the page shows.
        shown = [child.value["period"] for child in blocks_on_page(page, EvaluationBlock) if child.value["period"]]
        latest = max(shown, key=lambda shown_period: (shown_period.opens_at, shown_period.pk))
        trend = evaluations.trend() if latest.pk == period.pk else None
        section = evaluation_section(period.pk)
        recommendations, recommendations_error = published_page(
            ("recommendations", period.pk),
            lambda: Submission.objects.filter(evaluation__period=period, status=SubmissionStatus.APPROVED)
            .order_by("created_at", "pk"), request, RecommendationsPageForm)
        context.update(
            recommendations=recommendations,
            recommendations_error=recommendations_error,
            period=period,
            section=section,
            phase=phase,
            form=form,
            block_messages=messages_for_block(request, section),
            message_anchor=message_anchor(section),
            results=results,
            results_chart=period_chart(results) if results and results.enough else None,
            threshold=threshold(),
            trend=trend,
            trend_chart=trend_chart(trend, f"{section}-trend") if trend else None,
        )
        return context


def published_page(key, published, request, page_form=None):
    """(page of published submissions, message or ""): an invalid or missing page number is said, not hidden.

    `published()` makes the list's queryset, which `key` names (counted_page); `page_form` is the form of the
    page parameter (SubmissionsPageForm, ?predlozheniya=N, by default).
    """
    from .forms import SubmissionsPageForm

    page_form = page_form or SubmissionsPageForm
    parameter = next(iter(page_form.base_fields))
    form = page_form(request.GET if request else {})
    if not form.is_valid():
        return counted_page(key, published, 1), " ".join(form.errors[parameter])
    number = form.cleaned_data[parameter] or 1
    found = counted_page(key, published, number)
    if found is None:
        return counted_page(key, published, 1), _("Няма страница %(number)s с предложения; показваме първата.") % {
            "number": number}
    return found, ""


def counted_page(key, listed, number):
    """Page `number` of the list `listed()` makes, or None past the last page.

    Counted by the same query (a window over the whole list, before the limit): Paginator's COUNT would cost a
    second query per list, and a page shows several. Remembered until public data changes, under `key`, which
    names the list without making its query (what it is of, and its order).
    """
    def read():
        queryset = listed()
        if queryset.query.is_empty():
            return [], 0
        offset = (number - 1) * SUBMISSIONS_PER_PAGE
        rows = list(queryset.annotate(listed_in_all=Window(Count("pk")))[offset:offset + SUBMISSIONS_PER_PAGE])
        return rows, rows[0].listed_in_all if rows else 0

    rows, count = PUBLIC_PAGES.remembered("counted-page", (key, number), read)
    if not rows and number > 1:
        return None
    paginator = Paginator((), SUBMISSIONS_PER_PAGE)
    paginator.count = count  # instead of the cached property's query
    return Page(rows, number, paginator)


def read_documents(consultation):
    """Put the documents the block links to on the consultation, read in one query (not one each) and remembered."""
    from wagtail.documents import get_document_model

    fields = ("draft_document", "motives_document", "impact_assessment_document")
    ids = {name: getattr(consultation, f"{name}_id") for name in fields}
    wanted = sorted({pk for pk in ids.values() if pk is not None})
    documents = PUBLIC_PAGES.remembered(
        "consultation-documents", wanted, lambda: get_document_model().objects.in_bulk(wanted))
    for name, pk in ids.items():
        if pk in documents:  # PROTECT keeps them while the consultation refers to them
            setattr(consultation, name, documents[pk])


def remembered_count(key, counted):
    """`counted().count()`, remembered under `key` (what it counts) until public data changes."""
    return PUBLIC_PAGES.remembered("count", key, lambda: counted().count())


def consultations_on_page(page):
    """The consultations whose block is on the page."""
    return {
        child.value["consultation"]
        for child in blocks_on_page(page, ConsultationBlock)
        if child.value["consultation"] is not None
    }
