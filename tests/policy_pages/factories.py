"""Factories for policy pages."""

import factory
import wagtail_factories

from policy_pages.models import PolicyIndexPage, PolicyPage, PolicyStage
from tests.hostile import XSS


class PolicyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Политики"
    slug = "politiki"
    show_in_menus = True

    class Meta:
        model = PolicyIndexPage


class PolicyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Политика {n} {XSS}")
    slug = factory.Sequence(lambda n: f"politika-{n}")
    summary = f"Резюме на политиката {XSS}"
    stage = PolicyStage.IMPLEMENTATION
    responsible_department = f"Дирекция „Екология“ {XSS}"
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": f"Цели {XSS}", "level": "h2"}),
            ("paragraph", "<p>Разделно събиране във всички квартали.</p>"),
            ("quote", {"quote": f"Чист град {XSS}", "attribution": "Жител"}),
        ]
    )

    class Meta:
        model = PolicyPage
