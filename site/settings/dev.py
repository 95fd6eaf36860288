"""Settings for `make run`: one machine, SQLite, mail printed to the console."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

# Off by default, so the demo shows what visitors see (the site's own 404 and 500 pages);
# `make run DEBUG=1` asks for Django's debug pages.
DEBUG = env.bool("DEBUG", default=False)
# Only ever used on a developer's machine; production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-not-secret-botevgrad"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Static files come from the finders here (runserver, the live test server); WhiteNoise
# serves the collected files in production only.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# The web server and the task worker are two processes: the worker's writes (a built справка PDF, a
# document's text for the search) must reach the web server's page cache, so the cache is in files they
# share. Production uses the shared cache from CACHE_URL.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": BASE_DIR / "var" / "cache", "OPTIONS": {"MAX_ENTRIES": 10_000}}}
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
