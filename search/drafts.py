"""Which documents only a page's unpublished draft attaches: they must not be found before it is published.

Wagtail's reference index records what a page's stored (live) version attaches; a draft lives in its
latest revision, which the index does not read. An annex uploaded while drafting sits in a public
collection and would otherwise be found as a document on its own.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex, Revision

from .models import DraftAttachment


def drafted_documents(pages):
    """{page id: the ids of the documents its unpublished draft attaches or links}, for pages that have a draft."""
    drafted = [page for page in pages if page.has_unpublished_changes and page.latest_revision_id]
    if not drafted:
        return {}
    revisions = Revision.objects.in_bulk([page.latest_revision_id for page in drafted])
    document_type = ContentType.objects.get_for_model(get_document_model())
    found = {}
    for page in drafted:
        revision = revisions.get(page.latest_revision_id)
        if revision is None:
            continue
        # The same extraction as the reference index's (pinned against Wagtail in the tests of bulk_entries).
        references = ReferenceIndex._extract_references_from_object(revision.as_object())
        found[page.pk] = {int(to_id) for type_id, to_id, _model_path, _content_path in references
                          if type_id == document_type.id}
    return found


def store_draft_attachments(pages):
    """Record what the pages' drafts attach now; the ids of every document whose record changed or stayed."""
    page_ids = [page.pk for page in pages]
    before = set(DraftAttachment.objects.filter(page_id__in=page_ids).values_list("document_id", flat=True))
    drafts = drafted_documents(pages)
    wanted = {document_id for documents in drafts.values() for document_id in documents}
    # A draft may still name a document deleted since.
    existing = set(get_document_model().objects.filter(pk__in=wanted).values_list("pk", flat=True)) if wanted else set()
    DraftAttachment.objects.filter(page_id__in=page_ids).delete()
    DraftAttachment.objects.bulk_create(
        DraftAttachment(page_id=page_id, document_id=document_id)
        for page_id, documents in drafts.items()
        for document_id in sorted(documents & existing)
    )
    return before | (wanted & existing)


def drafted_only(document_ids):
    """Of these documents, the ids that some page's draft attaches."""
    return set(DraftAttachment.objects.filter(document_id__in=document_ids).values_list("document_id", flat=True))
