"""The public read-only API at /api/v2/ (Wagtail API v2): live public pages, decisions' particulars, public documents.

No images endpoint: an image library also holds pictures uploaded for pages not yet published, and
its original files are not served (site/media.py serves renditions only); pages name their images.
Messages are in English like the rest of Wagtail's API: its readers are programmers, not visitors.
"""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from decisions.models import DecisionDocument, DecisionPage
from search.forms import MAX_QUERY_LENGTH

from .public_tree import hidden_collection_ids

# Beyond this PostgreSQL's OFFSET overflows, and no client needs to skip a million rows.
MAX_OFFSET = 1_000_000


class CheckedParametersMixin:
    """Turns malformed query parameters into 400s before they reach the database, on every endpoint and view."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError("query parameters cannot contain null characters")
        if len(request.GET.get("search", "")) > MAX_QUERY_LENGTH:
            raise BadRequestError(f"search cannot be longer than {MAX_QUERY_LENGTH} characters")
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        offset = request.GET.get("offset", "0")
        if offset.isascii() and offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")

    def filter_queryset(self, queryset):
        # Field filters turn the value into the field's type only when the query is built (?date=abc).
        try:
            return super().filter_queryset(queryset)
        except (ValueError, ValidationError) as error:
            raise BadRequestError("a filter's value does not suit its field") from error

    def find_object(self, queryset, request):
        try:
            return super().find_object(queryset, request)
        except (ValueError, ValidationError) as error:
            raise BadRequestError("id must be an integer") from error


class TagNamesField(Field):
    """Tag names from prefetched tags: Wagtail's TagsField sorts in the database, one query per item."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return sorted(tag.name for tag in instance.tags.all())


class PageTagNamesField(TagNamesField):
    """A page's tag names from its prefetched tagged items (a cluster's tag manager ignores prefetching)."""

    def to_representation(self, page):
        return sorted(item.tag.name for item in page.tagged_items.all())


def page_reference(page):
    return {"id": page.pk, "title": page.title, "html_url": page.full_url}


class PublicPagesField(Field):
    """Related pages that any visitor may see, from an attribute the viewset prefetched with only those."""

    def __init__(self, attribute, many=True, **kwargs):
        self.attribute, self.many = attribute, many
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        # getattr without a default: a queryset that forgot the filtered prefetch fails loudly, never leaks.
        return getattr(instance, self.attribute) or ([] if self.many else None)

    def to_representation(self, value):
        if self.many:
            return [page_reference(page) for page in value]
        return page_reference(value)


class PublicDocumentsField(Field):
    """A decision's attachments outside restricted collections, with their download addresses."""

    def get_attribute(self, instance):
        return instance.public_documents

    def to_representation(self, attachments):
        view = self.context["view"]
        return [
            {
                "id": attachment.document_id,
                "title": attachment.title or attachment.document.title,
                "download_url": get_full_url(self.context["request"], attachment.document.url),
            }
            for attachment in attachments
            if attachment.document.collection_id not in view.restricted_collection_ids
        ]


DECISION_API_FIELDS = [
    APIField("issuing_body"),
    APIField("number"),
    APIField("date"),
    APIField("session"),
    APIField("status"),
    APIField("amended_or_repealed_by", serializer=PublicPagesField("public_amending_act", many=False)),
    APIField("votes_for"),
    APIField("votes_against"),
    APIField("votes_abstained"),
    APIField("body"),
    APIField("tags", serializer=PageTagNamesField(read_only=True)),
    APIField("related_policies", serializer=PublicPagesField("public_related_policies")),
    APIField("documents", serializer=PublicDocumentsField(read_only=True)),
]
DECISION_LISTING_FIELDS = ["issuing_body", "number", "date", "status"]


def decision_prefetches(visible_pages):
    """What the decision fields read, fetched once per listing; related pages only among `visible_pages`."""
    visible = visible_pages.values("pk")
    policy_model = DecisionPage._meta.get_field("related_policies").related_model
    return [
        "tagged_items__tag",
        Prefetch("related_policies", queryset=policy_model.objects.filter(pk__in=visible).order_by("title"),
                 to_attr="public_related_policies"),
        Prefetch("amended_or_repealed_by", queryset=DecisionPage.objects.filter(pk__in=visible),
                 to_attr="public_amending_act"),
        Prefetch("documents", queryset=DecisionDocument.objects.select_related("document"), to_attr="public_documents"),
    ]


class PublicPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint (live pages under no view restriction), with the decisions' particulars."""

    # The API's view of a decision lives here, in one place: DecisionPage declares no api_fields.
    extra_api_fields = {DecisionPage: DECISION_API_FIELDS}
    extra_listing_fields = {DecisionPage: DECISION_LISTING_FIELDS}

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        for page_model, extra in cls.extra_api_fields.items():
            if issubclass(model, page_model):
                fields += cls._convert_api_fields(extra)
        return fields

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        for page_model, extra in cls.extra_listing_fields.items():
            if issubclass(model, page_model):
                fields += extra
        return fields

    @cached_property
    def restricted_collection_ids(self):
        return hidden_collection_ids(self.request)

    def get_base_queryset(self):
        # Wagtail builds it (reading every view restriction) up to three times per request.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    @cached_property
    def decision_prefetches(self):
        return decision_prefetches(self.get_base_queryset())

    def get_queryset(self):
        # The locale is a meta field (?fields=*): one join rather than a query per page.
        queryset = super().get_queryset().select_related("locale")
        if issubclass(queryset.model, DecisionPage):
            queryset = queryset.prefetch_related(*self.decision_prefetches)
        return queryset

    def get_object(self):
        page = super().get_object()
        if isinstance(page, DecisionPage) and not hasattr(page, "public_documents"):
            prefetch_related_objects([page], *self.decision_prefetches)
        return page


class PublicDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint: documents outside restricted collections (and their sub-collections)."""

    meta_fields = [name for name in DocumentsAPIViewSet.meta_fields if name != "tags"] + [
        APIField("tags", serializer=TagNamesField(read_only=True)),
    ]

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
