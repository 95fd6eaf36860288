"""Extract the text of the whole document library now, without the task queue (after an import or an outage)."""

from collections import Counter

from django.core.management.base import BaseCommand
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from tqdm import tqdm
from wagtail.documents import get_document_model

from search.document_text import FINAL_STATUSES, store_text
from search.models import DocumentText


class Command(BaseCommand):
    help = "Извлича текста на документите от библиотеката, за да се търси в него."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", dest="redo_all",
            help="Извлича отново текста на всички документи, и на вече обработените.",
        )
        parser.add_argument(
            "--status", action="append", choices=DocumentText.Status.values, default=[],
            help="Извлича отново документите с това състояние (напр. not_searchable след инсталиране на OCR); "
                 "може да се повтаря.",
        )

    def handle(self, *args, redo_all=False, status=(), verbosity=1, **options):
        documents = get_document_model().objects.order_by("pk")
        if not redo_all:
            done = (
                Q(extracted_text__status__in=FINAL_STATUSES - set(status))
                & Q(extracted_text__file_hash=F("file_hash"))
                & ~Q(file_hash="")
            )
            documents = documents.exclude(done)
        total = documents.count()
        statuses = Counter()
        # The progress bar goes to stderr and only on a terminal, so cron logs and CI output stay clean.
        progress = tqdm(documents.iterator(chunk_size=100), total=total, unit=str(_("док.")),
                        disable=None if verbosity else True)
        for document in progress:
            statuses[store_text(document, force=True).status] += 1
        progress.close()
        self.print_summary(total, statuses)

    def print_summary(self, total, statuses):
        self.stdout.write(str(_("Обработени документи: %(count)s")) % {"count": total})
        for value, label in DocumentText.Status.choices:
            if statuses[value]:
                self.stdout.write(f"  {label}: {statuses[value]}")
        problems = sum(statuses[value] for value in (DocumentText.Status.FAILED, DocumentText.Status.TOO_LARGE))
        if problems:
            self.stdout.write(self.style.WARNING(ngettext(
                "%(count)s документ не можа да бъде прочетен; причината е в „Отчети → Текст на документите“.",
                "%(count)s документа не можаха да бъдат прочетени; причината е в „Отчети → Текст на документите“.",
                problems,
            ) % {"count": problems}))
