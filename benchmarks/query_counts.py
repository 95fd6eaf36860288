"""Counts the SQL queries of each benchmarked page, in-process, under the benchmark settings."""

import json
import sys

import django


def main(paths):
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in paths:
        client.get(path)  # warm the per-process caches a running server keeps
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[path] = {"queries": len(queries), "status": status}
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
