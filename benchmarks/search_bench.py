"""`make bench-search`: import, indexing, search and archive latency at 100,000 decisions on PostgreSQL, with query plans."""

import argparse
import json
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from benchmarks.run import PYTHON, ROOT, environment, manage
from benchmarks.search_data import DOCUMENT_WORD, RARE_WORDS, write_dataset
from tests.postgres_server import free_port, throwaway_server

SEARCH_TARGET_MS, ARCHIVE_TARGET_MS, IMPORT_TARGET_RATE = 100, 150, 200
RARE_WORD = RARE_WORDS[0]
FLOOR = ("floor (constant view)", "/__bench/floor/", None)
SEARCHES = [
    ("common word `община`", {"q": "община"}),
    (f"rare word `{RARE_WORD}` (~5 rows)", {"q": RARE_WORD}),
    ("inflected form `бюджета`", {"q": "бюджета"}),
    ("two words `детски градини`", {"q": "детски градини"}),
    ("number `Решение № 23`", {"q": "Решение № 23"}),
    ("number with year `23/2024`", {"q": "23/2024"}),
    ("filter `бюджет` 2024 decisions", {"q": "бюджет", "year": 2024, "kind": "decision"}),
    (f"word only in PDFs `{DOCUMENT_WORD}`", {"q": DOCUMENT_WORD}),
]
ARCHIVE = [
    ("plain", {}),
    ("`?year=2024`", {"year": 2024}),
    ("`?body=mayor&year=2020`", {"body": "mayor", "year": 2020}),
    ("`?q=бюджет`", {"q": "бюджет"}),
    ("`?q=бюджет&sort=number&page=30`", {"q": "бюджет", "sort": "number", "page": 30}),
    ("`?q=община&sort=oldest&page=30`", {"q": "община", "sort": "oldest", "page": 30}),
    ("`?sort=number&page=50`", {"sort": "number", "page": 50}),
]
EXPLAINED = {"rare word": RARE_WORD, "common word": "община"}


def requests():
    """(label, path, p95 target in ms) of every measured request, the floor first."""
    yield FLOOR
    for label, params in SEARCHES:
        yield f"search: {label}", "/search/?" + urllib.parse.urlencode(params), SEARCH_TARGET_MS
    for label, params in ARCHIVE:
        yield f"archive: {label}", "/resheniya/" + ("?" + urllib.parse.urlencode(params) if params else ""), ARCHIVE_TARGET_MS


def run_measured(env, *args):
    """Run a manage.py command; its wall time, peak RSS (MB, from the kernel's accounting of that one child) and output."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        process = subprocess.Popen([PYTHON, "manage.py", *args], cwd=ROOT, env=env, stdout=out, stderr=err, text=True)
        # wait4 rather than wait(): it returns the resource usage of exactly this process.
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode:
        sys.stderr.write(stderr[-5000:])
        if "import_decisions" not in args:  # a failed row exits 1 but the rest is imported: reported, not fatal
            raise SystemExit(f"manage.py {' '.join(args)} failed ({process.returncode})")
    return {"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024, "stdout": stdout, "stderr": stderr}


def create_database(url, name):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def run_sql(url, statement):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def import_file(env, csv_path):
    result = run_measured(env, "import_decisions", str(csv_path), "--verbosity", "0")
    counts = {name: int(value) for name, value in re.findall(r"(Създадени|обновени|с грешки): (\d+)", result["stdout"])}
    result["rows"] = counts.get("Създадени", 0) + counts.get("обновени", 0)
    result["failed"] = counts.get("с грешки", 0)
    result["errors"] = [line for line in result["stderr"].splitlines() if line.startswith("Ред ")][:5]
    return result


# What the page says it found: "Над 1000 резултата", "12 резултата", "4 979 решения и заповеди".
FOUND = re.compile(r"((?:Над )?\d[\d\s]* (?:резултат|решени|заповед)\w*(?: и заповеди)?)")


def timings(url, count, warmups):
    """Sequential GETs: the time of each timed request (ms), how many answered each status, what the last one found."""
    times, statuses, body = [], {}, b""
    for index in range(warmups + count):
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            body = error.read()
            status = error.code
        elapsed = (time.perf_counter() - start) * 1000
        if index >= warmups:
            times.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
    found = FOUND.search(body.decode("utf-8", "replace"))
    return times, statuses, " ".join(found.group(1).split()) if found else ""


def wait_until_up(url, timeout=120):
    """Like benchmarks.run's, but a worker still loading the site (a read timeout) is waited for too."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer 200 at {url} within {timeout} s")


def percentile(values, fraction):
    """Nearest rank: with 30 requests, p95 is the second slowest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure_pages(env, port, count, warmups):
    counts = subprocess.run(
        [PYTHON, "-m", "benchmarks.query_counts", *(path for _label, path, _target in requests())],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout
    queries = json.loads(counts)
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "botevgrad.wsgi", "--workers", "2", "--timeout", "120",
         "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    rows = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + FLOOR[1])
        # Each worker's first requests load the URL configuration and templates: not what is measured.
        timings(base + FLOOR[1], 0, 20)
        for label, path, target in requests():
            times, statuses, found = timings(base + path, count, warmups)
            rows.append({"label": label, "path": path, "target": target, "p50": statistics.median(times),
                         "p95": percentile(times, 0.95), "max": max(times), "statuses": statuses,
                         "queries": queries[path]["queries"], "found": found})
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def explain(env):
    """The plans of the search's full-text queries (count and first page) for the rare and the common word."""
    done = subprocess.run([PYTHON, "-m", "benchmarks.search_bench", "--explain"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"The query plans could not be read:\n{done.stderr}")
    return done.stdout


def explain_in_process():
    import django

    django.setup()
    print(explained_plans(EXPLAINED))


def explained_plans(queries):
    """Markdown: each full-text query the search runs for `queries` ({label: query}), with its analysed plan."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.engine import search

    sections = []
    for label, query in queries.items():
        with CaptureQueriesContext(connection) as captured:
            results = search(query)
            results.count()
            list(results[0:10])  # the first page, as the search view asks for it
        for executed in captured.captured_queries:
            sql = executed["sql"]
            # The planner's own estimate (EXPLAIN) and the settings around a walk are not the search's queries.
            if "@@" not in sql or sql.lstrip().upper().startswith(("EXPLAIN", "SET", "RESET")):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            kind = "count" if "COUNT(" in sql.upper() else "first page"
            sections.append(f"#### {label} `{query}`: {kind} query ({float(executed['time']) * 1000:.1f} ms in Django)\n\n"
                            f"```sql\n{sql}\n```\n\n```\n{plan}\n```\n")
    return "\n".join(sections)


def ms(value):
    return f"{value:,.1f}"


def print_report(rows_count, generated, imports, rebuild, entries, pages, plans, count, warmups):
    print(f"\n## Search benchmark: {rows_count:,} decisions and orders\n")
    print(f"Data: {generated['rows']:,} rows, {generated['documents']} PDFs, written in {generated['seconds']:.0f} s "
          f"({generated['megabytes']:.0f} MB CSV). PostgreSQL (throwaway server, default memory settings, ANALYZE "
          f"after the import); gunicorn 2 workers, production settings; {count} sequential requests each after "
          f"{warmups} warm-ups.\n")
    print("| step | rows | time | rows/s | peak RSS | target |\n| --- | ---: | ---: | ---: | ---: | --- |")
    smallest = imports[0][1]["rss_mb"]
    for size, result in imports:
        rate = result["rows"] / result["seconds"]
        failed = f" ({result['failed']} rows failed)" if result["failed"] else ""
        # "Flat": within a quarter of the smaller import's peak, whatever the number of rows.
        growth = result["rss_mb"] / smallest
        print(f"| `import_decisions` {size:,} rows{failed} | {result['rows']:,} | {result['seconds']:,.0f} s | "
              f"{rate:,.0f} | {result['rss_mb']:,.0f} MB | ≥ {IMPORT_TARGET_RATE}/s {'✓' if rate >= IMPORT_TARGET_RATE else '✗'}; "
              f"memory ×{growth:.2f} {'✓' if growth <= 1.25 else '✗'} |")
    for size, result in imports:
        worker = result["worker"]
        print(f"| task worker after the import of {size:,} (`db_worker --batch`: search entries, PDF text) | "
              f"{result['rows']:,} | {worker['seconds']:,.0f} s | {result['rows'] / worker['seconds']:,.0f} | "
              f"{worker['rss_mb']:,.0f} MB | |")
    print(f"| `rebuild_search_entries --no-progress` | {entries:,} entries | {rebuild['seconds']:,.0f} s | "
          f"{entries / rebuild['seconds']:,.0f} | {rebuild['rss_mb']:,.0f} MB | |\n")
    floor = pages[0]["p50"]
    print("| request | p50 ms | p95 ms | max ms | p50/floor | p95 target | SQL | responses | found |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |")
    for row in pages:
        target = "" if row["target"] is None else f"< {row['target']} ms {'✓' if row['p95'] < row['target'] else '✗'}"
        statuses = ", ".join(f"{number}×{status}" for status, number in sorted(row["statuses"].items()))
        print(f"| {row['label']} | {ms(row['p50'])} | {ms(row['p95'])} | {ms(row['max'])} | "
              f"{row['p50'] / floor:,.0f} | {target} | {row['queries']} | {statuses} | {row['found']} |")
    not_ok = [row for row in pages if set(row["statuses"]) != {200}]
    print("\nEvery response was 200." if not not_ok else
          "\nNot 200: " + "; ".join(f"{row['path']} {row['statuses']}" for row in not_ok))
    for size, result in imports:
        for line in result["errors"]:
            print(f"- import of {size:,} rows: {line}")
    print("\n### Query plans of the site search\n")
    print(plans)


def setup_database(env):
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000, help="decisions in the measured archive")
    parser.add_argument("--small-rows", type=int, help="rows of the second import, for the memory (default rows/10)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per address")
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep PostgreSQL and gunicorn running until Ctrl-C")
    parser.add_argument("--explain", action="store_true", help=argparse.SUPPRESS)  # the in-process half
    arguments = parser.parse_args()
    if arguments.explain:
        return explain_in_process()
    small_rows = arguments.small_rows or max(arguments.rows // 10, 1)
    port = free_port()
    with throwaway_server() as database_url, tempfile.TemporaryDirectory(prefix="bench-search-") as work:
        work = Path(work)
        datasets = {}
        for rows in (small_rows, arguments.rows):
            csv_path = work / f"data-{rows}" / "decisions.csv"
            csv_path.parent.mkdir()
            start = time.monotonic()
            written, documents = write_dataset(csv_path, rows)
            datasets[rows] = {"path": csv_path, "rows": written, "documents": documents,
                              "seconds": time.monotonic() - start, "megabytes": csv_path.stat().st_size / 1e6}
            print(f"generated {written:,} rows and {documents} PDFs in {datasets[rows]['seconds']:.0f} s", flush=True)
        imports = []
        # The smaller import goes into a database of its own, so both start from the same empty archive.
        small_url = create_database(database_url, "botevgrad_small")
        for rows, url in ((small_rows, small_url), (arguments.rows, database_url)):
            env = environment(url, port, str(work / "static"))
            env["MEDIA_ROOT"] = str(work / f"media-{rows}")
            setup_database(env)
            result = import_file(env, datasets[rows]["path"])
            # The import leaves the search entries and the PDFs' text to the task worker: let it catch up, timed.
            result["worker"] = run_measured(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay",
                                            "--verbosity", "0")
            imports.append((rows, result))
            print(f"imported {result['rows']:,} rows in {result['seconds']:.0f} s, peak {result['rss_mb']:.0f} MB; "
                  f"task worker caught up in {result['worker']['seconds']:.0f} s", flush=True)
        run_sql(database_url, 'DROP DATABASE "botevgrad_small"')
        # From here on, env is the measured archive's (the last one set up).
        rebuild = run_measured(env, "rebuild_search_entries", "--no-progress")
        entries = int(re.search(r"(\d+)", rebuild["stdout"]).group(1))
        print(f"rebuilt {entries:,} search entries in {rebuild['seconds']:.0f} s", flush=True)
        # Autovacuum would analyse the new rows within minutes in production; here the plans must not wait for it.
        run_sql(database_url, "VACUUM ANALYZE")
        manage(env, "collectstatic", "--no-input")
        pages = measure_pages(env, port, arguments.requests, arguments.warmups)
        plans = explain(env)
        print_report(arguments.rows, datasets[arguments.rows], imports, rebuild, entries, pages, plans,
                     arguments.requests, arguments.warmups)
        if arguments.keep:
            keep_running(env, port, database_url)


def keep_running(env, port, database_url):
    server = subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "botevgrad.wsgi", "--workers", "2",
                               "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env)
    print(f"\nKept: DATABASE_URL={database_url}  site http://127.0.0.1:{port}/  (Ctrl-C stops both)", flush=True)
    # A background run ignores SIGINT: SIGTERM stops it as cleanly.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
