"""Every admin screen an editor or moderator uses reads in Bulgarian: no English word is left on it."""

import re

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape
from django.utils import translation
from wagtail.models import Collection, Page, Site

from consultations.models import ConsultationIndexPage
from tests.consultations.factories import ConsultationFactory, DocumentFactory, SubmissionFactory
from tests.decisions.factories import DecisionPageFactory
from tests.home.factories import StandardPageFactory
from tests.policy_pages.factories import PolicyPageFactory
from tests.site.admin_text import english_words, form_data, with_streamfields

pytestmark = pytest.mark.django_db

@pytest.fixture
def content(home, policy_index, decision_index):
    """One of everything an editor works with."""
    policy = PolicyPageFactory(parent=policy_index)
    consultation = ConsultationFactory(policy_page=policy)
    collection = Collection.get_first_root_node().add_child(name="Снимки от събития")
    # Wagtail's placeholder page, which `load_demo` deletes too; its title is content in English.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return {
        "home": home,
        "policy_index": policy_index,
        "decision_index": decision_index,
        "consultation_index": home.add_child(instance=ConsultationIndexPage(title="Консултации", slug="konsultacii")),
        "standard": StandardPageFactory(parent=home),
        "policy": policy,
        "decision": DecisionPageFactory(parent=decision_index),
        "consultation": consultation,
        "submission": SubmissionFactory(consultation=consultation),
        "image": wagtail_factories.ImageFactory(title="Снимка на площада", collection=collection),
        "document": DocumentFactory(),
        "collection": collection,
        "site": Site.objects.get(is_default_site=True),
        "survey": survey_with_a_text_answer(home),
    }


def survey_with_a_text_answer(home):
    from surveys.models import SurveyAnswer, SurveyTextAnswer
    from tests.surveys.helpers import keys, make_survey

    survey = make_survey(home)
    text = keys(survey)[-1]
    answer = SurveyAnswer.objects.create(page=survey, stakeholder_type="ngo", respondent="r",
                                         form_data={keys(survey)[0]: "Много", text: "Повече обсъждания вечер."})
    SurveyTextAnswer.objects.create(answer=answer, question=text, question_label="Какво да промени общината?")
    return survey


def make_user(username, group=None, **extra):
    User = get_user_model()
    create = User.objects.create_superuser if group is None else User.objects.create_user
    user = create(username, f"{username}@example.bg", "парола-за-тест", first_name="Мария", last_name="Иванова", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def editor_screens(c):
    """The screens Wagtail's Editors and Moderators groups work on (moderating proposals is the Moderators')."""
    pages = ("standard", "policy", "decision", "home", "policy_index", "decision_index", "consultation_index")
    submission_bulk = reverse(
        "wagtail_bulk_action", args=("consultations", "submission", "approve_submissions")
    ) + f"?id={c['submission'].pk}"
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{c['home'].pk}/",
        f"/admin/pages/{c['policy_index'].pk}/",
        f"/admin/pages/add/home/standardpage/{c['home'].pk}/",
        f"/admin/pages/add/policy_pages/policypage/{c['policy_index'].pk}/",
        f"/admin/pages/add/decisions/decisionpage/{c['decision_index'].pk}/",
        f"/admin/pages/{c['home'].pk}/add_subpage/",
        *(f"/admin/pages/{c[name].pk}/edit/" for name in pages),
        f"/admin/pages/{c['policy'].pk}/history/",
        f"/admin/pages/{c['standard'].pk}/copy/",
        "/admin/pages/search/?q=политика",
        "/admin/images/",
        "/admin/images/add/",
        f"/admin/images/{c['image'].pk}/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/documents/add/",
        f"/admin/documents/edit/{c['document'].pk}/",
        "/admin/documents/chooser/",
        "/admin/choose-page/",
        # (Not /admin/snippets/: our snippets have menus of their own, so Wagtail's snippet index has none
        # to list and answers everyone with "permission denied".)
        "/admin/snippets/consultations/consultation/",
        "/admin/snippets/consultations/consultation/add/",
        f"/admin/snippets/consultations/consultation/edit/{c['consultation'].pk}/",
        f"/admin/snippets/consultations/consultation/history/{c['consultation'].pk}/",
        "/admin/snippets/consultations/submission/",
        "/admin/snippets/consultations/submission/add/",
        f"/admin/snippets/consultations/submission/edit/{c['submission'].pk}/",
        f"/admin/snippets/consultations/submission/history/{c['submission'].pk}/",
        submission_bulk,
        f"/admin/pages/add/surveys/surveypage/{c['home'].pk}/",
        f"/admin/pages/{c['survey'].pk}/edit/",
        "/admin/forms/",
        f"/admin/forms/submissions/{c['survey'].pk}/",
        f"/admin/forms/submissions/{c['survey'].pk}/delete/?selected-submissions={c['survey'].get_submissions().get().pk}",
        "/admin/snippets/surveys/surveytextanswer/",
        f"/admin/snippets/surveys/surveytextanswer/edit/{c['survey'].get_submissions().get().text_answers.get().pk}/",
        "/admin/reports/site-history/",
        "/admin/participants/erase/",
        "/admin/account/",
    ]


def admin_screens(c):
    """The screens only an administrator (a superuser) reaches."""
    return [
        f"/admin/pages/{c['standard'].pk}/delete/",
        f"/admin/pages/{c['standard'].pk}/move/",
        "/admin/collections/",
        "/admin/collections/add/",
        f"/admin/collections/{c['collection'].pk}/",
        "/admin/users/",
        reverse("wagtailusers_users:add"),
        "/admin/groups/",
        reverse("wagtailusers_groups:add"),
        f"/admin/groups/edit/{Group.objects.get(name='Editors').pk}/",
        "/admin/sites/",
        f"/admin/sites/edit/{c['site'].pk}/",
        f"/admin/settings/home/municipalitycontacts/{c['site'].pk}/",
        "/admin/redirects/",
        "/admin/reports/locked/",  # Editors may not lock pages, so Wagtail shows this report only to administrators
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/workflows/list/",
    ]


def walk(client, urls):
    problems = {}
    for url in urls:
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 - one broken screen must not hide the others' English
            problems.setdefault(url, {})[f"{type(error).__name__}: {error}"] = {"(the screen crashed)"}
            continue
        if response.status_code != 200:
            problems.setdefault(url, {})[f"HTTP {response.status_code}"] = {"(the screen did not open)"}
        add_problems(problems, url, response)
    return problems


def add_problems(problems, url, response):
    for word, fragment in english_words(response, url):
        problems.setdefault(url, {}).setdefault(fragment, set()).add(word)


def report(problems):
    lines = []
    for url, fragments in problems.items():
        lines.append(url)
        lines.extend(f"    {', '.join(sorted(words))}  ←  {fragment!r}" for fragment, words in fragments.items())
    return "English left in the admin:\n" + "\n".join(lines)


def test_editors_screens_are_in_bulgarian(client, content):
    user = make_user("редактор", "Editors")
    user.groups.add(Group.objects.get(name="Moderators"))  # the screens of both groups' work
    client.force_login(user)
    problems = walk(client, editor_screens(content))
    assert not problems, report(problems)


def test_administrators_screens_are_in_bulgarian(client, content):
    user = make_user("администратор")
    client.force_login(user)
    problems = walk(client, admin_screens(content) + [f"/admin/users/edit/{user.pk}/"])
    assert not problems, report(problems)


def test_login_and_failed_login_are_in_bulgarian(client, home):
    make_user("редактор", "Editors")
    problems = walk(client, ["/admin/login/"])
    response = client.post("/admin/login/", {"username": "редактор", "password": "грешна"})
    add_problems(problems, "/admin/login/ (wrong password)", response)
    assert not problems, report(problems)
    error = re.search(r"(?s)<div[^>]*w-form-error[^>]*>.*?</div>|<div class=\"messages\".*?</div>", response.content.decode())
    assert error, "the failed login shows no message"
    text = re.sub(r"<[^>]+>|\s+", " ", error.group(0)).strip()
    assert text[:1].isupper(), f"the login error starts with a small letter: {text!r}"


def test_saving_and_publishing_say_so_in_bulgarian(client, content):
    client.force_login(make_user("редактор", "Moderators"))
    problems = {}
    for name in ("standard", "policy", "decision"):
        page = content[name]
        url = f"/admin/pages/{page.pk}/edit/"
        data = with_streamfields(page, form_data(client.get(url).content.decode(), "page-edit-form"))
        invalid = client.post(url, {**data, "title": ""})
        add_problems(problems, f"{url} (validation errors)", invalid)
        published = client.post(url, {**data, "action-publish": "action-publish"}, follow=True)
        add_problems(problems, f"{url} (published)", published)
        assert Page.objects.get(pk=page.pk).live
        assert escape(page.title) in published.content.decode()
    assert not problems, report(problems)


def test_snippet_messages_agree_with_any_model(client, content):
    """Wagtail's generic messages name the model; Bulgarian must not give a feminine model a masculine verb."""
    client.force_login(make_user("редактор", "Moderators"))
    url = f"/admin/snippets/consultations/consultation/edit/{content['consultation'].pk}/"
    data = form_data(client.get(url).content.decode(), "w-editor-form")
    saved = client.post(url, data, follow=True)
    problems = {}
    add_problems(problems, f"{url} (saved)", saved)
    assert not problems, report(problems)
    with translation.override("bg"):
        for message in (
            "%(model_name)s '%(object)s' created.",
            "%(model_name)s '%(object)s' updated.",
            "%(model_name)s '%(object)s' deleted.",
            "%(model_name)s '%(object)s' updated and published.",
            "%(model_name)s '%(object)s' created and published.",
        ):
            bulgarian = translation.gettext(message)
            assert bulgarian != message
            # The verb agrees with "записът", never with the model's name, whatever its gender.
            assert re.search(r"Записът „%\(object\)s“ \(%\(model_name\)s\)", bulgarian), bulgarian


@pytest.mark.django_db
def test_editors_avatar_is_wagtails_own_image_not_an_outside_service():
    from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

    user = get_user_model().objects.create_user("avatar", "avatar@example.bg", "парола-за-тест")
    url = avatar_url(user, size=50)
    assert url.startswith("/static/wagtailadmin/"), url
    assert "gravatar" not in url


@pytest.mark.django_db
def test_search_results_in_admin_listings_and_choosers_speak_bulgarian(client):
    from tests.consultations.factories import ConsultationFactory, SubmissionFactory
    from tests.policy_pages.factories import PolicyIndexPageFactory, PolicyPageFactory
    from tests.conftest import make_home

    policy = PolicyPageFactory(parent=PolicyIndexPageFactory(parent=make_home()))
    SubmissionFactory(consultation=ConsultationFactory(policy_page=policy), text="Пейки в парка")
    client.force_login(get_user_model().objects.create_superuser("търсач", "t@example.bg", "парола-за-тест"))
    listing = "/admin/snippets/consultations/submission/"
    none_found = client.get(listing, {"q": "несъществуващодумо"}).content.decode()
    assert "match your query" not in none_found and "Няма резултати за търсенето" in none_found
    found = client.get(listing, {"q": "пейки"}).content.decode()
    assert "match" not in found and "Намерен е 1 резултат" in found
    chooser = client.get("/admin/snippets/choose/consultations/consultation/results/", {"q": "несъществуващо"})
    assert "Sorry" not in chooser.content.decode()
