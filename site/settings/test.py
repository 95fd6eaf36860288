"""Settings for the test suite: PostgreSQL from DATABASE_URL (started by `make test`); the fuzzing and the
faults run once more with DATABASE_URL=sqlite://:memory: (Makefile)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, search_backends

if not env("DATABASE_URL", default=""):
    raise ImproperlyConfigured(
        "The tests run against PostgreSQL: use `make test`, which starts a throwaway "
        "server, or set DATABASE_URL to a PostgreSQL database you can drop."
    )
DATABASES = {"default": env.db("DATABASE_URL")}
# The suite tests the database backends; tests/search/test_elasticsearch.py runs a process of its own
# against ELASTICSEARCH_URL (or an address where nothing answers).
WAGTAILSEARCH_BACKENDS = search_backends("")

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come from the finders here (runserver, the live test server); WhiteNoise
# serves the collected files in production only.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# One process, so the per-process memory cache is a correct store for rate limits here;
# production uses the shared cache from CACHE_URL.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
