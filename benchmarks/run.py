"""`make bench`: the demo site under gunicorn on PostgreSQL, each page's latency next to the server's floor."""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.postgres_server import free_port, throwaway_server

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MONITORED_POLICY = "obrazovanie-i-mladi-hora"
PAGES = {
    "floor (constant view)": "/__bench/floor/",
    "home": "/",
    "policy page": "/politiki/gradska-sreda-i-transport/",
    "policy page + consultation": "/politiki/socialni-uslugi-i-zdraveopazvane/",
    # Filled by benchmarks/monitoring_data.py: 50 measures, 5 indicators of 20 values, 500 more evaluations.
    "policy page, 50 measures + 5 indicators + 500 evaluations": f"/politiki/{MONITORED_POLICY}/",
    "survey form": "/anketa/",
    "survey results (320 answers)": "/anketa/rezultati/",
    "decisions index": "/resheniya/",
    "search": "/search/?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82",
}
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")


def environment(database_url, port, static_root):
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        CACHE_URL="locmemcache://",
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
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "-s", str(ROOT / "benchmarks" / "latency.lua"), url],
        capture_output=True, text=True, check=True,
    )
    line = [text for text in result.stdout.splitlines() if text.startswith("{")][-1]
    data = json.loads(line)
    data["rps"] = data["requests"] / data["seconds"]
    return data


def print_table(results, floor):
    header = f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'p50/floor':>10} {'req/s/floor':>12} {'SQL':>5} {'errors':>7}"
    print(header)
    print("-" * len(header))
    for name, data in results.items():
        print(f"{name:28} {data['p50']:8.2f} {data['p95']:8.2f} {data['rps']:8.1f} "
              f"{data['p50'] / floor['p50']:10.1f} {data['rps'] / floor['rps']:12.2f} "
              f"{data['queries']:>5} {data['errors']:>7}")


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `apt-get install wrk` (make bench installs it when run as root).")
    port = free_port()
    with throwaway_server() as database_url, tempfile.TemporaryDirectory() as static_root:
        env = environment(database_url, port, static_root)
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo")
        subprocess.run([PYTHON, "-m", "benchmarks.monitoring_data", MONITORED_POLICY], cwd=ROOT, env=env, check=True)
        manage(env, "collectstatic", "--no-input")
        counts = json.loads(subprocess.run(
            [PYTHON, "-m", "benchmarks.query_counts", *PAGES.values()],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        ).stdout)
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "botevgrad.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/")
            results = {}
            for name, path in PAGES.items():
                results[name] = {**measure(base + path), "queries": counts[path]["queries"]}
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"\nwrk: 2 threads, {CONNECTIONS} connections, {DURATION} a page; gunicorn 2 workers; PostgreSQL; demo content\n")
    print_table(results, results["floor (constant view)"])
    output = ROOT / "benchmarks" / "results"
    output.mkdir(exist_ok=True)
    (output / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
