"""The production cache keeps its connection to memcached from one request to the next (botevgrad/memcached.py),
against a real memcached."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.test import Client, override_settings
from pymemcache.client.base import Client as MemcachedClient

from tests.postgres_server import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def memcached():
    if not shutil.which("memcached"):
        pytest.fail("memcached is missing: make system-test-deps installs it")
    port = free_port()
    user = ["-u", "nobody"] if os.getuid() == 0 else []  # memcached refuses to run as root otherwise
    process = subprocess.Popen(["memcached", "-l", "127.0.0.1", "-p", str(port), "-U", "0", *user])
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


def connections_opened(port):
    stats = MemcachedClient(("127.0.0.1", port)).stats()
    return int(stats[b"total_connections"])


def visits_cost(port, backend, home):
    """How many connections three visits to the home page open."""
    with override_settings(CACHES={"default": {"BACKEND": backend, "LOCATION": f"127.0.0.1:{port}",
                                               "OPTIONS": settings.MEMCACHED_OPTIONS}}):
        before = connections_opened(port)
        for _visit in range(3):
            assert Client().get(home.url).status_code == 200
        return connections_opened(port) - before - 1  # the count's own connection


def test_the_production_cache_keeps_one_connection_across_requests(memcached, home):
    assert visits_cost(memcached, "botevgrad.memcached.PersistentPyMemcacheCache", home) == 1
    assert visits_cost(memcached, "django.core.cache.backends.memcached.PyMemcacheCache", home) == 3
