"""Production settings plus a constant-response view, for measuring pages against the server's floor."""

from botevgrad.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
# One machine, no memcached: each gunicorn worker keeps its own rate-limit counts, which is
# fine for a benchmark that posts nothing.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.E003", "django_ratelimit.W001"]  # noqa: F405
