"""Create the demo Botevgrad site; running it again changes nothing that is already there."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from consultations.models import ConsultationIndexPage
from decisions.importing.rows import DecisionRow
from decisions.importing.writer import DecisionWriter, slug_of
from decisions.models import DecisionIndexPage, DecisionPage, LegalStatus
from decisions.tasks import announce_published_decisions
from home.demo.consultation_loader import load_consultation
from home.demo.consultations import CONSULTATIONS
from home.demo.decision_texts import EXTRA_TEMPLATES, TEMPLATES
from home.demo.decisions import amendments, demo_decisions
from home.demo.documents import demo_docx, demo_document
from home.demo.evaluations import load_evaluations
from home.demo.indicators import INDICATORS
from home.demo.measures import MEASURES
from home.demo.pages import CONTACTS, HOME_INTRO, HOME_TITLE, STANDARD_PAGES
from home.demo.policies import ADOPTED_BY, POLICIES, POLICIES_PUBLISHED_AT
from home.demo.reports import load_reports
from home.demo.survey import load_survey
from home.models import HomePage, MunicipalityContacts, StandardPage
from policy_pages.models import Indicator, IndicatorValue, Measure, PolicyIndexPage, PolicyPage
from search.entry_signals import entries_in_bulk


def sections_to_stream(sections):
    """Turn (heading, text) pairs into StreamField data for ContentStreamBlock; text already in HTML
    (lists, links) is kept as it is, plain text becomes a paragraph."""
    stream = []
    for heading, text in sections:
        stream.append(("heading", {"text": heading, "level": "h2"}))
        stream.append(("paragraph", text if text.startswith("<") else f"<p>{text}</p>"))
    return stream


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


class Command(BaseCommand):
    help = "Създава демонстрационното съдържание на сайта; при повторно пускане не създава дубликати."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Зарежда съдържанието само ако сайтът още няма начална страница.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("Сайтът вече има съдържание; демонстрационното не е заредено.")
            return
        # Every page and document is entered into the search once, at the end, not at each of its saves.
        with entries_in_bulk():
            home = self.home_page()
            self.standard_pages(home)
            self.contacts(home)
            policies = self.policies(home)
            self.decisions(home, policies)
            self.adoptions(policies)
            self.consultations(home, policies)
            for policy in policies.values():
                load_evaluations(PolicyPage.objects.get(pk=policy.pk))
            load_reports(home, {slug: PolicyPage.objects.get(pk=policy.pk) for slug, policy in policies.items()})
            load_survey(home)
        self.stdout.write(self.style.SUCCESS("Демонстрационното съдържание е заредено."))

    def home_page(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="nachalo", intro=HOME_INTRO))
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=HOME_TITLE)
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = HOME_TITLE
            site.save()
            # Wagtail's placeholder "Welcome" page is of no use once the real home exists.
            if type(old_root.specific) is Page and old_root.depth == 2 and not old_root.get_children().exists():
                old_root.delete()
        # Before any content is published: e-mails queued while loading must link to the real address.
        call_command("set_site_address", stdout=self.stdout)
        return home

    def contacts(self, home):
        site = Site.objects.get(root_page=home)
        contacts = MunicipalityContacts.for_site(site)
        if not contacts.address:
            for field, value in CONTACTS.items():
                setattr(contacts, field, value)
        if contacts.accessibility_page_id is None:
            contacts.accessibility_page = child_by_slug(home, "dostapnost")
        if contacts.privacy_page_id is None:
            contacts.privacy_page = child_by_slug(home, "poveritelnost")
        contacts.save()

    def standard_pages(self, home):
        for data in STANDARD_PAGES:
            if child_by_slug(home, data["slug"]) is None:
                home.add_child(
                    instance=StandardPage(
                        title=data["title"],
                        slug=data["slug"],
                        intro=data["intro"],
                        show_in_menus=data["show_in_menus"],
                        body=sections_to_stream(data["sections"]),
                    )
                )

    def policies(self, home):
        index = child_by_slug(home, "politiki")
        if index is None:
            index = home.add_child(
                instance=PolicyIndexPage(
                    title="Политики",
                    slug="politiki",
                    show_in_menus=True,
                    intro="<p>Петте политики, по които общината работи, и къде е всяка от тях.</p>",
                )
            )
        policies = {}
        for data in POLICIES:
            policy = child_by_slug(index, data["slug"])
            if policy is None:
                policy = PolicyPage(
                    title=data["title"],
                    slug=data["slug"],
                    summary=data["summary"],
                    stage=data["stage"],
                    responsible_department=data["department"],
                    body=sections_to_stream(data["sections"]),
                )
                policy.tags.add(*data["tags"])
                # Published before its consultations and decisions, as the golden thread then shows it.
                policy.first_published_at = policy.last_published_at = POLICIES_PUBLISHED_AT
                index.add_child(instance=policy)
            if not policy.measures.exists():
                for order, fields in enumerate(MEASURES.get(data["slug"], [])):
                    Measure.objects.create(page=policy, sort_order=order, **fields)
            if not policy.indicators.exists():
                for order, fields in enumerate(INDICATORS.get(data["slug"], [])):
                    fields = dict(fields)
                    values = fields.pop("values")
                    indicator = Indicator.objects.create(page=policy, sort_order=order, **fields)
                    IndicatorValue.objects.bulk_create(IndicatorValue(indicator=indicator, **value) for value in values)
            policies[data["slug"]] = policy
        return policies

    def adoptions(self, policies):
        """Each adopted policy names its adopting decision (before the consultations publish the policies' pages)."""
        templates = {template["key"]: template for template in TEMPLATES + EXTRA_TEMPLATES}
        for slug, (key, year) in ADOPTED_BY.items():
            policy = policies.get(slug)
            template = templates[key]
            title = template["title"].format(year=year, prev=year - 1, next=year + 1)
            decision = DecisionPage.objects.filter(title=title, date__year=year).first()
            if policy is not None and decision is not None and policy.adopted_by_id is None:
                policy.adopted_by = decision
                policy.save(update_fields=["adopted_by"])

    def decisions(self, home, policies):
        index = child_by_slug(home, "resheniya")
        if index is None:
            index = home.add_child(
                instance=DecisionIndexPage(
                    title="Решения и заповеди",
                    slug="resheniya",
                    show_in_menus=True,
                    intro="<p>Решенията на Общинския съвет и заповедите на кмета, с постоянен адрес за всяко.</p>",
                )
            )
        existing = set(DecisionPage.objects.child_of(index).values_list("slug", flat=True))
        decisions = list(demo_decisions())
        changes = amendments(decisions)
        rows = [self.decision_row(line, data, policies, changes) for line, data in enumerate(decisions, start=1)
                if slug_of((data["issuing_body"], data["number"], data["date"].year)) not in existing]
        # The import's writer: published pages with their revisions, written in bulk; the search is told at once.
        writer = DecisionWriter(index, announce=announce_published_decisions.call)
        # An amending decision is stored before the decision that points to it.
        for batch in ([row for row in rows if not row.amended_by], [row for row in rows if row.amended_by]):
            if batch:
                failed = {line: error for line, error in writer.write_batch(batch).items() if isinstance(error, Exception)}
                if failed:
                    raise CommandError(f"Демонстрационните решения не се записаха: {failed}")

    def decision_row(self, line, data, policies, changes):
        key = (data["issuing_body"], data["number"], data["date"].year)
        status, amended_by = changes.get(key, (LegalStatus.IN_FORCE, None))
        kind = "Заповед" if data["issuing_body"] == "mayor" else "Решение"
        reference = f"{kind} № {data['number']}/{data['date'].year} г."
        documents = [demo_document(f"Приложение към {reference}", data["annex"])]
        if data["report"]:
            documents.append(demo_docx(f"Докладна записка към {reference}", data["report"]))
        return DecisionRow(
            line=line, issuing_body=data["issuing_body"], number=data["number"], date=data["date"],
            session=data["session"], title=data["title"], body=f"<p>{data['body']}</p>", status=status,
            tags=data["tags"], policy_ids=[policies[data["policy"]].pk], documents=documents, amended_by=amended_by,
            votes=data["votes"],
        )

    def consultations(self, home, policies):
        if child_by_slug(home, "obshtestveni-konsultacii") is None:
            home.add_child(
                instance=ConsultationIndexPage(
                    title="Обществени консултации",
                    slug="obshtestveni-konsultacii",
                    show_in_menus=True,
                    intro="<p>Проектите, по които можете да изпратите предложение, и справките от приключилите.</p>",
                )
            )
        for data in CONSULTATIONS:
            load_consultation(policies[data["policy"]], data)
