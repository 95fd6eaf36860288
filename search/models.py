"""What the public search reads: the text found inside documents, and one analysed entry per visible page or document."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.search import index

from .config import uses_elasticsearch


class DocumentText(models.Model):
    """The text extracted from one uploaded document, or why there is none.

    Extraction runs in the task worker after the upload is stored, so a corrupt, encrypted or
    huge file never makes the upload fail: it is kept and flagged here instead.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Чака извличане на текста")
        EXTRACTED = "extracted", _("Текстът е извлечен")
        OCR = "ocr", _("Текстът е разпознат от изображение (OCR)")
        NOT_SEARCHABLE = "not_searchable", _("Няма текстов слой – не може да се търси")
        FAILED = "failed", _("Файлът не може да бъде прочетен")
        TOO_LARGE = "too_large", _("Файлът е твърде голям за извличане на текста")
        UNSUPPORTED = "unsupported", _("Видът на файла не се поддържа")

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
        verbose_name=_("Документ"),
    )
    status = models.CharField(_("Състояние"), max_length=20, choices=Status.choices, default=Status.PENDING)
    text = models.TextField(_("Текст"), blank=True)
    message = models.CharField(_("Причина"), max_length=500, blank=True)
    # The file the text was taken from: a replaced file is extracted again, the same one is not.
    file_hash = models.CharField(max_length=40, blank=True)
    extracted_at = models.DateTimeField(_("Извлечен на"), null=True, blank=True)

    class Meta:
        verbose_name = _("Текст на документ")
        verbose_name_plural = _("Текстове на документи")

    @property
    def searchable(self):
        return self.status in (self.Status.EXTRACTED, self.Status.OCR) and bool(self.text)


# With Elasticsearch the entries are indexed there too, its `bulgarian` analyzer doing the stemming;
# the database backend has its own full-text index over the analysed columns, so it gets no fields.
ELASTICSEARCH_FIELDS = [
    index.SearchField("title", boost=4),
    index.SearchField("text"),
    index.FilterField("kind"),
    index.FilterField("year"),
    index.FilterField("number"),
    index.FilterField("page_id"),
    index.FilterField("id"),
]


class SearchEntry(index.Indexed, models.Model):
    """One thing the public may find: a live, public page, a consultation on one, or a public document.

    Rows exist only for what anyone may see; search/entries.py keeps them in step with publishing,
    view restrictions and collections. The `*_terms` columns hold the text as lower-case words, the
    `*_stems` columns the same words through the Bulgarian stemmer, so every database matches word
    forms the same way without server dictionaries (search/fulltext/ builds the full-text index over them).
    """

    class Kind(models.TextChoices):
        DECISION = "decision", _("Решение")
        ORDER = "order", _("Заповед")
        POLICY = "policy", _("Политика")
        CONSULTATION = "consultation", _("Консултация")
        MEASURE = "measure", _("Мярка")
        REPORT = "report", _("Доклад")
        DOCUMENT = "document", _("Документ")
        PAGE = "page", _("Страница")

    key = models.CharField(max_length=60, unique=True)
    kind = models.CharField(_("Вид"), max_length=20, choices=Kind.choices)
    # The page the entry is, or belongs to (a document's decision, a consultation's policy page).
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        get_document_model_string(), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    fragment = models.CharField(max_length=100, blank=True)
    title = models.CharField(max_length=500)
    number = models.PositiveIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    year = models.SmallIntegerField(null=True, blank=True)
    policies = models.ManyToManyField("wagtailcore.Page", blank=True, related_name="+")
    text = models.TextField(blank=True)
    title_terms = models.TextField(blank=True)
    title_stems = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    body_stems = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = ELASTICSEARCH_FIELDS if uses_elasticsearch() else []

    class Meta:
        verbose_name = _("Запис в търсенето")
        verbose_name_plural = _("Записи в търсенето")
        indexes = [
            models.Index(fields=["number", "year"], name="search_entry_number_year"),
            models.Index(fields=["kind", "-date"], name="search_entry_kind_date"),
            models.Index(fields=["-date", "-id"], name="search_entry_date_id"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=False) | Q(document__isnull=False), name="search_entry_points_somewhere"
            ),
        ]

    def __str__(self):
        return self.title


class DraftAttachment(models.Model):
    """A document that a page's unpublished draft attaches or links, and its live version does not.

    Such a document is the annex of something not yet public (a draft decision's budget table):
    it stays out of the search until the page is published with it. search/drafts.py keeps the rows.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(get_document_model_string(), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("Документ в чернова")
        verbose_name_plural = _("Документи в чернови")
        constraints = [models.UniqueConstraint(fields=["page", "document"], name="search_draft_attachment_unique")]
