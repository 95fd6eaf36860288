"""Factories for the decisions archive."""

import datetime

import factory
import wagtail_factories

from decisions.models import DecisionIndexPage, DecisionPage, IssuingBody
from tests.hostile import XSS, XSS_AS_TYPED_IN_RICH_TEXT


class DecisionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Решения"
    slug = "resheniya"
    show_in_menus = True

    class Meta:
        model = DecisionIndexPage


class DecisionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Решение за бюджета {n} {XSS}")
    slug = "ignored-set-from-year-and-number"
    issuing_body = IssuingBody.COUNCIL
    number = factory.Sequence(lambda n: n + 1)
    date = datetime.date(2025, 3, 28)
    session = 5
    body = f"<p>Общинският съвет приема бюджета. {XSS_AS_TYPED_IN_RICH_TEXT}</p>"

    class Meta:
        model = DecisionPage
