"""Values remembered in the cache until what they are computed from changes, under one version key per kind.

Each change replaces the kind's version key, which every remembered value's key contains, so nothing stale is
ever read. A cache that fails or is missing only costs the computation again.
"""

import hashlib
import logging
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)
TIMEOUT = 24 * 60 * 60


class Remembered:
    def __init__(self, namespace):
        self.namespace = namespace
        self.version_key = f"{namespace}-version"

    def version(self):
        """The current version, or None when the cache cannot be asked."""
        try:
            current = cache.get(self.version_key)
            if current is None:
                cache.add(self.version_key, uuid.uuid4().hex, None)
                current = cache.get(self.version_key)
            return current
        except Exception:
            logger.warning("The cache did not answer; %s is computed without it", self.namespace, exc_info=True)
            return None

    def remembered(self, name, parts, compute):
        """`compute()`, or what it returned for the same `parts` since the last `forget()`."""
        current = self.version()
        if current is None:
            return compute()
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        key = f"{self.namespace}:{name}:{current}:{digest}"
        try:
            value = cache.get(key)
        except Exception:
            return compute()
        if value is None:
            value = compute()
            try:
                cache.set(key, value, TIMEOUT)
            except Exception:
                logger.warning("The cache did not take %s's %s", self.namespace, name, exc_info=True)
        return value

    def forget(self):
        """What the values are computed from changed: every remembered value is stale.

        At once, for this transaction's own later reads, and again at its commit, for what other requests
        remembered in between from the data before it.
        """
        def replace():
            try:
                cache.delete(self.version_key)
            except Exception:
                # Without the delete the values could stay stale for a day: say so loudly.
                logger.error("%s could not be forgotten", self.namespace, exc_info=True)

        replace()
        transaction.on_commit(replace, robust=True)


# What public pages show: the set of live, public pages and their titles, places and restrictions, the sites,
# the municipality's contacts in every page's footer, which documents are public, the search entries. Its version
# is the page cache's: every write to a public table replaces it (content_changes.py), however it is made.
PUBLIC_PAGES = Remembered("public-pages")


def forget_on_changes(remembered, models, name):
    """Forget `remembered` whenever a row of one of `models` is saved or deleted, however it is changed."""
    from django.db.models.signals import post_delete, post_save

    def forget(sender=None, **kwargs):
        remembered.forget()

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(forget, sender=model, weak=False,
                           dispatch_uid=f"remembered.{name}.{model._meta.label}.{signal is post_save}")
