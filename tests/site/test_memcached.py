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
from tests.trust.test_faults import listening

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
    options = {**settings.MEMCACHED_OPTIONS, "retry_timeout": 0, "dead_timeout": 0.5}  # give up and come back soon
    with override_settings(CACHES={"default": {"BACKEND": PERSISTENT, "LOCATION": f"127.0.0.1:{memcached.port}",
                                               "OPTIONS": options}}):
        hasher = cache._cache.hasher
        assert isinstance(hasher, OneServer)  # no murmur3 in Python for every key
        cache.set("a", 1)
        assert cache.get_many(["a", "b"]) == {"a": 1}
        memcached.stop()
        for _attempt in range(5):  # pymemcache gives the server up after its failures...
            assert cache.get("a") is None  # a miss, not an error
        assert hasher.nodes == []
        memcached.start()
        time.sleep(0.6)
        cache.set("a", 2)  # ...and takes it back when it answers again
        assert cache.get("a") == 2 and len(hasher.nodes) == 1


def test_deletes_give_up_at_once_while_memcached_hangs_and_say_so(caplog):
    """Every write to a public table deletes the content version: with memcached taking connections and never
    answering, a publish of many writes must not wait for a timeout at each."""
    with listening(accept=True) as port, override_settings(CACHES={"default": {
            "BACKEND": PERSISTENT, "LOCATION": f"127.0.0.1:{port}", "OPTIONS": settings.MEMCACHED_OPTIONS}}):
        started = time.monotonic()
        for _write in range(10):
            content_changes.replace_version()
        assert time.monotonic() - started < 3 * settings.MEMCACHED_OPTIONS["timeout"]
    lost = [record for record in caplog.records if record.name == "botevgrad.memcached"]
    assert len(lost) == 10 and all(record.levelname == "ERROR" for record in lost)
