"""One page of a public list asked for in the address: a wrong page number is said on the page, never a 500."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from .forms import page_number_field


def page_of(items, request, per_page, parameter="stranica"):
    """(page, message, status): the asked page with 200; else the first page, the reason and 400 or 404."""
    from django import forms

    form_class = type("PageNumberForm", (forms.Form,), {parameter: page_number_field()})
    form = form_class(request.GET)
    paginator = Paginator(items, per_page)
    if not form.is_valid():
        return paginator.page(1), " ".join(form.errors[parameter]), 400
    number = form.cleaned_data[parameter] or 1
    if number > paginator.num_pages:
        return paginator.page(1), _("Няма страница %(number)s; показваме първата.") % {"number": number}, 404
    return paginator.page(number), "", 200
