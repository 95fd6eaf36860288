"""Factories for the home page and plain content pages."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage
from tests.hostile import XSS, XSS_AS_TYPED_IN_RICH_TEXT


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Диалози за бъдещето на Ботевград"
    slug = "nachalo"
    intro = f"<p>Добре дошли {XSS_AS_TYPED_IN_RICH_TEXT}</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"За платформата {n} {XSS}")
    slug = factory.Sequence(lambda n: f"stranica-{n}")
    intro = f"Въведение {XSS}"
    body = factory.LazyFunction(lambda: [("paragraph", f"<p>Текст на страницата {XSS_AS_TYPED_IN_RICH_TEXT}</p>")])

    class Meta:
        model = StandardPage
