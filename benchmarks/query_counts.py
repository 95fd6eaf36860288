"""Counts the SQL queries of each benchmarked page, in-process, under the benchmark settings: made afresh with what
is remembered in the cache, and cold, as the first visit after a change (the cache emptied, nothing remembered:
an upper bound, since a change replaces only the content version), with that visit's time (median of five)."""

import json
import statistics
import sys
import time

import django

COLD_VISITS = 5


def main(paths):
    django.setup()
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        times = []
        for _ in range(COLD_VISITS):
            cache.clear()
            reset_queries()  # the log keeps 9,000 queries; the capture reads its length, which stops growing then
            with CaptureQueriesContext(connection) as cold:
                start = time.perf_counter()
                client.get(path)
                times.append(time.perf_counter() - start)
            cold_queries = len(cold)
        client.get(path)  # warm the per-process caches a running server keeps
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[path] = {"queries": len(queries), "status": status, "cold_queries": cold_queries,
                        "cold_ms": statistics.median(times) * 1000}
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
