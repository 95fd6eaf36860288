"""Values remembered in the cache until what they are computed from changes, under one version key per kind.

Each change replaces the kind's version key, which every remembered value's key contains, so nothing stale is
ever read. A cache that fails or is missing only costs the computation again.
"""

import contextvars
import hashlib
import logging
import uuid
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)
TIMEOUT = 24 * 60 * 60
_read_versions = contextvars.ContextVar("remembered_read_versions", default=None)


@contextmanager
def versions_read_once():
    """Inside (a request), each kind's version is asked of the cache once, not once per remembered value: a page
    made afresh reads up to eight of them. A change made inside drops what was read (`forget_read_version`); the
    values read once (`remembered(read_once=True)`) are under the version in their keys, so they go with it.

    Another process's change during the request is seen by the next request: what this one remembers meanwhile is
    kept under the version that change replaced, so it is never read again.
    """
    token = _read_versions.set({})
    try:
        yield _read_versions.get()
    finally:
        _read_versions.reset(token)


def forget_read_version(version_key):
    read = _read_versions.get()
    if read is not None:
        read.pop(version_key, None)


class Remembered:
    def __init__(self, namespace):
        self.namespace = namespace
        self.version_key = f"{namespace}-version"

    def version(self):
        """The current version, or None when the cache cannot be asked."""
        read = _read_versions.get()
        if read is not None and self.version_key in read:
            return read[self.version_key]
        try:
            current = cache.get(self.version_key)
            if current is None:
                cache.add(self.version_key, uuid.uuid4().hex, None)
                current = cache.get(self.version_key)
        except Exception:
            logger.warning("The cache did not answer; %s is computed without it", self.namespace, exc_info=True)
            return None
        if read is not None and current is not None:
            read[self.version_key] = current
        return current

    def remembered(self, name, parts, compute, read_once=False):
        """`compute()`, or what it returned for the same `parts` since the last `forget()`.

        `read_once`: an immutable value a request asks for several times (the view restrictions) is taken from
        the cache once per request (versions_read_once).
        """
        current = self.version()
        if current is None:
            return compute()
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()
        key = f"{self.namespace}:{name}:{current}:{digest}"
        read = _read_versions.get() if read_once else None
        if read is not None and key in read:
            return read[key]
        value = self._cached(key, compute)
        if read is not None:
            read[key] = value
        return value

    def _cached(self, key, compute):
        try:
            value = cache.get(key)
        except Exception:
            return compute()
        if value is None:
            value = compute()
            try:
                cache.set(key, value, TIMEOUT)
            except Exception:
                logger.warning("The cache did not take %s", key, exc_info=True)
        return value

    def forget(self):
        """What the values are computed from changed: every remembered value is stale.

        At once, for this transaction's own later reads, and again at its commit, for what other requests
        remembered in between from the data before it.
        """
        def replace():
            forget_read_version(self.version_key)
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
