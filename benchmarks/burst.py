"""The deadline burst: 500 proposals sent by 100 residents at once to one consultation, through the real form.

Production settings, PostgreSQL, memcached, gunicorn (GUNICORN_WORKERS as in the Dockerfile, default 3) and the
task worker, which sends the confirmation e-mails to a local SMTP sink. Each resident is a browser of its own:
it opens the policy page (its CSRF cookie, the form's token and signed time), waits the form's minimum filling
time, sends the proposal, and does so five times. Each comes from an address of its own, as the proxy in front
of the site reports it (X-Forwarded-For from a trusted proxy), so the per-address rate limit counts each one.

Printed: what the residents saw (redirect after a stored proposal, refusals, 5xx, failed connections), p50/p95
of the sending, the proposals stored and the confirmation e-mails the sink received. The bench fails unless
every redirect the residents saw is a stored proposal, there is no 5xx, and every stored proposal got its mail.

    python -m benchmarks.burst [--residents 100] [--each 5]   (make bench runs it after the pages)
"""

import argparse
import html
import http.cookiejar
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from aiosmtpd.controller import Controller

from benchmarks.run import PYTHON, ROOT, environment, free_port, manage, memcached, throwaway_server, wait_until_up

POLICY = "/politiki/socialni-uslugi-i-zdraveopazvane/"
MAIL_DOMAIN = "burst.example"


class Sink:
    """An SMTP server that keeps the recipients of every message it is given."""

    def __init__(self):
        self.recipients = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients += envelope.rcpt_tos
        return "250 OK"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class BehindTheProxy(http.cookiejar.DefaultCookiePolicy):
    """The production cookies are Secure; here the proxy's TLS is left out, so they go back over plain HTTP."""

    def return_ok_secure(self, cookie, request):
        return True


def form_fields(page):
    """The consultation form's hidden values, as a browser would send them back."""
    block = re.search(r'name="block" value="([^"]+)"', page).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    shown_at = re.search(rf'name="{re.escape(block)}-rendered_at" value="([^"]+)"', page).group(1)
    return block, token, html.unescape(shown_at)


def resident(base, number, each, minimum_seconds):
    """One browser sending `each` proposals; returns (outcome, seconds) for each sending."""
    cookies = http.cookiejar.CookieJar(BehindTheProxy())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies), NoRedirect)
    address = f"10.{number // 250}.{number % 250}.7"
    results = []
    for n in range(each):
        try:
            request = urllib.request.Request(base + POLICY, headers={"X-Forwarded-For": address})
            with opener.open(request, timeout=60) as response:
                block, token, shown_at = form_fields(response.read().decode())
            time.sleep(minimum_seconds + 0.2)  # a person takes longer; a bot that posts at once is refused
            data = {
                "csrfmiddlewaretoken": token, "block": block, f"{block}-rendered_at": shown_at,
                f"{block}-kind": "proposal", f"{block}-section_anchor": "", f"{block}-website": "",
                f"{block}-text": f"Предложение {n + 1} от жител {number}: повече социални услуги в селата.",
                f"{block}-author_name": f"Жител {number}", f"{block}-email": f"zhitel{number}.{n}@{MAIL_DOMAIN}",
                f"{block}-stakeholder_type": "citizen", f"{block}-organisation": "", f"{block}-consent": "on",
            }
            request = urllib.request.Request(
                base + POLICY + "predlozhenie/", data=urllib.parse.urlencode(data).encode(),
                headers={"X-Forwarded-For": address, "Referer": base + POLICY})
            started = time.monotonic()
            try:
                with opener.open(request, timeout=60) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            results.append((status, time.monotonic() - started))
        except (OSError, AttributeError) as error:  # refused or dropped connection, a page without the form
            results.append((type(error).__name__, 0.0))
    return results


def stored_proposals(env):
    script = ("from consultations.models import Submission; "
              f"print(Submission.objects.filter(email__endswith='@{MAIL_DOMAIN}').count())")
    return int(subprocess.run([PYTHON, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True,
                              capture_output=True, text=True).stdout.strip().splitlines()[-1])


def percentile(values, share):
    return statistics.quantiles(values, n=100)[share - 1] if len(values) > 1 else (values or [0])[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=100)
    parser.add_argument("--each", type=int, default=5)
    arguments = parser.parse_args()
    port, smtp_port = free_port(), free_port()
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    workers = "3"
    try:
        with throwaway_server() as database_url, tempfile.TemporaryDirectory() as static_root, \
                memcached() as cache_url:
            env = {**environment(database_url, port, static_root, cache_url),
                   "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}", "TRUSTED_PROXIES": "127.0.0.1",
                   "SUBMISSION_RATE_LIMIT": "20/h", "CONFIRMATION_EMAIL_RATE_LIMIT": "5/h"}
            manage(env, "migrate", "--no-input")
            manage(env, "load_demo")
            manage(env, "collectstatic", "--no-input")
            minimum_seconds = float(subprocess.run(
                [PYTHON, "manage.py", "shell", "-c",
                 "from django.conf import settings; print(settings.SUBMISSION_MINIMUM_FILL_SECONDS)"],
                cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
            server = subprocess.Popen(
                [str(Path(PYTHON).parent / "gunicorn"), "botevgrad.wsgi", "--workers", workers,
                 "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
            worker = subprocess.Popen([PYTHON, "manage.py", "db_worker", "--no-reload"], cwd=ROOT, env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                base = f"http://127.0.0.1:{port}"
                wait_until_up(base + POLICY)
                started = time.monotonic()
                with ThreadPoolExecutor(arguments.residents) as pool:
                    outcomes = [result for results in pool.map(
                        lambda number: resident(base, number, arguments.each, minimum_seconds),
                        range(arguments.residents)) for result in results]
                elapsed = time.monotonic() - started
                stored = stored_proposals(env)
                deadline = time.monotonic() + 120
                while len(sink.recipients) < stored and time.monotonic() < deadline:
                    time.sleep(1)
            finally:
                for process in (server, worker):
                    process.terminate()
                    process.wait(timeout=30)
    finally:
        controller.stop()
    report(outcomes, stored, sink, elapsed, arguments, workers)


def report(outcomes, stored, sink, elapsed, arguments, workers):
    statuses = {}
    for status, _seconds in outcomes:
        statuses[status] = statuses.get(status, 0) + 1
    redirected = statuses.get(302, 0)
    server_errors = sum(count for status, count in statuses.items() if isinstance(status, int) and status >= 500)
    seconds = [seconds for status, seconds in outcomes if isinstance(status, int)]
    mailed = len({address for address in sink.recipients if address.endswith("@" + MAIL_DOMAIN)})
    print(f"\nDeadline burst: {arguments.residents} residents × {arguments.each} proposals to {POLICY}, "
          f"gunicorn {workers} workers + the task worker, PostgreSQL, memcached, SMTP sink; {elapsed:.0f} s in all\n")
    print(f"sent {len(outcomes)}; answers: " + ", ".join(f"{status}: {count}" for status, count in
                                                        sorted(statuses.items(), key=str)))
    print(f"sending p50 {percentile(seconds, 50) * 1000:.0f} ms, p95 {percentile(seconds, 95) * 1000:.0f} ms, "
          f"max {max(seconds, default=0) * 1000:.0f} ms")
    print(f"stored {stored}; redirected after storing {redirected}; lost {max(0, redirected - stored)}; "
          f"5xx {server_errors}; confirmation e-mails received {mailed}")
    if stored != redirected or server_errors or mailed != stored:
        sys.exit("The burst lost proposals, answered 5xx or did not mail every proposal.")


if __name__ == "__main__":
    main()
