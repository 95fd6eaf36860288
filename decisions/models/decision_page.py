"""One council decision or mayor's order: its particulars, vote, legal status and attachments."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import ExtractYear
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from botevgrad.page_cache import remembered_for_page
from botevgrad.public_tree import KnownRestrictions, hidden_collection_ids, visible

from ..permalinks import permanent_url

# What the editor offers for a decision's text; the import sanitises to the same (decisions/rich_text.py).
BODY_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class IssuingBody(models.TextChoices):
    COUNCIL = "council", _("Общински съвет – Ботевград")
    MAYOR = "mayor", _("Кмет на община Ботевград")


class LegalStatus(models.TextChoices):
    IN_FORCE = "in_force", _("В сила")
    AMENDED = "amended", _("Изменено")
    REPEALED = "repealed", _("Отменено")


# "Решение" is neuter and "заповед" feminine: the status agrees with the kind of act.
STATUS_LABELS = {
    (IssuingBody.COUNCIL, LegalStatus.IN_FORCE): _("В сила"),
    (IssuingBody.COUNCIL, LegalStatus.AMENDED): _("Изменено"),
    (IssuingBody.COUNCIL, LegalStatus.REPEALED): _("Отменено"),
    (IssuingBody.MAYOR, LegalStatus.IN_FORCE): _("В сила"),
    (IssuingBody.MAYOR, LegalStatus.AMENDED): _("Изменена"),
    (IssuingBody.MAYOR, LegalStatus.REPEALED): _("Отменена"),
}
# (this act's body, its status, the changing act's body): Bulgarian says "със" before "Заповед".
CHANGED_BY = {
    (IssuingBody.COUNCIL, LegalStatus.AMENDED, IssuingBody.COUNCIL): _("Изменено с %(citation)s"),
    (IssuingBody.COUNCIL, LegalStatus.AMENDED, IssuingBody.MAYOR): _("Изменено със %(citation)s"),
    (IssuingBody.COUNCIL, LegalStatus.REPEALED, IssuingBody.COUNCIL): _("Отменено с %(citation)s"),
    (IssuingBody.COUNCIL, LegalStatus.REPEALED, IssuingBody.MAYOR): _("Отменено със %(citation)s"),
    (IssuingBody.MAYOR, LegalStatus.AMENDED, IssuingBody.COUNCIL): _("Изменена с %(citation)s"),
    (IssuingBody.MAYOR, LegalStatus.AMENDED, IssuingBody.MAYOR): _("Изменена със %(citation)s"),
    (IssuingBody.MAYOR, LegalStatus.REPEALED, IssuingBody.COUNCIL): _("Отменена с %(citation)s"),
    (IssuingBody.MAYOR, LegalStatus.REPEALED, IssuingBody.MAYOR): _("Отменена със %(citation)s"),
}
CHANGES = {
    LegalStatus.AMENDED: _("Изменя %(citation)s"),
    LegalStatus.REPEALED: _("Отменя %(citation)s"),
}
VOTE_FIELDS = ("votes_for", "votes_against", "votes_abstained")


class DecisionPageTag(TaggedItemBase):
    content_object = ParentalKey("decisions.DecisionPage", on_delete=models.CASCADE, related_name="tagged_items")


class DecisionPage(KnownRestrictions, Page):
    """One decision or order: its number and date make its permanent address (/…/2025-123/)."""

    issuing_body = models.CharField(
        verbose_name=_("Орган"),
        max_length=20,
        choices=IssuingBody.choices,
        default=IssuingBody.COUNCIL,
        help_text=_("Общинският съвет приема решения, кметът издава заповеди."),
    )
    number = models.PositiveIntegerField(
        verbose_name=_("Номер"),
        help_text=_("Номерът на решението или заповедта; заедно с годината образува постоянния адрес."),
    )
    date = models.DateField(verbose_name=_("Дата"), db_index=True)
    session = models.PositiveIntegerField(
        verbose_name=_("Протокол №"),
        null=True,
        blank=True,
        help_text=_("Номерът на протокола от заседанието на Общинския съвет; за заповеди оставете празно."),
    )
    body = RichTextField(verbose_name=_("Текст на решението или заповедта"), features=BODY_FEATURES)
    votes_for = models.PositiveIntegerField(verbose_name=_("Гласували „за“"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(verbose_name=_("Гласували „против“"), null=True, blank=True)
    votes_abstained = models.PositiveIntegerField(verbose_name=_("Въздържали се"), null=True, blank=True)
    status = models.CharField(
        verbose_name=_("Правно състояние"),
        max_length=20,
        choices=LegalStatus.choices,
        default=LegalStatus.IN_FORCE,
        help_text=_("Изменено или отменено: посочете и решението или заповедта, с които е изменено или отменено."),
    )
    amended_or_repealed_by = models.ForeignKey(
        "decisions.DecisionPage",
        verbose_name=_("Изменено или отменено с"),
        null=True,
        blank=True,
        # The link is the only proof of the status: the changing act cannot be deleted while it is cited.
        on_delete=models.PROTECT,
        related_name="amends",
        help_text=_("Решението или заповедта, с които това е изменено или отменено."),
    )
    related_policies = ParentalManyToManyField(
        "policy_pages.PolicyPage",
        verbose_name=_("Свързани политики"),
        related_name="related_decisions",
        blank=True,
    )
    tags = ClusterTaggableManager(through=DecisionPageTag, blank=True, verbose_name=_("Етикети"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("issuing_body"), FieldPanel("number"), FieldPanel("date"), FieldPanel("session")],
            heading=_("Реквизити"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(name) for name in VOTE_FIELDS])],
            heading=_("Гласуване (само за решения на Общинския съвет)"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("amended_or_repealed_by")], heading=_("Правно състояние")),
        InlinePanel("documents", label=_("Приложени документи")),
        FieldPanel("related_policies"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("number"),
        index.FilterField("date"),
        index.FilterField("issuing_body"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["decisions.DecisionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Решение или заповед")
        verbose_name_plural = _("Решения и заповеди")
        constraints = [
            models.UniqueConstraint(
                "issuing_body", "number", ExtractYear("date"), name="decision_number_unique_per_body_and_year"
            ),
            models.CheckConstraint(
                condition=Q(issuing_body=IssuingBody.COUNCIL)
                | Q(votes_for__isnull=True, votes_against__isnull=True, votes_abstained__isnull=True),
                name="decision_votes_only_for_council",
                violation_error_message=_("Заповедите на кмета не се гласуват."),
            ),
            models.CheckConstraint(
                condition=Q(status=LegalStatus.IN_FORCE, amended_or_repealed_by__isnull=True)
                | (~Q(status=LegalStatus.IN_FORCE) & Q(amended_or_repealed_by__isnull=False)),
                name="decision_status_matches_amending_act",
                violation_error_message=_(
                    "Изменено или отменено решение сочи акта, който го изменя или отменя; решение в сила не сочи такъв."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(amended_or_repealed_by=F("page_ptr")),
                name="decision_not_amended_by_itself",
                violation_error_message=_("Решение не може да изменя или отменя само себе си."),
            ),
        ]
        indexes = [
            models.Index(fields=["-date", "-number"], name="decision_newest_first"),
            # The archive's "by number" order (numbers start again each year), read from an index at any size.
            models.Index(ExtractYear("date").desc(), "number", "issuing_body", "page_ptr", name="decision_by_number"),
        ]

    # --- How the act is called: "заповед" for the mayor's, "решение" for the council's ---

    def is_order(self):
        return self.issuing_body == IssuingBody.MAYOR

    def kind_label(self):
        """"Заповед" or "Решение": the word for this act everywhere it is named."""
        return _("Заповед") if self.is_order() else _("Решение")

    def number_label(self):
        return _("Заповед №") if self.is_order() else _("Решение №")

    def citation(self):
        """How a decision is cited: "Решение № 23 от 28.03.2025 г."."""
        return _("%(kind)s № %(number)s от %(date)s г.") % {
            "kind": self.kind_label(), "number": self.number, "date": self.date.strftime("%d.%m.%Y"),
        }

    @property
    def page_type_display_name(self):
        # The admin's page listings show the kind of act rather than the page type's verbose name.
        return str(self.kind_label())

    def permanent_slug(self):
        """The slug that makes the decision's address: year and number, prefixed for orders."""
        prefix = "zapoved-" if self.is_order() else ""
        return f"{prefix}{self.date.year}-{self.number}"

    # --- Legal status and the vote ---

    def status_label(self):
        return STATUS_LABELS[(self.issuing_body, self.status)]

    def changed_by_note(self, changing_act):
        """"Изменено с Решение № 45 от …" for this act and the act that changed it."""
        template = CHANGED_BY[(self.issuing_body, self.status, changing_act.issuing_body)]
        return template % {"citation": changing_act.citation()}

    def changes_note(self, changed_act):
        """"Изменя Решение № 12 от …" / "Отменя …", said on the act that changed `changed_act`."""
        return CHANGES[changed_act.status] % {"citation": changed_act.citation()}

    def has_vote(self):
        return any(getattr(self, name) is not None for name in VOTE_FIELDS)

    def legal_status_errors(self):
        """The status and its link agree: changed acts cite the act that changed them, acts in force cite none."""
        link = "amended_or_repealed_by"
        if self.status != LegalStatus.IN_FORCE and self.amended_or_repealed_by_id is None:
            return {link: _("Посочете решението или заповедта, с които това е изменено или отменено.")}
        if self.status == LegalStatus.IN_FORCE and self.amended_or_repealed_by_id is not None:
            return {link: _("Акт в сила не е изменен или отменен: изберете състояние „Изменено“ или „Отменено“ "
                            "или премахнете връзката.")}
        if self.amended_or_repealed_by_id is not None and self.amended_or_repealed_by_id == self.pk:
            return {link: _("Решение не може да изменя или отменя само себе си.")}
        return {}

    def voting_errors(self):
        """Only the council votes; the mayor's orders carry no vote."""
        if self.is_order():
            message = _("Заповедите на кмета не се гласуват: оставете полето празно.")
            return {name: message for name in VOTE_FIELDS if getattr(self, name) is not None}
        return {}

    def clean(self):
        errors = {}
        if self.date and self.number:
            self.slug = self.permanent_slug()
            duplicates = DecisionPage.objects.filter(
                issuing_body=self.issuing_body, number=self.number, date__year=self.date.year
            ).exclude(pk=self.pk)
            if duplicates.exists():
                errors["number"] = _("Вече има документ с този номер от %(year)s г.") % {"year": self.date.year}
        errors.update(self.legal_status_errors())
        errors.update(self.voting_errors())
        if errors:
            raise ValidationError(errors)
        super().clean()

    # --- What the search index and the pages read ---

    def search_facets(self):
        """What the site's search stores beside the text: kind, number, date, policies and the words of the particulars."""
        words = [self.citation(), f"{self.number}/{self.date.year}", str(self.get_issuing_body_display())]
        if self.session:
            words.append(_("Протокол № %(session)s") % {"session": self.session})
        words.append(str(self.status_label()))
        if self.status != LegalStatus.IN_FORCE and self.amended_or_repealed_by is not None:
            words.append(str(self.changed_by_note(self.amended_or_repealed_by)))
        if self.has_vote():
            words.append(str(self.vote_summary()))
        return {
            "kind": "order" if self.is_order() else "decision",
            "number": self.number,
            "date": self.date,
            "policies": [policy.pk for policy in self.related_policies.all()],
            "extra_text": " ".join(str(word) for word in words),
        }

    def vote_summary(self):
        return _("Гласуване: за %(for)s, против %(against)s, въздържали се %(abstained)s") % {
            "for": self.votes_for or 0, "against": self.votes_against or 0, "abstained": self.votes_abstained or 0,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hidden = sorted(hidden_collection_ids(request))
        context.update(remembered_for_page(request, self, "decision-lists", lambda: self.listed(hidden), (hidden,)))
        archive_url = self.archive_url(request)
        context["tags"] = [
            (tag, f"{archive_url}?{urlencode({'tag': tag.slug})}" if archive_url else None) for tag in context["tags"]
        ]
        context["permanent_url"] = permanent_url(self, request)
        return context

    def listed(self, hidden_collections):
        """What the page shows beside its own fields. Attachments follow their collection's view restriction, as
        the API's and the documents' own views do: `hidden_collections` are those the visitor may not see."""
        changing_act = changed_by_note = None
        if self.amended_or_repealed_by_id:
            changing_act = visible(DecisionPage.objects).filter(pk=self.amended_or_repealed_by_id).first()
            changed_by_note = self.changed_by_note(
                changing_act or DecisionPage.objects.get(pk=self.amended_or_repealed_by_id))
        return {
            "documents": list(self.documents.select_related("document").exclude(
                document__collection_id__in=hidden_collections)),
            "policies": list(visible(self.related_policies)),
            "tags": list(self.tags.all()),
            "changing_act": changing_act,
            "changed_by_note": changed_by_note,
            "changed_acts": [(act, self.changes_note(act)) for act in visible(self.amends).order_by("date", "number")],
        }

    def archive_url(self, request=None):
        """The address of the archive listing this decision, without a query.

        A decision's address is always its archive's address plus its own slug (decisions sit
        only under the archive), so this costs no query, unlike get_parent().
        """
        url = self.get_url(request)
        return url[: url.rstrip("/").rfind("/") + 1] if url else None

    def get_sitemap_urls(self, request=None):
        lastmod = self.last_published_at or self.latest_revision_created_at
        return [{"location": permanent_url(self, request), "lastmod": lastmod}]


class DecisionDocument(Orderable):
    """A file attached to a decision (the signed decision, annexes)."""

    page = ParentalKey(DecisionPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("Документ")
    )
    title = models.CharField(
        verbose_name=_("Наименование"),
        max_length=255,
        blank=True,
        help_text=_("Ако е празно, се показва заглавието на документа."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Приложен документ")
        verbose_name_plural = _("Приложени документи")
