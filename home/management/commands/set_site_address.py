"""Give the default site the address people reach it at, so e-mails, feeds and the sitemap link to it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = "Записва адреса на сайта (по подразбиране WAGTAILADMIN_BASE_URL) в записа на сайта по подразбиране."

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="напр. https://dialozi.botevgrad.bg")

    def handle(self, *args, url=None, **options):
        parts = urlsplit(url or settings.WAGTAILADMIN_BASE_URL)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(f"Невалиден адрес: {url!r} (очаква се напр. https://dialozi.botevgrad.bg)")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Няма сайт по подразбиране: първо заредете съдържание (load_demo).")
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"Адрес на сайта: {site.root_url}")
