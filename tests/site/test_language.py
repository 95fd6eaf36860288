"""The site and the Wagtail admin speak Bulgarian, including where Wagtail's own catalogue is silent."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation


def test_our_catalogue_fills_wagtails_gaps():
    with translation.override("bg"):
        assert translation.gettext("Bulk actions") == "Групови действия"
        assert translation.gettext("Site history") == "История на сайта"
        assert translation.ngettext("Referenced %(count)s time", "Referenced %(count)s times", 5) == "Използвано %(count)s пъти"


@pytest.mark.django_db
def test_admin_pages_are_in_bulgarian(client, home):
    client.force_login(get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест"))
    content = client.get("/admin/reports/site-history/").content.decode()
    assert '<html lang="bg"' in content
    assert "История на сайта" in content
    assert "Site history" not in content


@pytest.mark.django_db
def test_public_pages_declare_bulgarian(client, home):
    assert '<html lang="bg">' in client.get("/").content.decode()
