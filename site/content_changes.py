"""One version key for everything an anonymous visitor can see, replaced by every write that could change it.

The page cache (page_cache.py) keeps each response with the version it was made under and serves it only while
the version is the same, so no page is ever served stale. Signals would miss writes (`update()`,
`bulk_create()`, the importer, raw SQL), so the database connection itself is watched: every INSERT, UPDATE,
DELETE or TRUNCATE on a table outside PRIVATE_TABLES replaces the version, at once and again when its
transaction commits (a request that read the data before the commit may have stored its page under the version
of that moment; the second replacement makes that version obsolete).

The list is of tables whose rows no anonymous page ever shows. A table missing from it only costs cache hits,
never correctness; a new model is public until someone decides otherwise.
"""

import contextvars
import logging
import re
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction

from .remembered import PUBLIC_PAGES, forget_read_version

logger = logging.getLogger(__name__)

# Shared with the values remembered for public pages (navigation, contacts, the archive's counts): one version.
VERSION_KEY = PUBLIC_PAGES.version_key
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+"?(\w+)', re.IGNORECASE)

# Rows no anonymous page shows: sign-ins, sessions, permissions, the admin's own records, drafts and their
# revisions, logs, the task queue, alert subscribers.
PRIVATE_TABLES = frozenset({
    "django_session", "django_tasks_database_dbtaskresult", "django_migrations",
    "auth_user", "auth_user_groups", "auth_user_user_permissions", "auth_group", "auth_group_permissions",
    "auth_permission", "wagtailusers_userprofile",
    "wagtailadmin_admin", "wagtailadmin_editingsession", "wagtailadmin_formstate", "wagtailcore_apitoken",
    "wagtailcore_comment", "wagtailcore_commentreply", "wagtailcore_pagesubscription", "wagtailcore_referenceindex",
    "wagtailcore_revision", "wagtailcore_modellogentry", "wagtailcore_pagelogentry", "wagtailcore_uploadedfile",
    "wagtailcore_grouppagepermission", "wagtailcore_groupcollectionpermission", "wagtailcore_groupsitepermission",
    "wagtailcore_task", "wagtailcore_taskstate", "wagtailcore_workflow", "wagtailcore_workflowtask",
    "wagtailcore_workflowstate", "wagtailcore_workflowpage", "wagtailcore_workflowcontenttype",
    "wagtailcore_groupapprovaltask", "wagtailcore_groupapprovaltask_groups",
    "search_draftattachment", "alerts_subscription",
})
# Written while a page renders (image sizes, embeds fetched once): shown, but their rows only repeat what the
# page already shows, and a page that makes one is still the same page.
RENDER_CACHE_TABLES = frozenset({"wagtailimages_rendition", "wagtailembeds_embed"})

_unseen = contextvars.ContextVar("unseen_writes", default=False)
_recorded = contextvars.ContextVar("recorded_writes", default=None)


@contextmanager
def unseen_writes():
    """Writes inside are not shown to anyone yet (a proposal waiting for its e-mail confirmation, a rating not
    yet counted): they leave the version alone, so a deadline's burst of proposals does not empty the cache."""
    token = _unseen.set(True)
    try:
        yield
    finally:
        _unseen.reset(token)


@contextmanager
def recording():
    """Collects the tables written inside (but the render caches): a response whose making wrote something
    (a confirmation link, a new session) is not one to serve to the next visitor."""
    written = set()
    token = _recorded.set(written)
    try:
        yield written
    finally:
        _recorded.reset(token)


def current_version():
    """The version, made if missing; None when the cache cannot be asked (then nothing is cached)."""
    return PUBLIC_PAGES.version()


def replace_version():
    forget_read_version(VERSION_KEY)
    try:
        cache.delete(VERSION_KEY)
    except Exception:
        # The versioned pages cannot be reached either while the cache is down; when it comes back, they may.
        logger.error("The page cache's version could not be replaced", exc_info=True)


def content_changed(connection):
    """A write to a public table: replace the version now (the transaction's own later reads see the change)
    and once more when the transaction commits."""
    replace_version()
    if connection.in_atomic_block and not any(
            callback is replace_version for _savepoints, callback, _robust in connection.run_on_commit):
        transaction.on_commit(replace_version, using=connection.alias, robust=True)


def watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    match = WRITE.match(sql)
    if match:
        table = match.group(1).lower()
        written = _recorded.get()
        if written is not None and table not in RENDER_CACHE_TABLES:
            written.add(table)
        if table not in PRIVATE_TABLES and table not in RENDER_CACHE_TABLES and not _unseen.get():
            content_changed(context["connection"])
    return result


def install(sender=None, connection=None, **kwargs):
    if watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch)


def connect():
    from django.db import connections
    from django.db.backends.signals import connection_created

    connection_created.connect(install, dispatch_uid="content_changes.install")
    for connection in connections.all(initialized_only=True):
        install(connection=connection)
