"""The public API at /api/v2/: live public pages with the decisions' particulars, public documents, nothing else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.consultations.factories import DocumentFactory
from tests.decisions.factories import DecisionPageFactory
from tests.home.factories import StandardPageFactory
from tests.hostile import XSS
from tests.policy_pages.factories import PolicyPageFactory

PAGES = "/api/v2/pages/"
DOCUMENTS = "/api/v2/documents/"
DECISIONS = PAGES + "?type=decisions.DecisionPage"


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def restricted_collection(name="Вътрешни"):
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


@pytest.fixture
def content(home, decision_index, policy_index):
    """Public and hidden pages and documents side by side, to tell what the API shows from what it hides."""
    public_policy = PolicyPageFactory(parent=policy_index, title="Чиста околна среда")
    draft_policy = PolicyPageFactory(parent=policy_index, title="Чернова на политика", live=False)
    secret = restricted_collection()
    public_document = DocumentFactory(title="Протокол от заседанието")
    hidden_document = DocumentFactory(title="Вътрешна докладна", collection=secret)
    nested_hidden_document = DocumentFactory(title="Вложена докладна", collection=secret.add_child(name="Вложена"))
    decision = DecisionPageFactory(parent=decision_index, title="Приемане на бюджета за 2025 г.", number=23)
    decision.tags.add("бюджет", "финанси")
    decision.related_policies.add(public_policy, draft_policy)
    decision.documents.create(document=public_document, title="Решение (подписано)")
    decision.documents.create(document=hidden_document)
    decision.save()
    # Drafts skip the clean() that makes a live decision's slug from its number.
    draft_decision = DecisionPageFactory(parent=decision_index, title="Неприето решение за бюджета", live=False,
                                         slug="chernova")
    private_section = StandardPageFactory(parent=home, title="Само за служители")
    PageViewRestriction.objects.create(page=private_section, restriction_type=PageViewRestriction.PASSWORD,
                                       password="тайна")
    under_private = StandardPageFactory(parent=private_section, title="Вътрешни правила за бюджета")
    return {
        "decision": decision, "draft_decision": draft_decision, "public_policy": public_policy,
        "draft_policy": draft_policy, "private_section": private_section, "under_private": under_private,
        "public_document": public_document, "hidden_document": hidden_document,
        "nested_hidden_document": nested_hidden_document,
    }


def test_pages_listing_shows_live_public_pages_only(client, content):
    shown = ids(client.get(PAGES + "?limit=100"))
    assert content["decision"].pk in shown and content["public_policy"].pk in shown
    for hidden in ("draft_decision", "draft_policy", "private_section", "under_private"):
        assert content[hidden].pk not in shown, hidden


@pytest.mark.parametrize("hidden", ["draft_decision", "draft_policy", "private_section", "under_private"])
def test_hidden_page_detail_is_404(client, content, hidden):
    assert client.get(f"{PAGES}{content[hidden].pk}/").status_code == 404


@pytest.mark.parametrize("hidden", ["draft_decision", "under_private"])
def test_search_never_finds_hidden_pages(client, content, hidden):
    found = ids(client.get(PAGES + "?search=бюджета&limit=100"))
    assert content["decision"].pk in found
    assert content[hidden].pk not in found


def test_hidden_pages_cannot_be_found_by_path(client, content):
    response = client.get(PAGES + "find/?html_path=" + content["under_private"].url)
    assert response.status_code == 404


def test_decision_detail_has_its_particulars_and_only_public_relations(client, content):
    decision = content["decision"]
    data = client.get(f"{PAGES}{decision.pk}/").json()
    assert data["issuing_body"] == "council"
    assert data["number"] == 23
    assert data["date"] == "2025-03-28"
    assert data["session"] == 5
    assert data["status"] == "in_force"
    assert data["amended_or_repealed_by"] is None
    assert data["tags"] == ["бюджет", "финанси"]
    assert [p["title"] for p in data["related_policies"]] == ["Чиста околна среда"]
    assert data["related_policies"][0]["html_url"].startswith("http")
    assert [d["title"] for d in data["documents"]] == ["Решение (подписано)"]
    assert data["documents"][0]["download_url"].startswith("http")
    assert data["meta"]["html_url"].endswith("/resheniya/2025-23/")


def test_decision_listing_shows_particulars_by_default(client, content):
    item = client.get(DECISIONS).json()["items"][0]
    assert {key: item[key] for key in ("issuing_body", "number", "date", "status")} == {
        "issuing_body": "council", "number": 23, "date": "2025-03-28", "status": "in_force"}


def test_decisions_can_be_filtered_by_their_fields(client, content, decision_index):
    order = DecisionPageFactory(parent=decision_index, issuing_body="mayor", number=7, session=None)
    assert ids(client.get(DECISIONS + "&issuing_body=mayor")) == {order.pk}
    assert ids(client.get(DECISIONS + "&number=23")) == {content["decision"].pk}


def test_a_decision_amended_by_an_unpublished_act_does_not_name_it(client, content, decision_index):
    draft_act = DecisionPageFactory(parent=decision_index, title="Неиздадено изменение", live=False, number=99,
                                    slug="2025-99")
    decision = content["decision"]
    decision.status, decision.amended_or_repealed_by = "amended", draft_act
    decision.save()
    data = client.get(f"{PAGES}{decision.pk}/").json()
    assert data["status"] == "amended"
    assert data["amended_or_repealed_by"] is None
    assert "Неиздадено" not in client.get(DECISIONS + "&fields=*").content.decode()


def test_documents_listing_has_titles_tags_and_download_addresses(client, content):
    content["public_document"].tags.add("протокол")
    item = next(i for i in client.get(DOCUMENTS).json()["items"] if i["id"] == content["public_document"].pk)
    assert item["title"] == "Протокол от заседанието"
    assert item["meta"]["tags"] == ["протокол"]
    assert item["meta"]["download_url"].startswith("http://localhost/documents/")


def test_documents_in_restricted_collections_are_not_listed_found_or_shown(client, content):
    shown = ids(client.get(DOCUMENTS + "?limit=100"))
    assert content["public_document"].pk in shown
    assert content["hidden_document"].pk not in shown
    assert content["nested_hidden_document"].pk not in shown
    assert client.get(f"{DOCUMENTS}{content['hidden_document'].pk}/").status_code == 404
    assert ids(client.get(DOCUMENTS + "?search=докладна")) == set()


def test_there_is_no_images_endpoint(client, content):
    assert client.get("/api/v2/images/").status_code == 404


def test_titles_come_back_as_data_not_markup(client, content, decision_index):
    DecisionPageFactory(parent=decision_index, number=500)
    response = client.get(DECISIONS + "&fields=*")
    assert response["Content-Type"].startswith("application/json")
    assert XSS in {item["title"].split(" ", 4)[-1] for item in response.json()["items"]}


def test_the_api_is_read_only(client, content):
    assert client.post(PAGES, {"title": "x"}).status_code == 405
    assert client.delete(f"{PAGES}{content['decision'].pk}/").status_code == 405


def count_queries(client, url):
    client.get(url)  # what the site remembers about its tree is read again after the writes
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.parametrize("url, pinned", [
    (PAGES + "?limit=100", 5),
    (DECISIONS + "&fields=*&limit=100", 11),
    (DECISIONS + "&fields=*&limit=100&search=бюджета", 12),
    (DOCUMENTS + "?limit=100", 10),
])
def test_queries_do_not_grow_with_the_content(client, content, decision_index, policy_index, url, pinned):
    policy = PolicyPageFactory(parent=policy_index)

    numbers = iter(range(1000, 2000))

    def add_decisions(count):
        for _ in range(count):
            decision = DecisionPageFactory(parent=decision_index, title="Решение за бюджета", number=next(numbers))
            decision.tags.add("бюджет")
            decision.related_policies.add(policy)
            decision.documents.create(document=DocumentFactory())
            decision.save()

    add_decisions(2)
    client.get(url)  # the site's root paths are cached after the first request
    small = count_queries(client, url)
    add_decisions(20)
    large = count_queries(client, url)
    assert large == small
    assert large <= pinned


def test_decision_detail_queries_are_pinned(client, content, django_assert_max_num_queries):
    url = f"{PAGES}{content['decision'].pk}/"
    client.get(url)  # the site's root paths and view restrictions are remembered after the first request
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


HOSTILE_PARAMETERS = [
    "search=%00", "search=a%00b", "search=" + "я" * 10_000, "search=%26%7C%21%28%29", "search=%22", "search=%27",
    "search=" + "%28" * 50, "search=бюджет&search_operator=xor", "search=бюджет&search_operator=or",
    "search=бюджет&order=random", "search=бюджет&order=title", "limit=abc", "limit=-1", "limit=1000000",
    "offset=abc", "offset=99999999999999999999999", "offset=-5", "fields=*,nonexistent", "fields=nonexistent",
    "fields=*", "fields=(", "fields=title(", "fields=-title", "fields=_,title", "order=nonexistent", "order=-",
    "order=random&offset=5", "type=nonexistent.Model", "type=wagtailcore.Page,decisions.DecisionPage",
    "type=decisions.DecisionPage&number=abc", "type=decisions.DecisionPage&date=notadate",
    "type=decisions.DecisionPage&related_policies=abc", "type=decisions.DecisionPage&amended_or_repealed_by=abc",
    "type=decisions.DecisionPage&documents=abc", "type=decisions.DecisionPage&tags=%00",
    "type=decisions.DecisionPage&tags=бюджет&search=бюджет", "type=decisions.DecisionPage&order=-date,number",
    "child_of=abc", "child_of=99999999999999999999", "descendant_of=-1", "ancestor_of=root", "locale=xx",
    "site=example.com:abc", "site=%00", "title=%00", "id=99999999999999999999999", "rich_text_format=evil",
    "rich_text_format=html&type=decisions.DecisionPage&fields=body", "format=api", "format=evil", "unknown=1",
    "%00=1",
]


@pytest.mark.parametrize("query", HOSTILE_PARAMETERS)
@pytest.mark.parametrize("endpoint", [PAGES, DOCUMENTS])
def test_hostile_parameters_get_an_answer_never_a_server_error(client, content, endpoint, query):
    response = client.get(f"{endpoint}?{query}")
    assert response.status_code in (200, 400, 404), (query, response.status_code, response.content[:300])


@pytest.mark.parametrize("path", [
    "99999999999999999999999/", "find/?id=abc", "find/?id=99999999999999999999999", "find/?html_path=%00",
    "find/?html_path=/" + "a/" * 500, "0/", "1/?fields=nonexistent",
])
def test_hostile_addresses_get_an_answer_never_a_server_error(client, content, path):
    for endpoint in (PAGES, DOCUMENTS):
        response = client.get(endpoint + path)
        assert response.status_code in (200, 302, 400, 404), (path, response.status_code, response.content[:300])


def test_a_null_character_is_refused_with_a_message(client, content):
    response = client.get(PAGES + "?search=a%00b")
    assert response.status_code == 400
    assert "null" in response.json()["message"]
