"""Reading a decisions file (CSV or JSON Lines) one row at a time, and checking each row with reasons in Bulgarian."""

import csv
import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from ..models import IssuingBody, LegalStatus
from ..rich_text import body_html

REQUIRED_COLUMNS = ("issuing_body", "number", "date", "title", "text")
OPTIONAL_COLUMNS = ("session", "tags", "policy", "status", "documents", "amended_by",
                    "votes_for", "votes_against", "votes_abstained")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
MAX_TITLE_LENGTH = 255
MAX_TAG_LENGTH = 100

# Both the codes and the names people write in a spreadsheet ("Общински съвет – Ботевград", "Кмет").
STATUSES = {
    "": LegalStatus.IN_FORCE, "in_force": LegalStatus.IN_FORCE, "в сила": LegalStatus.IN_FORCE,
    "amended": LegalStatus.AMENDED, "изменено": LegalStatus.AMENDED, "изменена": LegalStatus.AMENDED,
    "repealed": LegalStatus.REPEALED, "отменено": LegalStatus.REPEALED, "отменена": LegalStatus.REPEALED,
}
PERMANENT_SLUG = re.compile(r"^(zapoved-)?(\d{4})-(\d+)$")


class ImportFileError(Exception):
    """The file as a whole cannot be read (its header, its encoding): nothing is imported."""


class RowError(Exception):
    """One row cannot be imported; `reasons` says why, each a Bulgarian sentence."""

    def __init__(self, reasons):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass
class DecisionRow:
    """One checked row, ready to be written."""

    line: int
    issuing_body: str
    number: int
    date: datetime.date
    session: int | None
    title: str
    body: str
    status: str
    tags: list = field(default_factory=list)
    policy_ids: list = field(default_factory=list)
    documents: list = field(default_factory=list)  # absolute Paths (or Wagtail documents)
    amended_by: tuple | None = None  # the key of the changing act
    votes: dict = field(default_factory=dict)

    @property
    def key(self):
        """What identifies a decision across imports: its body, number and year."""
        return (self.issuing_body, self.number, self.date.year)


def read_rows(path):
    """Yield (line number, dict of the row's fields) from a CSV or JSON Lines file, reading it as it goes."""
    path = Path(path)
    try:
        if path.suffix.lower() in JSON_LINES_SUFFIXES:
            yield from read_json_lines(path)
        else:
            yield from read_csv(path)
    except UnicodeDecodeError as error:
        raise ImportFileError(_("Файлът не е в кодировка UTF-8 (%(error)s).") % {"error": error.reason}) from error


def check_columns(columns):
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = [name for name in columns if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing:
        raise ImportFileError(_("Липсват колоните: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        raise ImportFileError(_("Непознати колони: %(columns)s (очакват се %(expected)s).") % {
            "columns": ", ".join(unknown), "expected": ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)})


def read_csv(path):
    # utf--8-sig drops the byte-order mark spreadsheet programs put at the start.
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.reader(file)
        header = next(reader, None)
        if header is None:
            raise ImportFileError(_("Файлът е празен."))
        columns = [name.strip().lower() for name in header]
        check_columns(columns)
        while True:
            # A quoted cell may span lines: the row's number is the line it starts on.
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield line, RowError([_("Редът не може да бъде прочетен като CSV (%(error)s).") % {"error": error}])
                continue
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(columns):
                yield line, RowError([_("Редът има %(cells)s полета, а заглавният ред – %(columns)s.") % {
                    "cells": len(cells), "columns": len(columns)}])
                continue
            yield line, dict(zip(columns, cells))


def read_json_lines(path):
    with path.open(encoding="utf-8-sig") as file:
        for line, text in enumerate(file, start=1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as error:
                yield line, RowError([_("Редът не е валиден JSON (%(error)s).") % {"error": error.msg}])
                continue
            if not isinstance(data, dict):
                yield line, RowError([_("Редът трябва да е JSON обект с полетата на решението.")])
                continue
            try:
                # Each line names its own fields: a wrong one fails that line, not the file.
                check_columns([str(name).strip().lower() for name in data])
            except ImportFileError as error:
                yield line, RowError([str(error)])
                continue
            yield line, {str(name).strip().lower(): value for name, value in data.items()}


def text_value(value):
    """A cell as text: JSON numbers and null become what a CSV cell would hold."""
    if value is None:
        return ""
    return str(value).strip()


def list_value(value):
    """`;`-separated text (CSV) or a list (JSON) as a list of non-empty items."""
    items = value if isinstance(value, list) else text_value(value).split(";")
    return [text_value(item) for item in items if text_value(item)]


def issuing_body(value):
    """council or mayor, from the code or from how people write the body's name."""
    normal = " ".join(re.sub(r"[-–—_]", " ", value).lower().split())
    if normal == "council" or normal.startswith("общински съвет") or normal in ("обс", "ос"):
        return IssuingBody.COUNCIL
    if normal == "mayor" or normal.startswith("кмет"):
        return IssuingBody.MAYOR
    return None


class RowChecker:
    """Checks rows against the file's folder (documents) and the site's policies; knows no row's neighbours."""

    def __init__(self, folder, policies):
        self.folder = Path(folder).resolve()
        # Policies by slug and by title (any case): a spreadsheet holds either.
        self.policies = {}
        for policy in policies:
            self.policies[policy.slug] = policy.pk
            self.policies[policy.title.strip().casefold()] = policy.pk

    def check(self, line, raw):
        reasons = []

        def positive_number(name, label, required=False):
            value = text_value(raw.get(name))
            if not value:
                if required:
                    reasons.append(_("Липсва %(label)s.") % {"label": label})
                return None
            if not (value.isascii() and value.isdigit()) or int(value) < 1 or len(value) > 9:
                reasons.append(_("%(label)s трябва да е цяло положително число, а е „%(value)s“.") % {
                    "label": label[:1].upper() + label[1:], "value": value[:50]})
                return None
            return int(value)

        body_text = text_value(raw.get("issuing_body"))
        body = issuing_body(body_text)
        if body is None:
            reasons.append(_("Непознат орган „%(value)s“: очаква се council или mayor (или „Общински съвет“, "
                             "„Кмет“).") % {"value": body_text[:50]} if body_text else _("Липсва органът (issuing_body)."))
        number = positive_number("number", _("номерът"), required=True)
        session = positive_number("session", _("номерът на протокола"))
        date_text = text_value(raw.get("date"))
        date = None
        try:
            date = datetime.date.fromisoformat(date_text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_text) else None
        except ValueError:
            pass
        if date is None:
            reasons.append(_("Датата трябва да е във вида ГГГГ-ММ-ДД, например 2025-03-28, а е „%(value)s“.")
                           % {"value": date_text[:50]} if date_text else _("Липсва датата."))
        title = " ".join(text_value(raw.get("title")).split())
        if not title:
            reasons.append(_("Липсва заглавието."))
        elif len(title) > MAX_TITLE_LENGTH:
            reasons.append(_("Заглавието е по-дълго от %(max)s знака.") % {"max": MAX_TITLE_LENGTH})
        body_html_text = body_html(text_value(raw.get("text")))
        if not body_html_text:
            reasons.append(_("Липсва текстът на решението."))
        status_text = text_value(raw.get("status")).lower()
        status = STATUSES.get(status_text)
        if status is None:
            reasons.append(_("Непознато състояние „%(value)s“: оставете празно (в сила) или amended / repealed.")
                           % {"value": status_text[:50]})
        amended_by = self.changing_act(raw, status, reasons)
        votes = {name: positive_or_zero for name in ("votes_for", "votes_against", "votes_abstained")
                 if (positive_or_zero := self.vote(raw, name, reasons)) is not None}
        if votes and body == IssuingBody.MAYOR:
            reasons.append(_("Заповедите на кмета не се гласуват: оставете колоните votes_* празни."))
        tags = list_value(raw.get("tags"))
        reasons += [_("Етикетът „%(tag)s…“ е по-дълъг от %(max)s знака.") % {"tag": tag[:20], "max": MAX_TAG_LENGTH}
                    for tag in tags if len(tag) > MAX_TAG_LENGTH]
        policy_ids = []
        for name in list_value(raw.get("policy")):
            policy_id = self.policies.get(name) or self.policies.get(name.casefold())
            if policy_id is None:
                reasons.append(_("Няма политика „%(policy)s“ (търси се по адрес (slug) или заглавие).") % {"policy": name})
            else:
                policy_ids.append(policy_id)
        documents = [path for name in list_value(raw.get("documents")) if (path := self.document(name, reasons))]
        if reasons:
            raise RowError(reasons)
        if amended_by == (body, number, date.year):
            raise RowError([_("Решение не може да изменя или отменя само себе си.")])
        return DecisionRow(line=line, issuing_body=body, number=number, date=date, session=session, title=title,
                           body=body_html_text, status=status, tags=list(dict.fromkeys(tags)), policy_ids=policy_ids,
                           documents=documents, amended_by=amended_by, votes=votes)

    def vote(self, raw, name, reasons):
        value = text_value(raw.get(name))
        if not value:
            return None
        if not (value.isascii() and value.isdigit()) or len(value) > 6:
            reasons.append(_("Гласовете (%(column)s) трябва да са цяло число, а са „%(value)s“.") % {
                "column": name, "value": value[:50]})
            return None
        return int(value)

    def changing_act(self, raw, status, reasons):
        """The key of the act that amended or repealed this one, from its permanent slug (2025-45, zapoved-2025-3)."""
        value = text_value(raw.get("amended_by"))
        if status in (LegalStatus.AMENDED, LegalStatus.REPEALED) and not value:
            reasons.append(_("Изменено или отменено решение изисква колоната amended_by: адреса на акта, който го "
                             "изменя или отменя, например 2025-45 или zapoved-2025-3."))
            return None
        if status == LegalStatus.IN_FORCE and value:
            reasons.append(_("Решение в сила няма изменящ акт: изтрийте amended_by или посочете състояние."))
            return None
        if not value:
            return None
        match = PERMANENT_SLUG.match(value.lower())
        if match is None:
            reasons.append(_("amended_by трябва да е адрес като 2025-45 или zapoved-2025-3, а е „%(value)s“.") % {
                "value": value[:50]})
            return None
        body = IssuingBody.MAYOR if match.group(1) else IssuingBody.COUNCIL
        return (body, int(match.group(3)), int(match.group(2)))

    def document(self, name, reasons):
        """The document's file, relative to the imported file's folder, if it is there and may be uploaded."""
        relative = Path(name)
        path = (self.folder / relative).resolve()
        if relative.is_absolute() or not path.is_relative_to(self.folder):
            reasons.append(_("Документът „%(name)s“ трябва да е в папката на файла или под нея.") % {"name": name})
        elif not path.is_file():
            reasons.append(_("Документът „%(name)s“ не е намерен (търси се спрямо папката на файла).") % {"name": name})
        elif path.suffix.lower().lstrip(".") not in getattr(settings, "WAGTAILDOCS_EXTENSIONS", [path.suffix[1:]]):
            reasons.append(_("Документът „%(name)s“ е от вид, който сайтът не приема.") % {"name": name})
        elif path.stat().st_size > (getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or 2**63):
            reasons.append(_("Документът „%(name)s“ е по-голям от допустимото.") % {"name": name})
        else:
            return path
        return None
