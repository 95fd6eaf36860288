"""The production cache: Django's pymemcache backend with its connections kept open between requests.

Django closes every cache connection when a request finishes (`close_caches`), so each request to a page would
open a new TCP connection to memcached and close it again: on a page served from the page cache that was a tenth
of its time. pymemcache reconnects by itself after a failure, within the timeouts of MEMCACHED_OPTIONS, and each
thread has a cache object (and so a connection) of its own, so nothing needs closing after a request.
"""

from django.core.cache.backends.memcached import PyMemcacheCache


class PersistentPyMemcacheCache(PyMemcacheCache):
    def close(self, **kwargs):
        """Kept open for the thread's next request (see the module's docstring)."""
