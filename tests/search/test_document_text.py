"""The text inside uploaded documents: extracted in the worker, broken files flagged, never a failed upload."""

import hashlib
from io import StringIO
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from search import document_text
from search.document_text import store_text, text_of
from search.models import DocumentText
from tests.conftest import restore_wagtail_base_data
from tests.search import document_files as files

pytestmark = pytest.mark.django_db

Status = DocumentText.Status


@pytest.fixture(autouse=True)
def root_collection(db):
    restore_wagtail_base_data()
    return Collection.get_first_root_node()


@pytest.fixture
def editor(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("redaktor", "r@example.bg", "парола-за-тест")
    client.force_login(user)
    return user


@pytest.fixture
def upload(client, editor, root_collection, django_capture_on_commit_callbacks):
    """Upload a file through the admin's "add document" form, running what waits for the commit (the worker)."""

    def upload(name, data, title="Качен документ"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("wagtaildocs:add"), {
                "title": title, "collection": root_collection.pk, "file": SimpleUploadedFile(name, data),
            })
        return response, get_document_model().objects.filter(title=title).first()

    return upload


def make_document(name, data, title="Документ"):
    """A document saved as an import would save it, with the file hash Wagtail's upload form computes."""
    return get_document_model().objects.create(
        title=title, file=ContentFile(data, name=name), file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's own file digest
    )


def extracted(name, data):
    return store_text(make_document(name, data))


def ocr_is_installed():
    document_text.ocr_available.cache_clear()
    return document_text.ocr_available()


def test_pdf_text_layer_is_extracted():
    stored = extracted("reshenie.pdf", files.pdf(files.PDF_TEXT))
    assert stored.status == Status.EXTRACTED
    assert "благоустрояване на градския парк" in " ".join(stored.text.split())
    assert text_of(stored.document) == stored.text


def test_docx_paragraphs_and_table_cells_are_extracted():
    data = files.docx(["Проект на бюджет за 2026 година."], [["Капиталови разходи", "Читалище „Христо Ботев“"]])
    stored = extracted("budzhet.docx", data)
    assert stored.status == Status.EXTRACTED
    assert "Проект на бюджет за 2026 година." in stored.text
    assert "Капиталови разходи" in stored.text and "Читалище „Христо Ботев“" in stored.text


def test_odt_text_nodes_are_extracted_with_their_spaces():
    data = files.odt("Наредба за обществения ред", ["Паркирането в централната зона е платено."], ["Зона А", "Зона Б"])
    stored = extracted("naredba.odt", data)
    assert stored.status == Status.EXTRACTED
    assert "Наредба за обществения ред" in stored.text
    assert "Паркирането в централната зона е платено." in stored.text
    assert "Зона А" in stored.text and "Зона Б" in stored.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
def test_plain_text_is_read_in_the_encodings_bulgarian_files_come_in(encoding):
    stored = extracted("spisak.txt", "Списък на улиците за ремонт".encode(encoding))
    assert stored.status == Status.EXTRACTED
    assert stored.text == "Списък на улиците за ремонт"


def test_whitespace_is_normalised_and_nul_characters_never_reach_postgresql():
    stored = extracted("belezhka.txt", "Ред\x00 първи\t\t с  интервали\r\n\n\n\nРед втори\x07".encode())
    stored.refresh_from_db()
    assert stored.text == "Ред първи с интервали\nРед втори"


def test_stored_text_is_capped_and_the_editor_is_told(monkeypatch):
    monkeypatch.setattr(document_text, "MAX_TEXT_CHARS", 40)
    stored = extracted("dalag.txt", ("Решение на общинския съвет " * 20).encode())
    assert stored.status == Status.EXTRACTED
    assert len(stored.text) == 40
    assert "съкратен" in stored.message


def test_a_corrupt_file_is_stored_as_failed():
    stored = extracted("povreden.pdf", files.corrupt_pdf())
    assert stored.status == Status.FAILED
    assert "повреден" in stored.message
    assert text_of(stored.document) == ""


def test_a_password_protected_pdf_is_failed_with_the_reason():
    stored = extracted("zashtiten.pdf", files.encrypted_pdf())
    assert stored.status == Status.FAILED
    assert "парола" in stored.message


def test_a_pdf_protected_only_against_editing_is_read():
    stored = extracted("ogranichen.pdf", files.encrypted_pdf(user_password=""))
    assert stored.status == Status.EXTRACTED
    assert "Ботевград" in stored.text


def test_a_file_over_the_size_limit_is_too_large(settings):
    settings.SEARCH_DOCUMENT_MAX_BYTES = 1000
    stored = extracted("golyam.pdf", files.pdf(files.PDF_TEXT))
    assert stored.status == Status.TOO_LARGE
    assert stored.text == "" and "MB" in stored.message


def test_only_the_first_pages_of_a_long_pdf_are_read_and_the_editor_is_told(settings):
    settings.SEARCH_DOCUMENT_MAX_PAGES = 1
    stored = extracted("dalag.pdf", files.pdf(files.PDF_TEXT, "Втората страница говори за читалището."))
    assert stored.status == Status.EXTRACTED
    assert "Ботевград" in stored.text and "читалището" not in stored.text
    assert "първата страница от 2" in stored.message


def test_other_formats_are_unsupported():
    stored = extracted("tablica.xlsx", b"PK\x03\x04 not read")
    assert stored.status == Status.UNSUPPORTED
    assert stored.message


@pytest.mark.skipif(not ocr_is_installed(), reason="needs tesseract with Bulgarian data (tesseract-ocr-bul) and pdftoppm")
def test_a_scanned_pdf_is_read_by_ocr():
    stored = extracted("skaniran.pdf", files.scanned_pdf())
    assert stored.status == Status.OCR
    assert files.SCANNED_WORD in stored.text.upper()
    assert text_of(stored.document) == stored.text


def test_a_scanned_pdf_without_ocr_is_not_searchable():
    with mock.patch("search.document_text.ocr_available", return_value=False):
        stored = extracted("skaniran.pdf", files.scanned_pdf())
    assert stored.status == Status.NOT_SEARCHABLE
    assert "OCR" in stored.message
    assert text_of(stored.document) == ""


def test_an_uploaded_document_gets_its_text_after_the_commit(upload):
    response, document = upload("reshenie.pdf", files.pdf(files.PDF_TEXT))
    assert response.status_code == 302
    assert document.extracted_text.status == Status.EXTRACTED
    assert document.extracted_text.file_hash == document.file_hash
    assert "Ботевград" in text_of(document)


@pytest.mark.parametrize(("name", "make", "status"), [
    ("povreden.pdf", files.corrupt_pdf, Status.FAILED),
    ("zashtiten.pdf", files.encrypted_pdf, Status.FAILED),
    ("tablica.xlsx", lambda: b"PK\x03\x04 not a workbook", Status.UNSUPPORTED),
    ("golyam.txt", lambda: "дълъг текст ".encode() * 2000, Status.TOO_LARGE),
])
def test_uploading_an_unreadable_file_stores_it_and_flags_it(upload, settings, name, make, status):
    settings.SEARCH_DOCUMENT_MAX_BYTES = 20_000
    response, document = upload(name, make())
    assert response.status_code == 302
    assert document is not None and document.file.read() is not None
    assert document.extracted_text.status == status
    assert document.extracted_text.message


def test_an_upload_succeeds_and_stays_pending_when_the_queue_is_down(upload):
    with mock.patch("search.tasks.extract_document_text", **{"enqueue.side_effect": ConnectionError}):
        response, document = upload("reshenie.pdf", files.pdf(files.PDF_TEXT))
    assert response.status_code == 302
    assert document.extracted_text.status == Status.PENDING


def test_an_upload_succeeds_when_extraction_itself_breaks(upload):
    with mock.patch("search.document_text.extract", side_effect=RuntimeError("extractor bug")):
        response, document = upload("reshenie.pdf", files.pdf(files.PDF_TEXT))
    assert response.status_code == 302
    assert document.extracted_text.status == Status.PENDING


def test_resaving_a_document_with_the_same_file_does_not_extract_again(upload, client, root_collection,
                                                                        django_capture_on_commit_callbacks):
    _response, document = upload("reshenie.pdf", files.pdf(files.PDF_TEXT))
    with mock.patch("search.document_text.extract", wraps=document_text.extract) as extract:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("wagtaildocs:edit", args=[document.pk]),
                                   {"title": "Ново заглавие", "collection": root_collection.pk})
            document.refresh_from_db()
            document.save()
        assert response.status_code == 302
        assert extract.call_count == 0
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("wagtaildocs:edit", args=[document.pk]), {
                "title": "Ново заглавие", "collection": root_collection.pk,
                "file": SimpleUploadedFile("nov.txt", "Заменен файл за читалището".encode()),
            })
        assert extract.call_count == 1
    assert "читалището" in text_of(get_document_model().objects.get(pk=document.pk))


def test_the_command_extracts_the_library_and_prints_a_summary():
    make_document("reshenie.pdf", files.pdf(files.PDF_TEXT), title="Решение")
    make_document("povreden.pdf", files.corrupt_pdf(), title="Повреден")
    make_document("tablica.xlsx", b"PK", title="Таблица")
    output = StringIO()
    call_command("extract_document_text", stdout=output, stderr=StringIO())
    summary = output.getvalue()
    assert "Обработени документи: 3" in summary
    assert "Текстът е извлечен: 1" in summary
    assert "Файлът не може да бъде прочетен: 1" in summary
    assert "Видът на файла не се поддържа: 1" in summary
    assert "1 документ не можа да бъде прочетен" in summary

    again = StringIO()
    call_command("extract_document_text", stdout=again, stderr=StringIO())
    assert "Обработени документи: 0" in again.getvalue()
    redo = StringIO()
    call_command("extract_document_text", "--all", stdout=redo, stderr=StringIO())
    assert "Обработени документи: 3" in redo.getvalue()


def test_the_command_redoes_a_status_on_request():
    with mock.patch("search.document_text.ocr_available", return_value=False):
        store_text(make_document("skaniran.pdf", files.scanned_pdf()))
    output = StringIO()
    call_command("extract_document_text", "--status", "not_searchable", stdout=output, stderr=StringIO())
    assert "Обработени документи: 1" in output.getvalue()


def test_editors_see_each_documents_status_and_reason_in_the_report(client, editor):
    extracted("zashtiten.pdf", files.encrypted_pdf())
    response = client.get(reverse("search_document_text"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Документ" in page and "защитен с парола" in page
    filtered = client.get(reverse("search_document_text_results"), {"status": "extracted"})
    assert filtered.status_code == 200 and "защитен с парола" not in filtered.content.decode()


def test_the_report_is_closed_to_people_without_document_permissions(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("gost", "g@example.bg", "парола-за-тест")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("search_document_text"))
    assert response.status_code in (302, 403)
