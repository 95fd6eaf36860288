"""The production cache keeps its connection to memcached from one request to the next (botevgrad/memcached.py),
and a change of content still replaces the version after memcached restarts; against a real memcached."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from pymemcache.client.base import Client as MemcachedClient

from botevgrad import content_changes
from botevgrad.memcached import OneServer
from tests.postgres_server import free_port

pytestmark = pytest.mark.django_db
PERSISTENT = "botevgrad.memcached.PersistentPyMemcacheCache"
DJANGOS = "django.core.cache.backends.memcached.PyMemcacheCache"


class Memcached:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        user = ["-u", "nobody"] if os.getuid() == 0 else []  # memcached refuses to run as root otherwise
        self.process = subprocess.Popen(["memcached", "-l", "127.0.0.1", "-p", str(self.port), "-U", "0", *user])
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def client(self):
        return MemcachedClient(("127.0.0.1", self.port))

    def settings(self, backend):
        return override_settings(CACHES={"default": {"BACKEND": backend, "LOCATION": f"127.0.0.1:{self.port}",
                                                     "OPTIONS": settings.MEMCACHED_OPTIONS}})


@pytest.fixture
def memcached():
    if not shutil.which("memcached"):
        pytest.fail("memcached is missing: make system-test-deps installs it")
    server = Memcached()
    server.start()
    yield server
    server.stop()


def visits_cost(memcached, backend, home):
    """How many connections three visits to the home page open."""
    with memcached.settings(backend):
        before = int(memcached.client().stats()[b"total_connections"])
        for _visit in range(3):
            assert Client().get(home.url).status_code == 200
        return int(memcached.client().stats()[b"total_connections"]) - before - 1  # the count's own connection


def test_the_production_cache_keeps_one_connection_across_requests(memcached, home):
    assert visits_cost(memcached, PERSISTENT, home) == 1
    assert visits_cost(memcached, DJANGOS, home) == 3


def test_a_change_replaces_the_version_after_memcached_restarts(memcached):
    with memcached.settings(PERSISTENT):
        cache.close()  # the cache object of this thread, connected afresh under these settings
        first = content_changes.current_version()
        assert first is not None
        memcached.stop()
        memcached.start()
        # Another worker, connected after the restart, makes a version and keeps pages under it.
        key = cache.make_and_validate_key(content_changes.VERSION_KEY)
        assert memcached.client().set(key, b"made-by-another-worker", noreply=False)

        content_changes.replace_version()

        assert memcached.client().get(key) is None
        # Reading goes on over the kept connection, reconnected after the failed command.
        assert content_changes.current_version() not in (None, first)


def test_with_one_server_every_key_goes_to_it_while_it_answers(memcached):
    with memcached.settings(PERSISTENT):
        client = cache._cache
        assert isinstance(client.hasher, OneServer)  # no murmur3 in Python for every key
        assert cache.set("a", 1) is None and cache.get_many(["a", "b"]) == {"a": 1}
        memcached.stop()
        assert cache.get("a") is None  # down: a miss, quickly (MEMCACHED_OPTIONS), not an error
        memcached.start()
    hasher = OneServer()
    hasher.add_node("127.0.0.1:1")
    assert hasher.get_node("key") == "127.0.0.1:1"
    hasher.remove_node("127.0.0.1:1")  # what pymemcache does to a server it gave up on
    assert hasher.get_node("key") is None
