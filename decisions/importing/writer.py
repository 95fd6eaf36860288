"""Writing checked rows as published decision pages, each with its revision, tags, policies and documents."""

import hashlib
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import connection, transaction
from django.db.models import DateTimeField, F, Value
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME

from ..archive import policy_model
from ..models import DecisionDocument, DecisionPage, DecisionPageTag
from ..models.decision_page import VOTE_FIELDS
from ..tasks import announce_published_decisions

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def file_hash(path):
    """The SHA-1 Wagtail keeps for a document's file, so an unchanged attachment is recognised on a re-run."""
    digest = hashlib.sha1(usedforsecurity=False)
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def slug_of(key):
    body, number, year = key
    return f"{'zapoved-' if body == 'mayor' else ''}{year}-{number}"


class DecisionWriter:
    """Creates and updates decisions under one archive page, leaving them as publishing in the editor does.

    add_child followed by save_revision().publish() costs about 60 queries and 0.2 s a page here
    (measured: 4 pages/s, most of it in signal receivers). New decisions are written a batch at
    a time instead: tree paths from a counter kept for the archive, the page and decision rows,
    tags, policies, attachments and revisions each in one INSERT, and the archive's child count
    raised once. If anything in a batch fails, the batch is written again one row at a time, each
    in its own savepoint, so the row at fault is reported and the others still go in.

    What page_published and Wagtail's search index would have done for each page is done by a
    task (decisions.tasks.announce_published_decisions) after each batch is committed, so the
    site's search catches up in the worker instead of holding the import.
    """

    def __init__(self, archive, announce=None):
        """`announce(page_ids)` tells the site about published pages after each commit; by default a task."""
        self.archive = archive
        self.announce = announce or announce_published_decisions.enqueue
        self.content_type = ContentType.objects.get_for_model(DecisionPage)
        self.page_content_type = ContentType.objects.get_for_model(Page)
        last_child = archive.get_last_child()
        self.last_step = DecisionPage._str2int(last_child.path[-DecisionPage.steplen:]) if last_child else 0
        self.tags = {}
        self.collection = Collection.get_first_root_node()
        self.policies = policy_model().objects.only("pk", "title").in_bulk()
        self.stored_files = []  # names saved to storage since the last commit or rollback
        self.committed_step = self.last_step

    # --- Looking up ---

    def find(self, keys):
        """The decisions with these keys (body, number, year), by their permanent slugs: one query."""
        keys = set(keys)
        found = DecisionPage.objects.filter(slug__in=[slug_of(key) for key in keys]).prefetch_related(
            "tagged_items__tag", "related_policies", "documents__document")
        return {page_key: page for page in found if (page_key := (page.issuing_body, page.number, page.date.year)) in keys}

    def tag_objects(self, names):
        missing = [name for name in names if name not in self.tags]
        if missing:
            for tag in Tag.objects.filter(name__in=missing):
                self.tags[tag.name] = tag
            for name in missing:
                if name not in self.tags:
                    # Tag.save makes the slug (Cyrillic kept), as the editor's tag field does.
                    self.tags[name] = Tag.objects.create(name=name)
        return [self.tags[name] for name in names]

    # --- A batch ---

    def write_batch(self, rows):
        """Write rows (checked, their changing acts already stored); returns {line: outcome or the exception}.

        Runs inside the caller's transaction; announces the published pages once that commits.
        """
        existing = self.find([row.key for row in rows])
        links = self.find([row.amended_by for row in rows if row.amended_by])
        results, published, new_rows = {}, [], []
        for row in rows:
            link = links.get(row.amended_by)
            if row.amended_by and link is None:
                results[row.line] = LookupError(row.amended_by)
            elif row.key in existing:
                link_id = link.pk if link else None
                results[row.line] = self.savepoint(self.update, row, link_id, existing[row.key], published)
            else:
                new_rows.append((row, link.pk if link else None))
        step = self.last_step
        try:
            with transaction.atomic():
                published += self.create_all(new_rows)
            results.update((row.line, CREATED) for row, _link in new_rows)
        except Exception:
            # Find the row at fault: each on its own.
            self.discard_stored_files()
            self.last_step = step
            for row, link in new_rows:
                results[row.line] = self.savepoint(self.create_one, row, link, None, published)
        if published:
            ids = [page.pk for page in published]
            transaction.on_commit(lambda: self.announce(ids))
        transaction.on_commit(self.stored_files.clear)
        return results

    def savepoint(self, write, row, link, page, published):
        stored = len(self.stored_files)
        try:
            with transaction.atomic():
                return write(row, link, page, published)
        except Exception as error:  # noqa: BLE001 - the row's reason, reported by the command
            self.discard_stored_files(since=stored)
            return error

    def rolled_back(self):
        """The caller's batch transaction failed: its files go, its tree paths are free again."""
        self.discard_stored_files()
        self.last_step = self.committed_step

    def committed(self):
        self.committed_step = self.last_step

    # --- New decisions ---

    def new_page(self, row, link, now):
        self.last_step += 1
        page = DecisionPage(
            **self.fields(row, link),
            draft_title=row.title,
            depth=self.archive.depth + 1,
            path=DecisionPage._get_path(self.archive.path, self.archive.depth + 1, self.last_step),
            numchild=0,
            locale_id=self.archive.locale_id,
            content_type=self.content_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        page.slug = page.permanent_slug()
        page.url_path = f"{self.archive.url_path}{page.slug}/"
        return page

    def create_all(self, rows):
        """The bulk path: every new decision of the batch in a handful of INSERTs."""
        if not rows:
            return []
        now = timezone.now()
        pages = [self.new_page(row, link, now) for row, link in rows]
        # Page rows first (bulk_create on the base model returns their ids), then the decision rows.
        Page.objects.bulk_create(pages)
        for page in pages:
            page.page_ptr_id = page.id
        DecisionPage.objects._insert(pages, fields=DecisionPage._meta.local_concrete_fields, using=connection.alias)
        tagged, through, attached = [], [], []
        PolicyLink = DecisionPage.related_policies.through
        for page, (row, _link) in zip(pages, rows):
            page.tagged_items = [DecisionPageTag(tag=tag, content_object=page) for tag in self.tag_objects(row.tags)]
            page.related_policies = [self.policies[pk] for pk in row.policy_ids]
            page.documents = [DecisionDocument(page=page, document=document, sort_order=index)
                              for index, document in enumerate(self.documents(row, None))]
            tagged += page.tagged_items.all()
            through += [PolicyLink(decisionpage_id=page.pk, policypage_id=pk) for pk in row.policy_ids]
            attached += page.documents.all()
        DecisionPageTag.objects.bulk_create(tagged)
        PolicyLink.objects.bulk_create(through)
        DecisionDocument.objects.bulk_create(attached)
        for page in pages:
            setattr(page, COMMENTS_RELATION_NAME, [])  # a new page has none: no query per page to find out
        revisions = [self.revision(page, now) for page in pages]
        # Django 5.2 inserts many rows as UNNEST(arrays), and psycopg then escapes every revision's JSON inside
        # the array in Python: 5 s per 3,000 revisions. One expression among the values keeps the plain
        # multi-row VALUES, whose JSON libpq escapes (0.3 s).
        for revision in revisions:
            revision.created_at = Value(now, output_field=DateTimeField())
        Revision.objects.bulk_create(revisions)
        for page, revision in zip(pages, revisions):
            revision.created_at = now
            page.latest_revision = page.live_revision = revision
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
        Page.objects.filter(pk=self.archive.pk).update(numchild=F("numchild") + len(pages))
        self.archive.numchild += len(pages)
        return pages

    def create_one(self, row, link, _page, published):
        """The careful path for one new decision: Page.save with its signals, then its revision."""
        page = self.new_page(row, link, timezone.now())
        # Page.save reads the parent for url_path and asks whether the page roots a site: answer both here.
        page._cached_parent_obj = self.archive
        page._is_site_root = False
        self.set_relations(page, row, self.documents(row, None))
        try:
            page.save(clean=False)
            Page.objects.filter(pk=self.archive.pk).update(numchild=F("numchild") + 1)
        except BaseException:
            self.last_step -= 1
            raise
        self.archive.numchild += 1
        self.publish(page, published)
        return CREATED

    # --- Existing decisions ---

    def update(self, row, link, page, published):
        fields = self.fields(row, link)
        documents = self.documents(row, page)
        if self.unchanged(page, fields, row, documents):
            return UNCHANGED
        for name, value in fields.items():
            setattr(page, name, value)
        page.draft_title = row.title
        page.last_published_at = timezone.now()
        self.set_relations(page, row, documents)
        page.save(clean=False)
        self.publish(page, published)
        return UPDATED

    def fields(self, row, link):
        return {
            "title": row.title, "issuing_body": row.issuing_body, "number": row.number, "date": row.date,
            "session": row.session, "body": row.body, "status": row.status, "amended_or_repealed_by_id": link,
            **dict.fromkeys(VOTE_FIELDS), **row.votes,
        }

    def unchanged(self, page, fields, row, documents):
        return (
            all(getattr(page, name) == value for name, value in fields.items())
            and sorted(item.tag.name for item in page.tagged_items.all()) == sorted(row.tags)
            and sorted(policy.pk for policy in page.related_policies.all()) == sorted(row.policy_ids)
            and [item.document.pk for item in page.documents.all()] == [document.pk for document in documents]
            and page.live and not page.has_unpublished_changes
        )

    def set_relations(self, page, row, documents):
        page.tags.set(self.tag_objects(row.tags))
        page.related_policies = [self.policies[pk] for pk in row.policy_ids]
        page.documents = [DecisionDocument(document=document, sort_order=index) for index, document in enumerate(documents)]

    def revision(self, page, now):
        return Revision(content_type=self.content_type, base_content_type=self.page_content_type,
                        object_id=str(page.pk), created_at=now, object_str=page.title,
                        content=page.serializable_data())

    def publish(self, page, published):
        """One revision, latest and live, as publishing from the editor leaves the page."""
        now = timezone.now()
        revision = self.revision(page, now)
        revision.save()
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision, live_revision=revision, first_published_at=page.first_published_at or now,
            last_published_at=now, has_unpublished_changes=False, live=True,
        )
        published.append(page)

    # --- Documents ---

    def documents(self, row, page):
        """The row's documents: files already attached with the same content are kept, the others uploaded.

        An item that is already a Wagtail document (the demo content makes its own) is attached as it is.
        """
        attached = {item.document.file_hash: item.document for item in page.documents.all()} if page else {}
        documents = []
        for item in row.documents:
            if isinstance(item, Path):
                digest = file_hash(item)
                item = attached.get(digest) or self.upload(item, digest)
            documents.append(item)
        return documents

    def upload(self, path, digest):
        document = get_document_model()(title=path.stem.replace("_", " "), collection=self.collection)
        with open(path, "rb") as file:
            document.file.save(path.name, File(file), save=False)
        self.stored_files.append(document.file.name)
        document.file_size = path.stat().st_size
        document.file_hash = digest
        document.save()
        return document

    def discard_stored_files(self, since=0):
        """Delete files stored for rows that were rolled back: storage is not part of the transaction."""
        storage = get_document_model()._meta.get_field("file").storage
        for name in self.stored_files[since:]:
            storage.delete(name)
        del self.stored_files[since:]
