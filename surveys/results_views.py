"""The survey's public results: the summary page, and each text question's published answers page by page."""

from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

from search.pagination import page_of

from .models import TEXT_TYPES
from consultations.evaluation_results import threshold

from .results import published_texts, remembered_results, survey_results

TEXT_ANSWERS_PER_PAGE = 20


def serve_results(page, request):
    if not page.show_results:
        raise Http404
    context = page.get_context(request)
    context["results_html"] = results_html(page, request)
    return TemplateResponse(request, "surveys/survey_results.html", context)


def results_html(page, request):
    """The results' HTML: their tables and charts take longer to render than the rest of the page, and change only
    with them (an answer, a moderation, a new version of the page), so they are rendered once for each change."""
    def render():
        context = {"page": page, "request": request, "results": survey_results(page), "threshold": threshold()}
        return render_to_string("surveys/includes/results.html", context)

    html = remembered_results(page.pk).remembered("html", (page.pk, page.live_revision_id, request.get_host()), render)
    return mark_safe(html)  # noqa: S308 - rendered by our own template above


def serve_text_answers(page, request, question):
    if not page.show_results:
        raise Http404
    found = next((q for q in page.get_form_fields() if q.clean_name == question and q.field_type in TEXT_TYPES), None)
    if found is None:
        raise Http404
    answers, message, status = page_of(published_texts(page, question), request, TEXT_ANSWERS_PER_PAGE)
    context = page.get_context(request)
    context.update(question=found, answers=answers, page_error=message)
    return TemplateResponse(request, "surveys/survey_text_answers.html", context, status=status)
