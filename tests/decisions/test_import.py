"""`manage.py import_decisions`: good rows become published pages, bad rows are reported by line, re-runs update."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from decisions.models import DecisionPage, IssuingBody, LegalStatus

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "decisions" / "examples"
HEADER = "issuing_body,number,date,session,title,text,tags,policy,status,documents,amended_by\n"
GOOD_ROW = 'council,5,2025-03-28,4,Решение за парка,"Текст за парка.",паркове,,,,\n'


@pytest.fixture
def policies(policy_index, policy_page_factory):
    return {slug: policy_page_factory(parent=policy_index, slug=slug, title=title) for slug, title in [
        ("okolna-sreda-i-otpadaci", "Околна среда и управление на отпадъците"),
        ("ikonomika-i-turizam", "Икономическо развитие и туризъм"),
        ("gradska-sreda-i-transport", "Градска среда и транспорт"),
    ]}


@pytest.fixture
def example(tmp_path):
    """A copy of decisions/examples (the README's example), so tests may change it."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    return tmp_path / "examples" / "decisions.csv"


def run(path, *args):
    """Run the import; returns (stdout, stderr, the CommandError if rows failed)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_decisions", str(path), *args, stdout=out, stderr=err)
        error = None
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


def write(tmp_path, text, name="decisions.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_example_file_imports_as_published_pages_with_revisions(decision_index, policies, example):
    out, err, error = run(example)
    assert error is None, err
    assert "Създадени: 6, обновени: 0, без промяна: 0, с грешки: 0." in out
    decisions = DecisionPage.objects.child_of(decision_index)
    assert decisions.live().count() == 6
    for decision in decisions:
        assert decision.live_revision_id == decision.latest_revision_id is not None
        assert not decision.has_unpublished_changes
        assert decision.url_path == f"{decision_index.url_path}{decision.slug}/"
        revision = Revision.objects.get(pk=decision.live_revision_id)
        assert revision.as_object().title == decision.title
    decision_index.refresh_from_db()
    assert decision_index.numchild == 6 == decision_index.get_children().count()
    assert Page.find_problems() == ([], [], [], [], [])


def test_example_rows_carry_their_particulars(client, decision_index, policies, example):
    run(example)
    naredba = DecisionPage.objects.get(number=101)
    changer = DecisionPage.objects.get(number=145)
    assert (naredba.status, naredba.amended_or_repealed_by_id) == (LegalStatus.AMENDED, changer.pk)
    assert naredba.body == ("<p>Общинският съвет приема Наредбата за управление на отпадъците на територията на "
                            "община Ботевград.</p><p>Наредбата влиза в сила от деня на обнародването ѝ.</p>")
    assert sorted(naredba.tags.names()) == ["наредби", "отпадъци"]
    assert list(naredba.related_policies.all()) == [policies["okolna-sreda-i-otpadaci"]]
    assert [item.document.title for item in naredba.documents.all()] == ["naredba-otpadaci"]
    # The policy named by its title, and both Bulgarian names of the bodies.
    assert list(changer.related_policies.all()) == [policies["okolna-sreda-i-otpadaci"]]
    assert DecisionPage.objects.get(number=102).issuing_body == IssuingBody.COUNCIL
    assert DecisionPage.objects.get(number=57).issuing_body == IssuingBody.MAYOR
    order = DecisionPage.objects.get(number=23)
    assert (order.issuing_body, order.url) == (IssuingBody.MAYOR, "/resheniya/zapoved-2019-23/")
    assert order.body == ("<p>Утвърждава график за пролетното почистване по квартали и села.<br>Отпадъците се "
                          "оставят до контейнерите вечерта преди посочения ден.</p>")
    assert client.get(naredba.url).status_code == 200
    assert client.get(decision_index.url, {"year": "2019"}).context["decisions_page"].paginator.count == 6


def test_html_is_sanitised_to_what_the_editor_allows(decision_index, policies, example):
    run(example)
    body = DecisionPage.objects.get(number=145).body
    assert body == ("<p>Изменя чл. 12 от Наредбата: разделното събиране на <b>хартия и пластмаса</b> "
                    "става ежеседмично.</p>")


def test_hostile_html_leaves_nothing_that_runs(decision_index, tmp_path):
    text = ('"<p onclick=""x()"">Текст <a href=""javascript:alert(1)"">връзка</a> <img src=x onerror=alert(1)>'
            '<iframe src=//x></iframe><style>p{}</style><a href=""https://botevgrad.bg"" target=_blank>сайт</a></p>"')
    run(write(tmp_path, HEADER + f"council,5,2025-03-28,,Заглавие,{text},,,,,\n"))
    body = DecisionPage.objects.get().body
    assert body == '<p>Текст <a>връзка</a> <a href="https://botevgrad.bg">сайт</a></p>'


def test_rerun_updates_and_never_duplicates(decision_index, policies, example):
    run(example)
    documents = get_document_model().objects.count()
    out, _err, error = run(example)
    assert error is None
    assert "Създадени: 0, обновени: 0, без промяна: 6, с грешки: 0." in out
    example.write_text(example.read_text().replace("Приемане на бюджета", "Приемане на бюджета (ново)"))
    out, _err, _error = run(example)
    assert "Създадени: 0, обновени: 1, без промяна: 5, с грешки: 0." in out
    assert DecisionPage.objects.count() == 6
    assert get_document_model().objects.count() == documents
    budget = DecisionPage.objects.get(number=102)
    assert budget.title.startswith("Приемане на бюджета (ново)")
    assert Revision.objects.filter(object_id=str(budget.pk)).count() == 2
    assert budget.live_revision_id == budget.latest_revision_id


def test_dry_run_writes_nothing(decision_index, policies, example):
    documents = get_document_model().objects.count()
    out, _err, error = run(example, "--dry-run")
    assert error is None
    assert "биха се създали 6, биха се обновили 0, с грешки 0" in out
    assert not DecisionPage.objects.exists()
    assert get_document_model().objects.count() == documents
    assert not Revision.objects.exists()


@pytest.mark.parametrize("row, reason", [
    ("senate,5,2025-03-28,,Заглавие,Текст,,,,,", "Непознат орган „senate“"),
    (",5,2025-03-28,,Заглавие,Текст,,,,,", "Липсва органът"),
    ("council,пет,2025-03-28,,Заглавие,Текст,,,,,", "Номерът трябва да е цяло положително число"),
    ("council,0,2025-03-28,,Заглавие,Текст,,,,,", "Номерът трябва да е цяло положително число"),
    ("council,,2025-03-28,,Заглавие,Текст,,,,,", "Липсва номерът"),
    ("council,5,28.03.2025,,Заглавие,Текст,,,,,", "Датата трябва да е във вида ГГГГ-ММ-ДД"),
    ("council,5,2025-02-30,,Заглавие,Текст,,,,,", "Датата трябва да е във вида ГГГГ-ММ-ДД"),
    ("council,5,2025-03-28,x,Заглавие,Текст,,,,,", "Номерът на протокола трябва да е цяло положително число"),
    ("council,5,2025-03-28,,,Текст,,,,,", "Липсва заглавието"),
    (f"council,5,2025-03-28,,{'Д' * 256},Текст,,,,,", "Заглавието е по-дълго от 255 знака"),
    ("council,5,2025-03-28,,Заглавие,,,,,,", "Липсва текстът на решението"),
    ("council,5,2025-03-28,,Заглавие,<script>alert(1)</script>,,,,,", "Липсва текстът на решението"),
    ("council,5,2025-03-28,,Заглавие,Текст,,nyama-takava,,,", "Няма политика „nyama-takava“"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,valid,,", "Непознато състояние „valid“"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,repealed,,", "изисква колоната amended_by"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,,,2025-4", "Решение в сила няма изменящ акт"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,amended,,reshenie-4", "amended_by трябва да е адрес като 2025-45"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,amended,,2025-5", "не може да изменя или отменя само себе си"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,amended,,2025-99", "Актът, който го изменя (2025-99), не е на сайта"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,,lipsva.pdf,", "Документът „lipsva.pdf“ не е намерен"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,,../../etc/passwd,", "трябва да е в папката на файла"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,,/etc/passwd,", "трябва да е в папката на файла"),
    ("council,5,2025-03-28,,Заглавие,Текст,,,", "Редът има 9 полета, а заглавният ред – 11"),
])
def test_bad_row_is_reported_by_line_with_its_reason_and_the_rest_is_imported(decision_index, tmp_path, row, reason):
    path = write(tmp_path, HEADER + row + "\n" + GOOD_ROW.replace(",5,", ",6,"))
    out, err, error = run(path)
    assert "Ред 2: " in err and reason in err, err
    assert "Създадени: 1, обновени: 0, без промяна: 0, с грешки: 1." in out
    assert "1 реда не бяха внесени" in str(error)
    assert list(DecisionPage.objects.values_list("number", flat=True)) == [6]


def test_each_reason_of_a_row_is_given(decision_index, tmp_path):
    _out, err, _error = run(write(tmp_path, HEADER + "senate,x,2025,,,,,,,,\n"))
    for reason in ["Непознат орган", "Номерът трябва", "Датата трябва", "Липсва заглавието", "Липсва текстът"]:
        assert reason in err


def test_line_numbers_count_the_lines_a_quoted_text_spans(decision_index, tmp_path):
    text = HEADER + 'council,1,2025-01-01,,Първо,"ред\nвтори ред\nтрети",,,,,\n' + "council,x,2025-01-01,,Второ,Т,,,,,\n"
    _out, err, _error = run(write(tmp_path, text))
    assert "Ред 5: Номерът трябва" in err


def test_mayors_order_with_a_vote_is_refused(decision_index, tmp_path):
    header = HEADER.strip() + ",votes_for,votes_against,votes_abstained\n"
    path = write(tmp_path, header + "mayor,5,2025-03-28,,Заповед,Текст,,,,,,3,,\n"
                 + "council,6,2025-03-28,2,Решение,Текст,,,,,,21,0,2\n")
    _out, err, _error = run(path)
    assert "Ред 2: Заповедите на кмета не се гласуват" in err
    decision = DecisionPage.objects.get()
    assert (decision.votes_for, decision.votes_against, decision.votes_abstained) == (21, 0, 2)


def test_same_decision_twice_in_a_file_is_reported(decision_index, tmp_path):
    _out, err, _error = run(write(tmp_path, HEADER + GOOD_ROW + GOOD_ROW))
    assert "Ред 3: Решение със същия орган, номер и година вече е по-горе във файла." in err
    assert DecisionPage.objects.count() == 1


@pytest.fixture
def revisions_fail_for(monkeypatch):
    """Make storing the revision fail for decisions with the given titles, as a database error would."""
    from decisions.importing.writer import DecisionWriter

    def fail_for(*titles):
        real_revision = DecisionWriter.revision

        def revision(self, page, now):
            if page.title in titles:
                raise RuntimeError("грешка при запис")
            return real_revision(self, page, now)

        monkeypatch.setattr(DecisionWriter, "revision", revision)

    return fail_for


def stored_files():
    storage = get_document_model()._meta.get_field("file").storage
    return set(storage.listdir("documents")[1]) if storage.exists("documents") else set()


def test_failed_row_leaves_no_page_and_no_document_behind(decision_index, tmp_path, revisions_fail_for):
    (tmp_path / "prilozhenie.txt").write_text("Приложение")
    path = write(tmp_path, HEADER + "council,5,2025-03-28,,Лош,Текст,,,,prilozhenie.txt,\n")
    revisions_fail_for("Лош")
    before = stored_files()
    _out, err, _error = run(path)
    assert "Ред 2: Не може да бъде записано: грешка при запис" in err
    assert not DecisionPage.objects.exists()
    assert not get_document_model().objects.exists()
    assert stored_files() == before
    decision_index.refresh_from_db()
    assert decision_index.numchild == 0


def test_a_row_failing_in_the_database_costs_only_itself(decision_index, tmp_path, revisions_fail_for):
    (tmp_path / "a.txt").write_text("А")
    (tmp_path / "b.txt").write_text("Б")
    rows = ("council,1,2025-01-10,,Добър,Т,,,,a.txt,\ncouncil,2,2025-01-10,,Лош,Т,,,,b.txt,\n"
            "council,3,2025-01-10,,Също добър,Т,,,,,\n")
    revisions_fail_for("Лош")
    before = stored_files()
    out, err, _error = run(write(tmp_path, HEADER + rows))
    assert "Ред 3: Не може да бъде записано: грешка при запис" in err
    assert "Създадени: 2, обновени: 0, без промяна: 0, с грешки: 1." in out
    assert sorted(DecisionPage.objects.values_list("number", flat=True)) == [1, 3]
    assert list(get_document_model().objects.values_list("title", flat=True)) == ["a"]
    assert len(stored_files() - before) == 1
    decision_index.refresh_from_db()
    assert decision_index.numchild == 2
    assert Page.find_problems() == ([], [], [], [], [])


def test_imported_decisions_reach_the_site_search(client, decision_index, policies, example,
                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run(example)
    response = client.get(decision_index.url, {"q": "пролетното почистване"})
    assert [decision.number for decision in response.context["decisions_page"]] == [23]


def test_bom_and_bulgarian_body_names(decision_index, tmp_path):
    rows = ("Общински съвет,1,2025-01-10,,А,Т,,,,,\nобщински съвет – ботевград,2,2025-01-10,,Б,Т,,,,,\n"
            "ОБЩИНСКИ СЪВЕТ - БОТЕВГРАД,3,2025-01-10,,В,Т,,,,,\nКмет,1,2025-01-10,,Г,Т,,,,,\n"
            "кмет на община Ботевград,2,2025-01-10,,Д,Т,,,,,\n")
    path = write(tmp_path, HEADER + rows, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    _out, err, error = run(path)
    assert error is None, err
    assert sorted(DecisionPage.objects.values_list("issuing_body", "number")) == [
        ("council", 1), ("council", 2), ("council", 3), ("mayor", 1), ("mayor", 2)]


def test_json_lines(decision_index, policies, tmp_path):
    (tmp_path / "prilozhenie.txt").write_text("Приложение")
    lines = [
        {"issuing_body": "council", "number": 7, "date": "2025-02-01", "session": 3, "title": "Решение от JSON",
         "text": "<p>Текст</p>", "tags": ["бюджет", "такси"], "policy": "ikonomika-i-turizam", "status": "",
         "documents": ["prilozhenie.txt"]},
        {"issuing_body": "mayor", "number": "8", "date": "2025-02-02", "title": "Заповед", "text": "Текст"},
        "не е обект",
        {"issuing_body": "council", "number": 9, "date": "2025-02-03", "title": "Т", "text": "Т", "titel": "x"},
    ]
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n{счупен json\n\n"
    path = write(tmp_path, text, name="decisions.jsonl")
    out, err, _error = run(path)
    assert "Създадени: 2" in out and "с грешки: 3" in out
    assert "Ред 3: Редът трябва да е JSON обект" in err
    assert "Ред 4: Непознати колони: titel" in err
    assert "Ред 5: Редът не е валиден JSON" in err
    decision = DecisionPage.objects.get(number=7)
    assert (decision.session, sorted(decision.tags.names()), decision.documents.count()) == (3, ["бюджет", "такси"], 1)
    assert DecisionPage.objects.get(number=8).issuing_body == IssuingBody.MAYOR


@pytest.mark.parametrize("text, message", [
    ("number,date\n1,2025-01-01\n", "Липсват колоните: issuing_body, title, text"),
    (HEADER.strip() + ",titel\n", "Непознати колони: titel"),
    ("", "Файлът е празен"),
])
def test_file_with_a_wrong_header_imports_nothing(decision_index, tmp_path, text, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_decisions", str(write(tmp_path, text)), stdout=io.StringIO(), stderr=io.StringIO())


def test_file_not_in_utf8_is_refused(decision_index, tmp_path):
    path = write(tmp_path, HEADER + GOOD_ROW, encoding="cp1251")
    with pytest.raises(CommandError, match="не е в кодировка UTF-8"):
        call_command("import_decisions", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def test_without_an_archive_the_import_stops(home, tmp_path):
    with pytest.raises(CommandError, match="Няма архив на решенията"):
        call_command("import_decisions", str(write(tmp_path, HEADER + GOOD_ROW)), stdout=io.StringIO())


def test_imported_decision_opens_in_the_editor(client, decision_index, policies, example):
    from django.contrib.auth import get_user_model

    run(example)
    client.force_login(get_user_model().objects.create_superuser("r", "r@example.bg", "парола"))
    decision = DecisionPage.objects.get(number=101)
    assert client.get(f"/admin/pages/{decision.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{decision_index.pk}/").status_code == 200


def test_import_after_pages_made_in_the_editor_continues_the_tree(decision_index, decision_page_factory, tmp_path):
    decision_page_factory(parent=decision_index, number=1)
    run(write(tmp_path, HEADER + GOOD_ROW))
    decision_page_factory(parent=decision_index, number=2)
    assert Page.find_problems() == ([], [], [], [], [])
    assert decision_index.get_children().count() == 3


def test_a_batchs_documents_enter_the_search_together_once_it_is_stored(decision_index, policies, example,
                                                                        django_capture_on_commit_callbacks,
                                                                        monkeypatch):
    """One search update for the batch's uploads, not one per document (20 ms each at 100,000 decisions)."""
    from types import SimpleNamespace
    from unittest import mock

    # The worker's text extraction updates each document's entry when its text is ready: not the import's work.
    monkeypatch.setattr("search.tasks.extract_document_text", SimpleNamespace(enqueue=lambda *args: None))

    from search import entries
    from search.models import SearchEntry

    with mock.patch.object(entries, "sync_document", wraps=entries.sync_document) as one_by_one, \
            mock.patch.object(entries, "sync_documents", wraps=entries.sync_documents) as together, \
            django_capture_on_commit_callbacks(execute=True):
        run(example)
    documents = get_document_model().objects.all()
    assert documents.exists()
    assert one_by_one.call_count == 0
    assert together.call_count >= 1
    assert set(SearchEntry.objects.filter(document__isnull=False).values_list("document_id", flat=True)) == {
        document.pk for document in documents}


def test_new_pages_ask_nothing_about_their_comments(decision_index, policies, example, django_assert_max_num_queries):
    """A page imported new has no comments; asking the database once per row cost 3,000 queries per 3,000 rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        run(example)
    assert not [query for query in captured.captured_queries if "wagtailcore_comment" in query["sql"]]
