"""Rebuild the public search's entries from every page and document (after an import, a restore or an upgrade)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.models import Page

from search.bulk_entries import BATCH_SIZE, sync_batch
from search.entries import sync_documents
from search.models import SearchEntry


class Command(BaseCommand):
    help = _("Пресъздава записите на публичното търсене за всички страници и документи.")

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help=_("Без лента за напредъка."))

    def handle(self, *args, no_progress=False, **options):
        page_ids = list(Page.objects.filter(depth__gt=1).values_list("id", flat=True).order_by("path"))
        document_ids = list(get_document_model().objects.values_list("id", flat=True).order_by("id"))
        # Entries of pages or documents that no longer exist go with them (cascade); the rest are redone a batch at a time.
        with tqdm(total=len(page_ids), desc=_("Страници"), disable=no_progress, file=self.stderr) as progress:
            for start in range(0, len(page_ids), BATCH_SIZE):
                batch = page_ids[start : start + BATCH_SIZE]
                sync_batch(batch)
                progress.update(len(batch))
        with tqdm(total=len(document_ids), desc=_("Документи"), disable=no_progress, file=self.stderr) as progress:
            for start in range(0, len(document_ids), BATCH_SIZE):
                batch = document_ids[start : start + BATCH_SIZE]
                sync_documents(batch)
                progress.update(len(batch))
        self.stdout.write(_("Записи в търсенето: %(count)s") % {"count": SearchEntry.objects.count()})
