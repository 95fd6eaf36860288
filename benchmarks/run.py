"""`make bench`: the demo site under gunicorn on PostgreSQL and memcached, each page's latency next to the
server's floor, made afresh (the page cache off, the parts remembered until a change in the cache), cold (the first
visit after a change, nothing remembered: benchmarks/query_counts.py) and from the page cache (as an anonymous
visitor gets it); then the same for the archive's pages once 10,000 more decisions are imported."""

import contextlib
import csv
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks.search_data import write_dataset
from tests.postgres_server import free_port, throwaway_server

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MONITORED_POLICY = "obrazovanie-i-mladi-hora"
FLOOR = "floor (constant view)"
PAGES = {
    FLOOR: "/__bench/floor/",
    "home": "/",
    "policy page": "/politiki/gradska-sreda-i-transport/",
    "policy page + consultation": "/politiki/socialni-uslugi-i-zdraveopazvane/",
    # Filled by benchmarks/monitoring_data.py: 50 measures, 5 indicators of 20 values, 500 more evaluations.
    "policy page, 50 measures + 5 indicators + 500 evaluations": f"/politiki/{MONITORED_POLICY}/",
    "survey form": "/anketa/",
    "survey results (320 answers)": "/anketa/rezultati/",
    "decisions index": "/resheniya/",
    "decisions of a year": "/resheniya/?year=2024",
    "decision page": None,  # the newest decision, asked of the database once the demo is loaded
    "search": "/search/?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82",
}
# Measured again with this many more decisions imported: what the archive's size could slow down.
LARGE_ARCHIVE = int(os.environ.get("BENCH_LARGE_ARCHIVE", "10000"))
LARGE_PAGES = [FLOOR, "home", "decisions index", "decisions of a year", "decision page", "search"]
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")


def environment(database_url, port, static_root, cache_url):
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
    )


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):  # refused while starting; a first, cold page may take over 2 s
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer 200 at {url} within {timeout} s")


def measure(url):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "-H", "Accept-Encoding: gzip, deflate, br",
         "-s", str(ROOT / "benchmarks" / "latency.lua"), url],
        capture_output=True, text=True, check=True,
    )
    line = [text for text in result.stdout.splitlines() if text.startswith("{")][-1]
    data = json.loads(line)
    data["rps"] = data["requests"] / data["seconds"]
    return data


def print_table(uncached, cached):
    """One line a page: made afresh, then from the page cache, each next to the floor (a constant view)."""
    floor = uncached[FLOOR]
    header = (f"{'page':58} | {'p50 ms':>7} {'p95 ms':>7} {'req/s':>7} {'/floor':>7} {'SQL':>4} | "
              f"{'ms':>6} {'SQL':>4} | {'p50 ms':>7} {'p95 ms':>7} {'req/s':>7} {'/floor':>7} | {'errors':>6}")
    print(f"{'':58} | {'made afresh (page cache off)':^36} | {'cold':^11} | {'from the page cache':^31} |")
    print(header)
    print("-" * len(header))
    for name in uncached:
        fresh, kept = uncached[name], cached[name]
        print(f"{name:58} | {fresh['p50']:7.2f} {fresh['p95']:7.2f} {fresh['rps']:7.0f} "
              f"{fresh['rps'] / floor['rps']:7.1%} {fresh['queries']:>4} | {fresh['cold_ms']:6.1f} "
              f"{fresh['cold_queries']:>4} | {kept['p50']:7.2f} {kept['p95']:7.2f} "
              f"{kept['rps']:7.0f} {kept['rps'] / floor['rps']:7.1%} | {fresh['errors'] + kept['errors']:>6}")


@contextlib.contextmanager
def memcached():
    """A throwaway memcached on a free loopback port, as production's shared cache."""
    port = free_port()
    process = subprocess.Popen(["memcached", "-l", "127.0.0.1", "-p", str(port), "-m", "256", "-U", "0",
                                *(["-u", "nobody"] if os.geteuid() == 0 else [])])
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.1)
        yield f"pymemcache://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def serve_and_measure(env, port, page_cache_seconds, pages):
    """The pages under wrk, from a gunicorn started with PAGE_CACHE_SECONDS as given."""
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "botevgrad.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT, env={**env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/")
        return {name: measure(base + path) for name, path in pages.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    for program in ("wrk", "memcached"):
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is missing: `apt-get install {program}` (make bench installs it as root).")
    port = free_port()
    load = os.getloadavg()
    with throwaway_server() as database_url, tempfile.TemporaryDirectory() as static_root, \
            memcached() as cache_url:
        env = environment(database_url, port, static_root, cache_url)
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo")
        subprocess.run([PYTHON, "-m", "benchmarks.monitoring_data", MONITORED_POLICY], cwd=ROOT, env=env, check=True)
        manage(env, "collectstatic", "--no-input")
        PAGES["decision page"] = newest_decision(env)
        demo = measure_pages(env, port, PAGES)
        halves = add_decisions(env, LARGE_ARCHIVE)
        large = measure_pages(env, port, {name: PAGES[name] for name in LARGE_PAGES})
    print(f"\nwrk: 2 threads, {CONNECTIONS} connections, {DURATION} a page; gunicorn 2 workers; PostgreSQL; "
          f"memcached; load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n")
    print("Demo content:\n")
    print_table(*demo)
    print(f"\nThe archive's pages with {LARGE_ARCHIVE:,} more decisions (benchmarks/search_data.py, imported):\n")
    print_halves(halves)
    print()
    print_table(*large)
    output = ROOT / "benchmarks" / "results"
    output.mkdir(exist_ok=True)
    (output / "latest.json").write_text(json.dumps(
        {"demo": dict(zip(("uncached", "cached"), demo)), "large": dict(zip(("uncached", "cached"), large))},
        indent=2, ensure_ascii=False))


def measure_pages(env, port, pages):
    """(made afresh, from the page cache): each page's wrk figures, the first with its SQL query count."""
    counts = json.loads(subprocess.run(
        [PYTHON, "-m", "benchmarks.query_counts", *pages.values()],
        cwd=ROOT, env={**env, "PAGE_CACHE_SECONDS": "0"}, check=True, capture_output=True, text=True,
    ).stdout)
    uncached = serve_and_measure(env, port, 0, pages)
    for name, path in pages.items():
        uncached[name].update({key: counts[path][key] for key in ("queries", "cold_queries", "cold_ms")})
    return uncached, serve_and_measure(env, port, 24 * 60 * 60, pages)


def newest_decision(env):
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", "from decisions.models import DecisionPage; "
         "print(DecisionPage.objects.live().order_by('-date', '-pk').first().url)"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]


def add_decisions(env, rows):
    """Import `rows` generated decisions as an editor would, in two halves (the newer years, then the older), and
    let the task worker index each: [(decisions, import seconds, worker seconds)], the second half's into an
    archive that already holds the first, so a slowdown with the archive's size shows."""
    halves = []
    with tempfile.TemporaryDirectory() as folder:
        whole = Path(folder) / "decisions.csv"
        write_dataset(whole, rows)
        with whole.open(encoding="utf-8", newline="") as file:
            header, *lines = list(csv.reader(file))
        # Newest first; an act is only ever changed by one of its own year, so a split between years keeps each
        # amendment's two acts in the same half.
        middle_year = lines[len(lines) // 2][2][:4]
        for part in ([line for line in lines if line[2][:4] > middle_year],
                     [line for line in lines if line[2][:4] <= middle_year]):
            path = Path(folder) / "half.csv"
            with path.open("w", encoding="utf-8", newline="") as file:
                csv.writer(file).writerows([header, *part])
            start = time.monotonic()
            # A row at fault exits 1 and the rest is imported; the import's own figures are make bench-search's.
            subprocess.run([PYTHON, "manage.py", "import_decisions", str(path), "--verbosity", "0"], cwd=ROOT,
                           env=env, stdout=subprocess.DEVNULL)
            imported = time.monotonic()
            manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--verbosity", "0")
            halves.append((len(part), imported - start, time.monotonic() - imported))
    return halves


def print_halves(halves):
    before = 0
    for count, import_seconds, worker_seconds in halves:
        print(f"import of {count:,} decisions, {before:,} imported before: {import_seconds:.1f} s "
              f"({count / import_seconds:,.0f}/s); the task worker indexing them: {worker_seconds:.1f} s "
              f"({count / worker_seconds:,.0f}/s)")
        before += count


if __name__ == "__main__":
    main()
