"""The archive's form folds its filters unless one is chosen, and the count reads as Bulgarian numbers do."""

import datetime
import re
from types import SimpleNamespace

import pytest

from decisions.models.index_page import result_count_label

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(decision_index, decision_page_factory):
    decision_page_factory(parent=decision_index, title="Бюджет 2025", date=datetime.date(2025, 2, 1))
    return decision_index


def details(client, archive, params):
    """The response and the fold: whether it is open and its summary's words."""
    response = client.get(archive.url, params)
    found = re.search(r'<details class="archive-filter-more"( open)?>\s*<summary>(.*?)</summary>', response.content.decode(), re.S)
    assert found, "no folded filters in the form"
    summary = " ".join(re.sub(r"<[^>]+>", " ", found.group(2)).split())
    return response, SimpleNamespace(open=bool(found.group(1)), summary=summary)


def test_the_filters_are_folded_when_none_is_chosen(client, archive):
    _response, folded = details(client, archive, {"q": "бюджет"})
    assert not folded.open
    assert folded.summary == "Филтри и подреждане"


def test_chosen_filters_keep_the_fold_open_and_are_counted(client, archive):
    _response, opened = details(client, archive, {"year": "2025", "body": "council"})
    assert opened.open
    assert opened.summary == "Филтри и подреждане (2 избрани)"
    _response, one = details(client, archive, {"sort": "oldest"})
    assert one.summary == "Филтри и подреждане (1 избран)"


def test_an_invalid_filter_opens_the_fold_where_the_fields_are(client, archive):
    response, opened = details(client, archive, {"status": "<script>"})
    assert response.status_code == 400
    assert opened.open


@pytest.mark.parametrize(("count", "body", "label"), [
    (1, "council", "1 решение"),
    (2593, "mayor", "2593 заповеди"),
    (100_000, "", "100\xa0000 решения и заповеди"),
])
def test_the_count_groups_digits_from_five_on(count, body, label):
    assert result_count_label(count, body) == label


def test_the_archives_words_stay_in_its_own_box_not_the_sites(client, archive):
    content = client.get(archive.url, {"q": "бюджет"}).content.decode()
    assert re.search(r'<input id="archive-q" type="search" name="q" value="бюджет"', content)
    # The header's box searches the whole site: prefilled, it would look as if it held this search too.
    assert re.search(r'<input id="header-search-q" type="search" name="q" value=""', content)
