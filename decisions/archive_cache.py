"""The archive's counts and years, remembered until a page is saved, published, unpublished, moved, deleted or restricted.

Counting 100,000 decisions joined to their pages takes 50–90 ms, most of an archive page's time,
and the answer changes only when the set of public decisions does. Each such change replaces one
version key, which every remembered value's key contains, so nothing stale is ever read. A cache
that fails or is missing only costs the count again.
"""

import hashlib
import logging
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)
VERSION_KEY = "decisions:archive-version"
TIMEOUT = 24 * 60 * 60


def version():
    """The current version, or None when the cache cannot be asked."""
    try:
        current = cache.get(VERSION_KEY)
        if current is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, None)
            current = cache.get(VERSION_KEY)
        return current
    except Exception:
        logger.warning("The cache did not answer; the archive counts without it", exc_info=True)
        return None


def remembered(name, parts, compute):
    """`compute()`, or what it returned for the same `parts` since the public decisions last changed."""
    current = version()
    if current is None:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"decisions:{name}:{current}:{digest}"
    try:
        value = cache.get(key)
    except Exception:
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, TIMEOUT)
        except Exception:
            logger.warning("The cache did not take the archive's %s", name, exc_info=True)
    return value


def forget():
    """The public decisions changed: every remembered count and year list is stale.

    At once, for this transaction's own later reads, and again at its commit, for what other requests
    remembered in between from the data before it.
    """
    def replace():
        try:
            cache.delete(VERSION_KEY)
        except Exception:
            # Without the delete the counts could stay stale for a day: say so loudly.
            logger.error("The archive's remembered counts could not be forgotten", exc_info=True)

    replace()
    transaction.on_commit(replace, robust=True)


def on_page_change(sender=None, instance=None, **kwargs):
    if isinstance(instance, Page):
        forget()


def on_restriction_change(sender=None, instance=None, **kwargs):
    forget()


def connect():
    page_published.connect(on_page_change, dispatch_uid="decisions.archive_cache.published")
    page_unpublished.connect(on_page_change, dispatch_uid="decisions.archive_cache.unpublished")
    post_page_move.connect(on_page_change, dispatch_uid="decisions.archive_cache.moved")
    # Pages made live in code (the demo, the editor's "publish" too) are saved; deleted ones are gone.
    post_save.connect(on_page_change, dispatch_uid="decisions.archive_cache.saved")
    post_delete.connect(on_page_change, dispatch_uid="decisions.archive_cache.deleted")
    for signal in (post_save, post_delete):
        signal.connect(on_restriction_change, sender=PageViewRestriction,
                       dispatch_uid=f"decisions.archive_cache.restriction.{signal is post_save}")
