"""The production cache: Django's pymemcache backend with its connections kept open between requests.

Django closes every cache connection when a request finishes (`close_caches`), so each request to a page would
open a new TCP connection to memcached and close it again: on a page served from the page cache that was a tenth
of its time. Each thread has a cache object (and so a connection) of its own, so nothing needs closing after a
request.

A kept connection has one weakness: after memcached restarts, the first command sent on it finds it closed and
fails, and with `ignore_exc` it fails silently. A lost read or store only costs a page made afresh; a lost delete
is worse, since a delete is how a content version is replaced (remembered.py), and pages kept under the old
version would be served until they expire. So a delete is always sent on a connection made for it. pymemcache's
memory of failures stays as it is: while memcached hangs or is down, deletes give up at once as every other
command does, instead of each waiting for its timeout.
"""

import logging

from django.core.cache.backends.memcached import PyMemcacheCache

logger = logging.getLogger(__name__)


class OneServer:
    """pymemcache's choice of server for each key when there is one server: that one while it answers. The default
    hashes every key with murmur3, written in Python, for each server; with one server it chose nothing and cost
    about a thirtieth of a page-cache hit."""

    def __init__(self):
        self.nodes = []

    def add_node(self, node):
        if node not in self.nodes:
            self.nodes.append(node)

    def remove_node(self, node):
        self.nodes.remove(node)

    def get_node(self, key):
        return self.nodes[0] if self.nodes else None


class PersistentPyMemcacheCache(PyMemcacheCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        if len(self.client_servers) == 1:
            self._options.setdefault("hasher", OneServer)

    def close(self, **kwargs):
        """Kept open for the thread's next request (see the module's docstring)."""

    def _reconnect(self):
        # The clients themselves, not HashClient.close(), which would count a close as a successful retry of a
        # failed server and forget its failure.
        for client in self._cache.clients.values():
            client.close()

    def _unreached(self):
        # With ignore_exc pymemcache answers a command it could not send as it answers a missing key; only its
        # record of the servers that failed tells the two apart.
        return bool(self._cache._failed_clients or self._cache._dead_clients)

    def delete(self, key, version=None):
        self._reconnect()
        deleted = super().delete(key, version)
        if self._unreached():
            logger.error("memcached did not take the delete of %s: what was kept under it is served until the next "
                         "change reaches memcached", key)
        return deleted

    def delete_many(self, keys, version=None):
        self._reconnect()
        super().delete_many(keys, version)
        if self._unreached():
            logger.error("memcached did not take the deletes of %s", keys)
