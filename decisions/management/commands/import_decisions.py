"""Import council decisions and mayor's orders from a CSV or JSON Lines file (format: README, "Внос на решения")."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from decisions.archive import policy_model
from decisions.importing.rows import ImportFileError, RowChecker, RowError, read_rows
from decisions.importing.writer import CREATED, UNCHANGED, UPDATED, DecisionWriter
from decisions.models import DecisionIndexPage, DecisionPage, LegalStatus
from search.entry_signals import entries_in_bulk

# Rows per transaction: each row has its own savepoint inside, so one bad row costs only itself,
# while committing in batches spares PostgreSQL a disk flush per decision.
BATCH_SIZE = 200


class Command(BaseCommand):
    help = ("Внася решения и заповеди от CSV или JSON Lines файл; повторното внасяне обновява, без да дублира. "
            "Форматът е описан в README.md, „Внос на решения“.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8, със или без BOM) или .jsonl файл")
        parser.add_argument("--dry-run", action="store_true", help="Само проверява файла; не записва нищо.")
        parser.add_argument("--archive", help="id или адрес (slug) на архива, ако на сайта има повече от един.")

    def handle(self, *args, file, dry_run=False, archive=None, verbosity=1, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Файлът „{file}“ не е намерен.")
        index = self.archive(archive)
        checker = RowChecker(path.parent, policy_model().objects.only("pk", "slug", "title"))
        self.writer = None if dry_run else DecisionWriter(index)
        self.counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0, "failed": 0}
        self.seen = set()
        self.batch_keys = set()
        deferred = []
        # tqdm rewrites its line with "\r": it writes to the stream itself, not through Django's line wrapper.
        self.stream = getattr(self.stderr, "_out", sys.stderr)
        progress = tqdm(unit=" реда", file=self.stream, disable=verbosity == 0,
                        desc="Внос" if not dry_run else "Проверка")
        try:
            batch = []
            for line, raw in read_rows(path):
                progress.update()
                row = self.check_row(checker, line, raw)
                if row is None:
                    continue
                if row.amended_by and row.amended_by not in self.seen and self.decision_id(row.amended_by) is None:
                    # The changing act may come later in the file: try again once every row is in.
                    deferred.append(row)
                    continue
                if len(batch) >= BATCH_SIZE or (row.amended_by and row.amended_by in self.batch_keys):
                    # A changing act must be stored before an act that points to it.
                    self.write_batch(batch, dry_run)
                    batch = []
                batch.append(row)
                self.batch_keys.add(row.key)
            self.write_batch(batch, dry_run)
            self.write_deferred(deferred, dry_run)
        except ImportFileError as error:
            raise CommandError(f"{path.name}: {error}") from error
        finally:
            progress.close()
        self.summary(dry_run)

    def archive(self, name):
        archives = DecisionIndexPage.objects.all()
        if name:
            archives = archives.filter(pk=int(name)) if name.isdigit() else archives.filter(slug=name)
        found = list(archives[:2])
        if len(found) != 1:
            raise CommandError("Няма архив на решенията." if not found else
                               "Сайтът има повече от един архив на решенията: изберете с --archive.")
        return found[0]

    def check_row(self, checker, line, raw):
        try:
            if isinstance(raw, RowError):
                raise raw
            row = checker.check(line, raw)
        except RowError as error:
            self.fail(line, error.reasons)
            return None
        if row.key in self.seen:
            self.fail(line, ["Решение със същия орган, номер и година вече е по-горе във файла."])
            return None
        self.seen.add(row.key)
        return row

    def decision_id(self, key):
        body, number, year = key
        return DecisionPage.objects.filter(issuing_body=body, number=number, date__year=year).values_list(
            "pk", flat=True).first()

    def write_deferred(self, rows, dry_run):
        """Rows whose changing act came later in the file, written as their changing acts are stored."""
        while rows:
            if dry_run:
                ready = [row for row in rows if row.amended_by in self.seen or self.decision_id(row.amended_by)]
            else:
                ready = [row for row in rows if self.decision_id(row.amended_by)]
            if not ready:
                break
            for row in ready:
                self.write_batch([row], dry_run)
            rows = [row for row in rows if row not in ready]
        for row in rows:
            self.fail_missing_changing_act(row)

    def write_batch(self, rows, dry_run):
        self.batch_keys = set()
        if not rows:
            return
        if dry_run:
            for row in rows:
                self.counts[UPDATED if self.decision_id(row.key) else CREATED] += 1
            return
        try:
            # The batch's uploaded documents enter the search together once it is stored, not one by one.
            with entries_in_bulk(), transaction.atomic():
                results = self.writer.write_batch(rows)
        except BaseException:
            self.writer.rolled_back()
            raise
        self.writer.committed()
        for row in rows:
            outcome = results[row.line]
            if isinstance(outcome, LookupError):
                self.fail_missing_changing_act(row)
            elif isinstance(outcome, Exception):
                self.fail(row.line, [f"Не може да бъде записано: {outcome}"])
            else:
                self.counts[outcome] += 1

    def fail_missing_changing_act(self, row):
        body, number, year = row.amended_by
        slug = f"{'zapoved-' if body == 'mayor' else ''}{year}-{number}"
        status = "изменя" if row.status == LegalStatus.AMENDED else "отменя"
        self.fail(row.line, [f"Актът, който го {status} ({slug}), не е на сайта и не е внесен от файла."])

    def fail(self, line, reasons):
        self.counts["failed"] += 1
        tqdm.write(f"Ред {line}: {'; '.join(str(reason) for reason in reasons)}", file=self.stream)

    def summary(self, dry_run):
        counts = self.counts
        if dry_run:
            message = (f"Проверка без запис: биха се създали {counts[CREATED]}, биха се обновили {counts[UPDATED]}, "
                       f"с грешки {counts['failed']}.")
        else:
            message = (f"Създадени: {counts[CREATED]}, обновени: {counts[UPDATED]}, без промяна: {counts[UNCHANGED]}, "
                       f"с грешки: {counts['failed']}.")
        self.stdout.write(message)
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} реда не бяха внесени (вижте причините по-горе).")
