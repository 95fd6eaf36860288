"""Receiving a survey's answers: once per browser, anonymously, with the guards of every public form."""

import uuid

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from consultations.receiving import flooded

from .models import TEXT_TYPES, SurveyAnswer, SurveyTextAnswer

SESSION_ANSWERED = "surveys.answered"
FORM_ANCHOR = "anketa"


def respondent_key(page, showing):
    """What the answer keeps of the form it was sent from: a keyed hash of the random value of the form's showing,
    different for each survey. Every copy of one showing (a double click, a resent page) has the same; nothing the browser keeps
    after the answer, its cookies included, leads to it."""
    return salted_hmac("surveys.respondent", f"{page.pk}:{showing}", algorithm="sha256").hexdigest()


def has_answered(request, page):
    return page.pk in request.session.get(SESSION_ANSWERED, [])


def remember_answered(request, page):
    request.session[SESSION_ANSWERED] = [*request.session.get(SESSION_ANSWERED, []), page.pk][-50:]


def render_survey(page, request, state, form=None, status=200):
    context = page.get_context(request)
    context.update(state=state, form=form, form_anchor=FORM_ANCHOR)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def serve_survey(page, request):
    if not page.is_open():
        return render_survey(page, request, "closed", status=403 if request.method == "POST" else 200)
    if has_answered(request, page):
        # A session that has answered gets the same page for a second answer, sent or only asked for.
        return render_survey(page, request, "answered", status=409 if request.method == "POST" else 200)
    if request.method != "POST":
        return render_survey(page, request, "form", page.get_form(page=page, user=request.user))
    return receive_answer(page, request)


def receive_answer(page, request):
    if refused := flooded(request, page, "survey-answer"):
        return refused
    form = page.get_form(request.POST, page=page, user=request.user)
    if not form.is_valid():
        return render_survey(page, request, "form", form)
    if not form.is_from_a_bot():
        # A form shown before showings had a random value (a deploy ago) is counted on its own.
        showing = form.showing or uuid.uuid4().hex
        try:
            store_answer(page, form, respondent_key(page, showing))
        except IntegrityError:
            # Another copy of the same form (a double click, a resent page) was stored first: this one is that one.
            remember_answered(request, page)
            return render_survey(page, request, "answered", status=409)
    remember_answered(request, page)
    messages.success(request, _("Благодарим! Отговорите ви са записани."))
    return HttpResponseRedirect(page.url)


@transaction.atomic
def store_answer(page, form, respondent):
    data = form.answers()
    answer = SurveyAnswer.objects.create(
        page=page, form_data=data, stakeholder_type=form.cleaned_data["stakeholder_type"], respondent=respondent)
    SurveyTextAnswer.objects.bulk_create(
        SurveyTextAnswer(answer=answer, question=question.clean_name, question_label=question.label)
        for question in form.questions if question.field_type in TEXT_TYPES and data.get(question.clean_name)
    )
    return answer

