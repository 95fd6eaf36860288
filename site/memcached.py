"""The production cache: Django's pymemcache backend with its connections kept open between requests.

Django closes every cache connection when a request finishes (`close_caches`), so each request to a page would
open a new TCP connection to memcached and close it again: on a page served from the page cache that was a tenth
of its time. Each thread has a cache object (and so a connection) of its own, so nothing needs closing after a
request.

A kept connection has one weakness: after memcached restarts, a thread's next command goes to the closed socket
and fails, and with `ignore_exc` it fails silently (pymemcache reconnects for the command after it). A lost read
or store only costs a page made afresh; a lost delete is worse, since a delete is how a content version is
replaced (remembered.py), and pages kept under the old version would be served until it expires. So deletes go
through a client of their own, connected for the command and closed after it, as Django's backend does for every
command.
"""

from django.core.cache.backends.memcached import PyMemcacheCache


class OneServer:
    """pymemcache's choice of server for each key when there is one server: that one while it answers. The default
    hashes every key with murmur3, written in Python, for each server; with one server it chose nothing and cost
    a tenth of a page-cache hit."""

    def __init__(self):
        self.nodes = []

    def add_node(self, node):
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

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        fresh = self._class(self.client_servers, **self._options)
        try:
            return bool(fresh.delete(key))
        finally:
            fresh.disconnect_all()

    def delete_many(self, keys, version=None):
        keys = [self.make_and_validate_key(key, version=version) for key in keys]
        fresh = self._class(self.client_servers, **self._options)
        try:
            fresh.delete_many(keys)
        finally:
            fresh.disconnect_all()
