"""Search finds only what anyone may see: no drafts, unpublished or restricted pages, no restricted documents."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from decisions.models import DecisionDocument
from search.engine import search
from search.models import DocumentText, SearchEntry
from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionIndexPageFactory, DecisionPageFactory

pytestmark = pytest.mark.django_db

SECRET = "Квазистатичен"  # a word no other test content has


def found(query=SECRET):
    return [hit.title for hit in search(query)[0:10]]


@pytest.fixture
def decision(decision_index, committed):
    with committed():
        return DecisionPageFactory(parent=decision_index, title=f"{SECRET} проект", body="<p>Текст.</p>")


def test_a_live_public_decision_is_found(decision):
    assert found() == [f"{SECRET} проект"]


def test_a_draft_is_not_found(decision_index, committed):
    with committed():
        DecisionPageFactory(parent=decision_index, title=SECRET, live=False)
    assert found() == []
    assert not SearchEntry.objects.filter(title=SECRET).exists()


def test_an_unpublished_page_is_no_longer_found(decision, committed):
    with committed():
        decision.unpublish()
    assert found() == []


@pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_a_restricted_page_and_a_page_under_a_restricted_section_are_not_found(home, decision, committed, restriction):
    with committed():
        PageViewRestriction.objects.create(page=decision.get_parent(), restriction_type=restriction, password="таен")
    assert found() == []
    assert not SearchEntry.objects.filter(page=decision).exists()


def test_lifting_a_restriction_makes_the_pages_found_again(decision, committed):
    with committed():
        restriction = PageViewRestriction.objects.create(page=decision, restriction_type="password", password="таен")
    with committed():
        restriction.delete()
    assert found() == [f"{SECRET} проект"]


def test_a_page_moved_under_a_restricted_section_is_no_longer_found(home, decision, committed):
    with committed():
        hidden = DecisionIndexPageFactory(parent=home, slug="vatreshni", title="Вътрешни")
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")
        decision.move(hidden, pos="last-child")
    assert found() == []


def test_a_stale_entry_is_never_shown(decision):
    # Belt and braces: even if an entry outlived its page's visibility, the results check the page itself.
    DecisionPageFactory._meta.model.objects.filter(pk=decision.pk).update(live=False)
    assert found() == []


def with_text(document, text, committed):
    with committed():
        DocumentText.objects.update_or_create(document=document, defaults={"status": "extracted", "text": text})


@pytest.fixture
def annex(decision, committed):
    document = DocumentFactory(title="Приложение 1")
    with committed():
        decision.documents.add(DecisionDocument(document=document))
        decision.save()
    with_text(document, "Улица Зелена планина и улица Здравец", committed)
    return document


def test_a_word_only_inside_an_attached_document_finds_it_with_its_decision(decision, annex):
    hits = search("зелената планина")[0:10]
    assert [(hit.title, hit.kind) for hit in hits] == [("Приложение 1", "document")]
    assert hits[0].url == annex.url
    assert hits[0].page.pk == decision.pk


def test_the_annex_of_a_draft_decision_is_not_found(decision_index, committed):
    with committed():
        draft = DecisionPageFactory(parent=decision_index, title="Чернова", live=False)
    document = DocumentFactory(title="Приложение към черновата")
    with committed():
        draft.documents.add(DecisionDocument(document=document))
        draft.save()
    with_text(document, "Улица Зелена планина", committed)
    assert found("зелена") == []


def test_an_annex_only_a_live_decisions_draft_attaches_waits_for_the_publication(decision, committed):
    """Uploaded while drafting, the annex sits in a public collection: still not found before the decision has it."""
    document = DocumentFactory(title="Приложение към черновата")
    with_text(document, "Улица Зелена планина", committed)
    assert found("зелена") == ["Приложение към черновата"]  # on its own, a library document like any other
    with committed():
        decision.documents.add(DecisionDocument(document=document))
        revision = decision.save_revision()
    assert not DecisionDocument.objects.filter(document=document).exists()  # the live version does not attach it
    assert found("зелена") == []
    with committed():
        revision.publish()
    hits = search("зелена")[0:10]
    assert [(hit.title, hit.page.pk) for hit in hits] == [("Приложение към черновата", decision.pk)]


def test_an_annex_taken_out_of_the_draft_is_a_library_document_again(decision, committed):
    document = DocumentFactory(title="Приложение към черновата")
    with_text(document, "Улица Зелена планина", committed)
    with committed():
        decision.documents.add(DecisionDocument(document=document))
        decision.save_revision()
    assert found("зелена") == []
    with committed():
        decision.documents.clear()
        decision.save_revision()
    assert found("зелена") == ["Приложение към черновата"]


def test_the_annex_goes_when_its_decision_is_unpublished(decision, annex, committed):
    with committed():
        decision.unpublish()
    assert found("зелена") == []


def test_a_document_in_a_restricted_collection_is_not_found(committed):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Вътрешни документи")
    document = DocumentFactory(title="Вътрешна бележка", collection=private)
    with_text(document, f"{SECRET} бележка", committed)
    assert found() == ["Вътрешна бележка"]
    with committed():
        CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    assert found() == []


def test_a_document_whose_text_could_not_be_read_is_found_by_its_title_only(committed):
    document = DocumentFactory(title=f"{SECRET} сканиран протокол")
    with committed():
        DocumentText.objects.update_or_create(
            document=document, defaults={"status": "not_searchable", "text": "", "message": "Няма текстов слой"}
        )
    assert found() == [f"{SECRET} сканиран протокол"]
