"""Policy tags link to the policy list filtered by that tag; the list validates the tag it is given."""

import pytest

from tests.hostile import XSS, XSS_ATTRIBUTE

pytestmark = pytest.mark.django_db


def tagged(policy, *names):
    policy.tags.add(*names)
    policy.save()
    return policy


@pytest.fixture
def policies(policy_index, policy_page_factory):
    return [
        tagged(policy_page_factory(parent=policy_index, title="Околна среда"), "отпадъци", "паркове"),
        tagged(policy_page_factory(parent=policy_index, title="Транспорт"), "паркове"),
        policy_page_factory(parent=policy_index, title="Социални услуги"),
    ]


def test_policy_page_tags_link_to_the_filtered_policy_list(client, policies):
    content = client.get(policies[0].url).content.decode()
    link = '<a href="/politiki/okolna-sreda/../?tag=%D0%BE%D1%82%D0%BF%D0%B0%D0%B4%D1%8A%D1%86%D0%B8">отпадъци</a>'
    assert link.replace("okolna-sreda", policies[0].slug) in content


def test_tag_filters_the_policy_list_and_shows_how_to_clear_it(client, policy_index, policies):
    response = client.get(policy_index.url, {"tag": "паркове"})
    assert response.status_code == 200
    assert [p.title for p in response.context["policies"]] == ["Околна среда", "Транспорт"]
    content = response.content.decode()
    assert "С етикет „паркове“" in content
    assert f'<a href="{policy_index.url}">Премахни етикета' in content


def test_unknown_tag_is_a_404_with_a_message(client, policy_index, policies):
    response = client.get(policy_index.url, {"tag": "nyama-takav"})
    assert response.status_code == 404
    assert "Няма политики с етикет „nyama-takav“." in response.content.decode()
    assert response.context["policies"] is None


def test_tag_of_an_unpublished_policy_is_unknown(client, policy_index, policy_page_factory):
    tagged(policy_page_factory(parent=policy_index), "чернова").unpublish()
    assert client.get(policy_index.url, {"tag": "чернова"}).status_code == 404


@pytest.mark.parametrize("tag", [XSS, XSS_ATTRIBUTE, "два думи", "a" * 101, "\u0000"])
def test_malformed_tag_is_a_400_with_a_message_and_escaped(client, policy_index, policies, tag):
    response = client.get(policy_index.url, {"tag": tag})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Етикетът в адреса е" in content
    assert "Околна среда" not in content
    assert XSS not in content
    assert "<img src=x" not in content


@pytest.mark.parametrize("count", [1, 30])
def test_filtered_policy_list_query_count_is_flat(client, policy_index, policy_page_factory, count,
                                                  django_assert_max_num_queries):
    for number in range(count):
        tagged(policy_page_factory(parent=policy_index), "паркове", f"друг-{number}")
    client.get(policy_index.url, {"tag": "паркове"})
    with django_assert_max_num_queries(3):
        assert client.get(policy_index.url, {"tag": "паркове"}).status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_policy_page_query_count_with_tags(client, policy_index, policy_page_factory, count,
                                           django_assert_max_num_queries):
    policy = tagged(policy_page_factory(parent=policy_index), *[f"етикет-{n}" for n in range(count)])
    client.get(policy.url)
    with django_assert_max_num_queries(4):
        assert client.get(policy.url).status_code == 200
