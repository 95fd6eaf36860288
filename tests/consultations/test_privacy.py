"""Pending submissions and e-mail addresses never appear on a public page, feed or export."""

import pytest
from django.utils import timezone

from consultations.models import PublicationMode, SubmissionStatus
from tests.consultations.conftest import put_on_page
from tests.consultations.factories import ConsultationFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "tayna@example.org"


@pytest.fixture
def everything_public(client, home, policy, consultation):
    """Every public address that shows anything about consultations."""
    from consultations.models import ConsultationIndexPage

    index = home.add_child(instance=ConsultationIndexPage(title="Консултации", slug="konsultacii-spisak"))
    closed = ConsultationFactory(policy_page=policy, opens_at=timezone.now() - timezone.timedelta(days=40))
    put_on_page(policy, closed)
    closed.publish_report()
    return closed, [
        "/", policy.url, index.url, index.url + "rss/", index.url + "atom/",
        f"/konsultacii/{closed.pk}/spravka/", f"/konsultacii/{closed.pk}/spravka.csv",
        "/search/?q=tayna", "/search/?q=Тайно",
    ]


@pytest.mark.parametrize("status", [SubmissionStatus.UNCONFIRMED, SubmissionStatus.PENDING, SubmissionStatus.HIDDEN])
def test_unpublished_submissions_stay_private(client, everything_public, consultation, status):
    closed, urls = everything_public
    for target in (consultation, closed):
        SubmissionFactory(consultation=target, status=status, text=f"Тайно предложение {status}",
                          email=SECRET_EMAIL)
    for url in urls:
        content = client.get(url).content.decode("utf-8-sig")
        assert SECRET_EMAIL not in content, url
        if status != SubmissionStatus.PENDING or "spravka" not in url:
            assert f"Тайно предложение {status}" not in content, url


def test_emails_of_approved_submissions_are_never_published(client, everything_public, consultation):
    closed, urls = everything_public
    for target in (consultation, closed):
        SubmissionFactory(consultation=target, status=SubmissionStatus.APPROVED, email=SECRET_EMAIL,
                          publish_name=True, text="Публично предложение")
    assert "Публично предложение" in client.get(urls[1]).content.decode()
    for url in urls:
        assert SECRET_EMAIL not in client.get(url).content.decode("utf-8-sig"), url


def test_report_only_consultation_lists_nothing_on_the_page(client, policy):
    item = ConsultationFactory(policy_page=policy, publication=PublicationMode.REPORT_ONLY)
    put_on_page(policy, item)
    SubmissionFactory(consultation=item, status=SubmissionStatus.APPROVED, text="Само в справката")
    assert "Само в справката" not in client.get(policy.url).content.decode()


def test_unpublished_policy_page_hides_its_consultation_from_index_and_feed(client, home, policy):
    from consultations.models import ConsultationIndexPage

    item = ConsultationFactory(policy_page=policy, title="Проект за паркирането")
    put_on_page(policy, item)
    index = home.add_child(instance=ConsultationIndexPage(title="Консултации", slug="konsultacii-spisak"))
    assert "Проект за паркирането" in client.get(index.url).content.decode()
    policy.unpublish()
    for url in [index.url, index.url + "rss/", "/"]:
        assert "Проект за паркирането" not in client.get(url).content.decode(), url
