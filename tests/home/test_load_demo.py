"""The demo content loader: a believable site, and running it twice changes nothing."""

import datetime
import re

import pytest
from django.utils import timezone
from django.core.management import call_command
from wagtail.models import Page, Site

from consultations.models import Consultation
from decisions.models import DecisionPage
from home.models import HomePage, MunicipalityContacts
from policy_pages.models import PolicyPage

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(Page.objects.values_list("url_path", "title"))


def test_load_demo_builds_the_site(client):
    call_command("load_demo")
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert PolicyPage.objects.live().count() == 5
    decisions = DecisionPage.objects.live()
    assert decisions.count() >= 30
    assert len({d.date.year for d in decisions}) == 3
    contacts = MunicipalityContacts.for_site(site)
    assert contacts.accessibility_page.slug == "dostapnost"
    assert contacts.privacy_page.slug == "poveritelnost"
    for url in ["/", "/politiki/", "/resheniya/", "/za-platformata/", "/dobri-praktiki/", "/dostapnost/",
                "/poveritelnost/"]:
        assert client.get(url).status_code == 200, url


def test_load_demo_is_idempotent():
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_the_policies_being_carried_out_show_their_measures(client):
    from policy_pages.models import Measure

    call_command("load_demo")
    call_command("load_demo")
    education = PolicyPage.objects.get(slug="obrazovanie-i-mladi-hora")
    assert Measure.objects.filter(page=education).count() == 4
    content = client.get(education.url).content.decode()
    assert "Общо изпълнение: 62 %" in content  # (100 + 55 + 30) / 3, the cancelled measure left out
    assert "Просрочена" in content  # the youth centre, due 30 November 2026


def test_load_demo_keeps_the_contacts_an_editor_chose(standard_page_factory):
    call_command("load_demo")
    site = Site.objects.get(is_default_site=True)
    contacts = MunicipalityContacts.for_site(site)
    chosen = standard_page_factory(parent=site.root_page, slug="lichni-danni")
    contacts.privacy_page = chosen
    contacts.phone = "0723 00 000"
    contacts.save()
    call_command("load_demo")
    assert MunicipalityContacts.objects.count() == 1
    contacts = MunicipalityContacts.for_site(site)
    assert (contacts.privacy_page_id, contacts.phone) == (chosen.pk, "0723 00 000")
    assert contacts.accessibility_page.slug == "dostapnost"


MONTHS = ["януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври",
          "ноември", "декември"]
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
WORDED_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?")


def cited_dates(text, default_year):
    """Every date written in the text, as 31.07.2026 or as "31 юли" (the year then taken as default_year)."""
    dates = [datetime.date(int(y), int(m), int(d)) for d, m, y in NUMERIC_DATE.findall(text)]
    dates += [datetime.date(int(y or default_year), MONTHS.index(month) + 1, int(d))
              for d, month, y in WORDED_DATE.findall(text)]
    return dates


def test_cited_dates_reads_both_ways_of_writing_a_date():
    assert cited_dates("до 18.08.2026 г., преди 31 юли и 1 май 2025", 2026) == [
        datetime.date(2026, 8, 18), datetime.date(2026, 7, 31), datetime.date(2025, 5, 1)]


def test_dates_in_a_shortened_period_reason_match_the_period():
    """A shorter period is justified by what must happen once it is over: every date the reason cites is
    the opening or the closing day, or comes after the closing day; none falls before or inside it."""
    call_command("load_demo")
    shortened = [c for c in Consultation.objects.all() if c.is_shortened()]
    assert shortened, "the demo should show a consultation with a shortened period"
    for consultation in shortened:
        opens = timezone.localtime(consultation.opens_at).date()
        closes = timezone.localtime(consultation.closes_at).date()
        reason = consultation.shortened_period_reason
        assert "{" not in reason, reason
        for date in cited_dates(reason, default_year=closes.year):
            assert date in (opens, closes) or date > closes, f"{date} does not fit {opens}–{closes}: {reason}"


def test_if_empty_leaves_an_existing_site_alone(home):
    call_command("load_demo", "--if-empty")
    assert not PolicyPage.objects.exists()


def test_demo_decisions_show_the_archive(client):
    """Enough decisions for the archive's filters and search, and annexes whose words only they hold."""
    from pypdf import PdfReader

    call_command("load_demo")
    decisions = DecisionPage.objects.live()
    assert decisions.count() >= 50
    assert decisions.filter(issuing_body="mayor", number=23, date__year=2026).exists()
    assert decisions.filter(issuing_body="council", number=23, date__year=2026).exists()
    titles = " ".join(decisions.values_list("title", flat=True)).lower()
    assert all(word in titles for word in ["бюджет", "сметосъбиране", "общинския съвет"])
    assert decisions.exclude(status="in_force").filter(amended_or_repealed_by__isnull=False).count() >= 2
    assert all(d.live_revision_id for d in decisions)
    budget = decisions.get(issuing_body="council", number=23, date__year=2026)
    files = {item.document.file_extension: item.document for item in budget.documents.select_related("document")}
    assert set(files) == {"pdf", "docx"}
    with files["pdf"].open_file() as pdf:
        annex = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Гурко" in annex and "Гурко" not in budget.title + budget.body
    assert client.get(budget.url).status_code == 200


def test_every_demo_policy_has_indicators_and_its_stage_agrees_with_its_facts(client):
    from policy_pages.lifecycle import stage_warnings
    from policy_pages.models import Indicator, IndicatorValue

    call_command("load_demo")
    for policy in PolicyPage.objects.live():
        assert policy.indicators.exists(), policy.slug
        assert stage_warnings(policy) == [], policy.slug
        content = client.get(policy.url).content.decode()
        assert 'aria-labelledby="golden-thread-heading"' in content and "<svg" in content
    assert not IndicatorValue.objects.filter(measured_on__gt=timezone.localdate()).exists()
    # One indicator without a baseline, one with several values.
    assert Indicator.objects.filter(baseline_value=None).exists()
    assert any(indicator.values.count() >= 5 for indicator in Indicator.objects.all())
    adopted = PolicyPage.objects.get(slug="obrazovanie-i-mladi-hora")
    assert "Приета: Приемане на Общинска програма за закрила на детето" in client.get(adopted.url).content.decode()
